import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/model/load.ts';
import { normalizeObject } from '../../src/model/normalize.ts';

describe('loadManifests', () => {
  it('numbers objects in document order across files and sorts the snapshot by key', () => {
    const { snapshot, diagnostics } = loadManifests([
      {
        name: 'routes.yaml',
        text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: z}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: a}\n',
      },
      { name: 'svc.json', text: '{"apiVersion":"v1","kind":"Service","metadata":{"name":"m"}}' },
    ]);
    expect(diagnostics).toEqual([]);
    expect(snapshot.objects.map((o) => [o.key, o.order, o.source?.file])).toEqual([
      ['HTTPRoute.gateway.networking.k8s.io/default/a', 1, 'routes.yaml'],
      ['HTTPRoute.gateway.networking.k8s.io/default/z', 0, 'routes.yaml'],
      ['Service/default/m', 2, 'svc.json'],
    ]);
  });

  it('returns parse diagnostics before normalize diagnostics', () => {
    const { diagnostics } = loadManifests([
      {
        name: 'a.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: x}]}\n---\nkey: [unclosed\n',
      },
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['GS001-YamlSyntax', 'GS010-InvalidField']);
  });

  it('passes the cluster name to every object', () => {
    const { snapshot } = loadManifests(
      [{ name: 'a.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ns1}\n' }],
      {
        cluster: 'west',
      },
    );
    expect(snapshot.objects[0]?.meta.cluster).toBe('west');
  });
});

/** Field names normalize reads, so random specs reach deep into every kind. */
const FIELD = fc.constantFrom(
  'parentRefs',
  'parentRef',
  'rules',
  'matches',
  'path',
  'type',
  'value',
  'name',
  'namespace',
  'headers',
  'queryParams',
  'method',
  'backendRefs',
  'filters',
  'weight',
  'port',
  'listeners',
  'protocol',
  'hostname',
  'hostnames',
  'tls',
  'mode',
  'certificateRefs',
  'allowedRoutes',
  'namespaces',
  'from',
  'selector',
  'kinds',
  'group',
  'kind',
  'requestRedirect',
  'statusCode',
  'requestMirror',
  'fraction',
  'cors',
  'maxAge',
  'extensionRef',
  'targetRef',
  'targetRefs',
  'validation',
  'caCertificateRefs',
  'to',
  'ports',
  'endpoints',
  'conditions',
  'ready',
  'status',
  'parents',
  'parentRef',
  'listeners',
  'gatewayClassName',
  'controllerName',
  'matchLabels',
  'matchExpressions',
  'operator',
  'values',
  'timeouts',
  'retry',
  'codes',
  'clusters',
);

const { node: value } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null), fc.double()),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(FIELD, tie('node'), { maxKeys: 4 }),
  ),
}));

const KINDS = [
  ['gateway.networking.k8s.io/v1', 'Gateway'],
  ['gateway.networking.k8s.io/v1', 'GatewayClass'],
  ['gateway.networking.k8s.io/v1', 'ListenerSet'],
  ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
  ['gateway.networking.k8s.io/v1', 'GRPCRoute'],
  ['gateway.networking.k8s.io/v1alpha2', 'TLSRoute'],
  ['gateway.networking.k8s.io/v1alpha2', 'TCPRoute'],
  ['gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'],
  ['gateway.networking.k8s.io/v1', 'BackendTLSPolicy'],
  ['example.com/v1', 'SomePolicy'],
  ['multicluster.x-k8s.io/v1alpha1', 'ServiceImport'],
  ['discovery.k8s.io/v1', 'EndpointSlice'],
  ['v1', 'Service'],
  ['v1', 'Secret'],
] as const;

describe('normalizeObject on arbitrary specs', () => {
  it('never throws, keeps the object, and every diagnostic names a field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        value,
        value,
        fc.anything(),
        ([apiVersion, kind], spec, status, extra) => {
          const raw = {
            apiVersion,
            kind,
            metadata: { name: 'x', labels: extra },
            spec,
            status,
            endpoints: spec,
            data: spec,
          };
          const result = normalizeObject(raw, { source: { file: 'f', line: 1, column: 1 } });
          expect(result.object?.ref.kind).toBe(kind);
          expect(() => JSON.stringify(result.object)).not.toThrow();
          for (const d of result.diagnostics) {
            expect(d.field, d.message).toBeTruthy();
            expect(d.source).toEqual({ file: 'f', line: 1, column: 1 });
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
