/** `--format json` objects carry the Kubernetes status shape of each kind (BackendTLSPolicy: PolicyStatus). */
import { describe, expect, it } from 'vitest';
import { analyze } from '@gatescope/core/analysis/analyze';
import { loadManifests } from '@gatescope/core/model/load';
import { jsonReport } from '../../src/cli/output/json.ts';

const INPUT = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners: [{name: web, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: app}
spec: {ports: [{port: 443}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules: [{backendRefs: [{name: svc, port: 443}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: p, namespace: app}
spec:
  targetRefs: [{group: "", kind: Service, name: svc}]
  validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: missing}], hostname: svc.app}
`;

describe('json output: BackendTLSPolicy', () => {
  it('writes status.ancestors only, with ancestorRef, controllerName and conditions', () => {
    const analysis = analyze(loadManifests([{ name: 'in.yaml', text: INPUT }]).snapshot);
    const policy = jsonReport(analysis, analysis.diagnostics).objects.find(
      (o) => o.kind === 'BackendTLSPolicy',
    );
    expect(policy?.status).toEqual({
      ancestors: [
        {
          ancestorRef: {
            group: 'gateway.networking.k8s.io',
            kind: 'Gateway',
            namespace: 'infra',
            name: 'gw',
          },
          controllerName: 'example.com/c',
          conditions: [
            expect.objectContaining({ type: 'Accepted', status: 'False', reason: 'NoValidCACertificate' }),
            expect.objectContaining({
              type: 'ResolvedRefs',
              status: 'False',
              reason: 'InvalidCACertificateRef',
            }),
          ],
        },
      ],
    });
  });
});
