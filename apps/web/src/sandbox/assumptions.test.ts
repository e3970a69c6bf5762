import { describe, expect, it } from 'vitest';
import { analyze } from '@gatescope/core/analysis/analyze';
import { loadManifests } from '@gatescope/core/model/load';
import { missingObjects } from './assumptions.ts';
import { diffDiagnostics } from './problems.ts';

function analysisOf(text: string): ReturnType<typeof analyze> {
  return analyze(loadManifests([{ name: 'sandbox.yaml', text }]).snapshot);
}

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: team}
spec:
  parentRefs: [{name: shared, namespace: infra, sectionName: web}]
  rules:
    - backendRefs: [{name: api, port: 8080}, {name: api, port: 9090}]
`;

describe('assume X exists', () => {
  it('offers one stub per missing object, with the ports the route uses', () => {
    const missing = missingObjects(analysisOf(ROUTE));
    expect(missing.map((m) => m.label)).toEqual([
      'Service team/api (port 8080, 9090)',
      'Gateway infra/shared',
    ]);
    const gateway = missing[1]!.yaml;
    expect(gateway).toContain('# ASSUMPTION');
    expect(gateway).toContain('gatescope.dev/assumption: "true"');
    expect(gateway).toContain('- name: web');
  });

  it('stubs make the references resolve (and nothing is missing afterwards)', () => {
    const first = missingObjects(analysisOf(ROUTE));
    const withStubs = [ROUTE, ...first.map((m) => m.yaml)].join('---\n');
    const second = missingObjects(analysisOf(withStubs));
    // The assumed Gateway names a GatewayClass: that one is next.
    expect(second.map((m) => m.label)).toEqual(['GatewayClass assumed']);
    const all = [withStubs, ...second.map((m) => m.yaml)].join('---\n');
    const analysis = analysisOf(all);
    expect(missingObjects(analysis)).toEqual([]);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('what-if diagnostics diff', () => {
  it('splits diagnostics into introduced, fixed and unchanged', () => {
    const before = analysisOf(ROUTE).diagnostics;
    const stubs = missingObjects(analysisOf(ROUTE))
      .filter((m) => m.label.startsWith('Service'))
      .map((m) => m.yaml);
    const after = analysisOf([ROUTE, ...stubs].join('---\n')).diagnostics;
    const diff = diffDiagnostics(before, after);
    expect(diff.fixed.some((d) => d.code.includes('BackendNotInInput'))).toBe(true);
    expect(diff.introduced).toEqual([]);
    expect(diff.unchanged.length).toBe(after.length);
  });
});
