import { describe, expect, it } from 'vitest';
import { normalizeObject } from '../../src/model/normalize.ts';
import { codes, load, only } from './helpers.ts';

describe.each(['v1', 'v1beta1', 'v1alpha2'])('ReferenceGrant %s', (version) => {
  it('reads from/to; name absent means every object of that kind', () => {
    const loaded = load(`
apiVersion: gateway.networking.k8s.io/${version}
kind: ReferenceGrant
metadata: {name: rg, namespace: backends}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps}]
  to: [{group: "", kind: Service}, {group: "", kind: Secret, name: cert}]
`);
    const grant = only(loaded, 'ReferenceGrant');
    expect(loaded.diagnostics).toEqual([]);
    expect(grant.from).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'apps' },
    ]);
    expect(grant.to).toEqual([
      { group: '', kind: 'Service' },
      { group: '', kind: 'Secret', name: 'cert' },
    ]);
  });
});

describe.each(['v1', 'v1alpha3'])('BackendTLSPolicy %s', (version) => {
  it('resolves targetRefs and CA refs in the policy namespace', () => {
    const loaded = load(`
apiVersion: gateway.networking.k8s.io/${version}
kind: BackendTLSPolicy
metadata: {name: tls, namespace: apps}
spec:
  targetRefs: [{group: "", kind: Service, name: api, sectionName: https}]
  validation:
    caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]
    hostname: api.example.com
status:
  ancestors:
  - ancestorRef: {name: gw}
    controllerName: example.com/gw
    conditions: []
`);
    const policy = only(loaded, 'BackendTLSPolicy');
    expect(loaded.diagnostics).toEqual([]);
    expect(policy.targetRefs).toEqual([
      {
        group: '',
        kind: 'Service',
        namespace: 'apps',
        name: 'api',
        key: 'Service/apps/api',
        sectionName: 'https',
      },
    ]);
    expect(policy.validation).toEqual({
      caCertificateRefs: [
        { group: '', kind: 'ConfigMap', namespace: 'apps', name: 'ca', key: 'ConfigMap/apps/ca' },
      ],
      hostname: 'api.example.com',
      subjectAltNames: [],
    });
    expect(policy.observed?.ancestors[0]?.parentRef).toEqual({
      group: 'gateway.networking.k8s.io',
      kind: 'Gateway',
      namespace: 'apps',
      name: 'gw',
    });
  });
});

describe('policies and unknown kinds', () => {
  const loaded = load(`
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ClientTrafficPolicy
metadata: {name: ctp, namespace: infra}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: gw}
---
apiVersion: policy.example.com/v1
kind: Limits
metadata: {name: lim}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r1}, {group: gateway.networking.k8s.io, kind: HTTPRoute, name: r2}]
---
apiVersion: example.com/v1
kind: RateLimitPolicy
metadata: {name: no-target}
spec: {limit: 10}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
`);

  it('kinds named *Policy or in a policy group with targetRef(s) become Policy', () => {
    const policies = loaded.objects.filter((o) => o.kind === 'Policy');
    expect(
      policies.map((p) =>
        p.kind === 'Policy' ? [p.policyGroup, p.policyKind, p.targetRefs.map((t) => t.key)] : [],
      ),
    ).toEqual([
      ['gateway.envoyproxy.io', 'ClientTrafficPolicy', ['Gateway.gateway.networking.k8s.io/infra/gw']],
      [
        'policy.example.com',
        'Limits',
        ['HTTPRoute.gateway.networking.k8s.io/default/r1', 'HTTPRoute.gateway.networking.k8s.io/default/r2'],
      ],
    ]);
  });

  it('everything else is Opaque, cluster-scoped kinds without namespace', () => {
    const opaque = loaded.objects.filter((o) => o.kind === 'Opaque');
    expect(opaque.map((o) => o.key)).toEqual([
      'ClusterRole.rbac.authorization.k8s.io//reader',
      'Deployment.apps/default/app',
      'RateLimitPolicy.example.com/default/no-target',
    ]);
    expect(loaded.diagnostics).toEqual([]);
  });
});

