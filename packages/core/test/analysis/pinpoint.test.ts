import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { pinpointDiagnostics } from '../../src/diagnostics/pinpoint.ts';
import { loadManifests } from '../../src/model/load.ts';

const TEXT = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
  namespace: app
spec:
  parentRefs:
    - name: gw
  rules:
    - backendRefs:
        - name: present
          port: 80
        - name: missing
          port: 80
`;

describe('pinpointDiagnostics', () => {
  const files = [{ name: 'route.yaml', text: TEXT }];
  const { snapshot } = loadManifests(files);
  // Complete input: the absent parent and backend are reported as missing (GS301, GS310).
  const diagnostics = analyze(snapshot, { completeKinds: 'all' }).diagnostics;

  it('moves the position from the object to the field', () => {
    const pinned = pinpointDiagnostics(files, diagnostics);
    const byCode = (code: string) => pinned.filter((d) => d.code.startsWith(code)).map((d) => d.source);
    expect(diagnostics.find((d) => d.code.startsWith('GS301'))?.source).toMatchObject({ line: 6, column: 1 });
    expect(byCode('GS301')).toEqual([{ file: 'route.yaml', line: 13, column: 7 }]);
    // backendRefs[1] is the second list item (line 18), backendRefs[0] the first (line 16).
    expect(
      byCode('GS310')
        .map((s) => s?.line)
        .sort(),
    ).toEqual([16, 18]);
  });

  it('leaves diagnostics without a field or a known file alone', () => {
    const other = pinpointDiagnostics([{ name: 'other.yaml', text: TEXT }], diagnostics);
    expect(other).toEqual(diagnostics);
  });
});