describe('Service, ServiceImport, ServiceExport', () => {
  it('defaults Service type and port protocol', () => {
    const svc = only(
      load(`
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  ports:
  - {name: http, port: 80, targetPort: 8080, appProtocol: kubernetes.io/h2c}
  - {port: 53, protocol: UDP, targetPort: dns}
`),
      'Service',
    );
    expect(svc.type).toBe('ClusterIP');
    expect(svc.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c', targetPort: 8080 },
      { port: 53, protocol: 'UDP', targetPort: 'dns' },
    ]);
  });

  it.each(['v1alpha1', 'v1beta1'])('reads ServiceImport %s spec and exporting clusters', (version) => {
    const loaded = load(`
apiVersion: multicluster.x-k8s.io/${version}
kind: ServiceImport
metadata: {name: api, namespace: apps}
spec:
  type: ClusterSetIP
  ips: [10.1.2.3]
  ports: [{port: 80}]
status:
  clusters: [{cluster: east}, {cluster: west}]
`);
    const si = only(loaded, 'ServiceImport');
    expect(loaded.diagnostics).toEqual([]);
    expect(si.key).toBe('ServiceImport.multicluster.x-k8s.io/apps/api');
    expect(si).toMatchObject({ type: 'ClusterSetIP', ips: ['10.1.2.3'], clusters: ['east', 'west'] });
    expect(si.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('reads ServiceExport conditions', () => {
    const se = only(
      load(`
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceExport
metadata: {name: api}
status: {conditions: [{type: Valid, status: "True", reason: Valid, message: ""}]}
`),
      'ServiceExport',
    );
    expect(se.observed?.conditions.map((c) => c.type)).toEqual(['Valid']);
  });
});

describe('EndpointSlice', () => {
  it('reduces endpoints to ready/total counts (absent ready counts as ready) and drops addresses', () => {
    const slice = only(
      load(`
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: api-abc12
  labels: {kubernetes.io/service-name: api}
addressType: IPv4
endpoints:
- addresses: [10.0.0.1]
  conditions: {ready: true}
- addresses: [10.0.0.2]
  conditions: {ready: false, terminating: true}
- addresses: [10.0.0.3]
- addresses: [10.0.0.4]
  conditions: {}
ports: [{port: 8080}]
`),
      'EndpointSlice',
    );
    expect(slice).toMatchObject({ serviceName: 'api', ready: 3, total: 4 });
    expect(slice.raw).toMatchObject({ endpointCounts: { ready: 3, total: 4 } });
    expect(JSON.stringify(slice)).not.toContain('10.0.0.');
  });

  const reduced = (counts: string): string => `
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: api-abc12
  labels: {kubernetes.io/service-name: api}
addressType: IPv4
endpointCounts: ${counts}
ports: [{port: 8080}]
`;

  it('reads the reduced form the live server sends (endpointCounts instead of endpoints)', () => {
    const loaded = load(reduced('{ready: 2, total: 5}'));
    expect(loaded.diagnostics).toEqual([]);
    const slice = only(loaded, 'EndpointSlice');
    expect(slice).toMatchObject({ serviceName: 'api', ready: 2, total: 5 });
    expect(slice.raw).toMatchObject({ endpointCounts: { ready: 2, total: 5 } });
    expect(slice.raw).not.toHaveProperty('endpoints');
  });

  it('round-trips: a normalized raw normalizes to the same counts (shared snapshots keep them)', () => {
    const first = only(load(reduced('{ready: 1, total: 3}')), 'EndpointSlice');
    const again = normalizeObject(first.raw).object;
    expect(again).toMatchObject({ kind: 'EndpointSlice', ready: 1, total: 3 });
  });

  it.each(['{ready: 4, total: 3}', '{ready: -1, total: 3}', '{ready: 1}', '"3/4"'])(
    'reports invalid endpointCounts %s and counts the endpoints list instead',
    (counts) => {
      const loaded = load(`${reduced(counts)}endpoints: [{conditions: {ready: true}}]\n`);
      expect(codes(loaded)).toContain('GS010-InvalidField endpointCounts');
      expect(only(loaded, 'EndpointSlice')).toMatchObject({ ready: 1, total: 1 });
    },
  );
});

describe('Secret and ConfigMap', () => {
  const secretYaml = `
apiVersion: v1
kind: Secret
metadata:
  name: cert
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"data":{"tls.key":"c2VjcmV0LXZhbHVl"}}'
    keep: me
  managedFields: [{manager: kubectl}]
type: kubernetes.io/tls
data:
  tls.crt: Y2VydA==
  tls.key: c2VjcmV0LXZhbHVl
stringData:
  extra: plain-secret-value
`;

  it('keeps key names only: no value survives anywhere in the model', () => {
    const secret = only(load(secretYaml), 'Secret');
    expect(secret.dataKeys).toEqual(['extra', 'tls.crt', 'tls.key']);
    expect(secret.secretType).toBe('kubernetes.io/tls');
    const serialized = JSON.stringify(secret);
    expect(serialized).not.toContain('c2VjcmV0LXZhbHVl');
    expect(serialized).not.toContain('plain-secret-value');
    expect(serialized).not.toContain('Y2VydA==');
    expect(secret.raw['data']).toBeUndefined();
    expect(secret.raw['stringData']).toBeUndefined();
  });

  it('strips managedFields and the last-applied annotation from raw and meta', () => {
    const secret = only(load(secretYaml), 'Secret');
    expect(secret.meta.annotations).toEqual({ keep: 'me' });
    expect(secret.raw['metadata']).toEqual({ name: 'cert', annotations: { keep: 'me' } });
  });

  it('ConfigMaps keep data key names too', () => {
    const cm = only(
      load(
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {b: "1", a: "2"}\nbinaryData: {c: AA==}\n',
      ),
      'ConfigMap',
    );
    expect(cm.dataKeys).toEqual(['a', 'b', 'c']);
  });
});

describe('metadata and identity', () => {
  it('Namespace is cluster-scoped; labels, annotations, timestamps and cluster are kept', () => {
    const loaded = load(
      `
apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels: {team: a}
  uid: u-1
  resourceVersion: "42"
  creationTimestamp: 2024-05-01T10:00:00Z
`,
      { cluster: 'east' },
    );
    const ns = only(loaded, 'Namespace');
    expect(ns.key).toBe('Namespace//apps');
    expect(ns.meta).toEqual({
      name: 'apps',
      namespace: '',
      uid: 'u-1',
      resourceVersion: '42',
      creationTimestamp: '2024-05-01T10:00:00Z',
      labels: { team: 'a' },
      annotations: {},
      cluster: 'east',
    });
  });

  it('keeps hostile label keys as plain data', () => {
    const svc = only(
      load('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels: {__proto__: x, constructor: z}\n'),
      'Service',
    );
    expect(Object.getPrototypeOf(svc.meta.labels)).toBe(Object.prototype);
    expect(Object.entries(svc.meta.labels)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'z'],
    ]);
  });

  it('explains YAML 1.1 booleans in string fields (the Norway problem)', () => {
    const loaded = load(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: no\n  labels: {country: NO}\n',
    );
    const svc = only(loaded, 'Service');
    expect(codes(loaded)).toEqual([
      'GS010-InvalidField metadata.namespace',
      'GS010-InvalidField metadata.labels.country',
    ]);
    expect(loaded.diagnostics[0]?.message).toContain('quote the value');
    expect(svc.meta.labels).toEqual({ country: 'false' });
  });

  it('warns on unknown versions of known kinds and still normalizes them', () => {
    const loaded = load(
      'apiVersion: gateway.networking.k8s.io/v2\nkind: HTTPRoute\nmetadata: {name: r}\nspec: {}\n',
    );
    expect(only(loaded, 'HTTPRoute').rules).toHaveLength(1); // the rules default applies
    expect(loaded.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['GS012-UnknownVersion', 'warning'],
    ]);
  });

  it('warns when a known kind is used with the wrong API group, and keeps it as Opaque', () => {
    const loaded = load('apiVersion: v1\nkind: HTTPRoute\nmetadata: {name: r}\n');
    expect(only(loaded, 'Opaque').key).toBe('HTTPRoute/default/r');
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      'test.yaml:1:1: HTTPRoute default/r: apiVersion: v1 does not serve HTTPRoute (expected gateway.networking.k8s.io/v1): kept as an unknown kind',
    ]);
  });

  it('rejects names that would break the key, reports other invalid names', () => {
    const loaded = load(
      'apiVersion: v1\nkind: Service\nmetadata: {name: a/b}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: Upper_Case}\n',
    );
    expect(loaded.objects.map((o) => o.ref.name)).toEqual(['Upper_Case']);
    expect(codes(loaded)).toEqual([
      'GS013-InvalidObjectName metadata.name',
      'GS013-InvalidObjectName metadata.name',
    ]);
  });

  it('reports duplicates; the later definition wins', () => {
    const loaded = load(`
apiVersion: v1
kind: Service
metadata: {name: s, namespace: default}
spec: {type: ClusterIP}
---
apiVersion: v1
kind: Service
metadata: {name: s}
spec: {type: NodePort}
`);
    expect(only(loaded, 'Service').type).toBe('NodePort');
    // Created by the first document, updated by the second: creation order stays the first's.
    expect(only(loaded, 'Service').order).toBe(0);
    expect(only(loaded, 'Service').source?.line).toBe(7);
    expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.source?.line])).toEqual([
      ['GS006-DuplicateObject', 'warning', 7],
    ]);
    expect(loaded.diagnostics[0]?.message).toContain('first at test.yaml:2:1');
  });

  it('normalizeObject (live objects) reports missing identity instead of throwing', () => {
    expect(normalizeObject({ kind: 'Service', metadata: { name: 'x' } }).object).toBeUndefined();
    expect(normalizeObject({ apiVersion: 'v1', kind: 'Service', metadata: {} }).diagnostics[0]?.code).toBe(
      'GS005-MissingName',
    );
    const { object } = normalizeObject(
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' } },
      { cluster: 'c1', order: 7 },
    );
    expect(object?.meta.cluster).toBe('c1');
    expect(object?.order).toBe(7);
    expect(object?.source).toBeUndefined();
  });
});
