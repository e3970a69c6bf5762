/**
 * "Absent is not missing" (analysis/absent.ts): an object referenced but not in the input is
 * "not in the input" (info) unless the input holds every object of its kind; the predicted
 * status is the same either way.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { AnalyzeOptions } from '../../src/analysis/context.ts';
import type { Analysis, PredictedStatus } from '../../src/analysis/types.ts';
import { completeKindsOf, visibilityFromKinds } from '../../src/analysis/visibility.ts';
import { compileRouteTables, explain } from '../../src/matching/index.ts';
import { loadManifests } from '../../src/model/load.ts';
import type { KindStatus } from '../../src/wire.ts';

const CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: shop}
spec: {controllerName: example.com/gw}
`;

const GATEWAY = (className: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: ${className}
  listeners:
    - {name: web, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
    - name: secure
      port: 443
      protocol: HTTPS
      tls: {certificateRefs: [{name: edge-tls}]}
      allowedRoutes: {namespaces: {from: All}}
`;

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: store, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra, sectionName: web}, {name: shared, namespace: infra}]
  rules:
    - backendRefs: [{name: store, port: 8080}]
    - matches: [{path: {type: PathPrefix, value: /pay}}]
      backendRefs: [{name: payments, namespace: billing, port: 8443}]
`;

const POLICY = `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: store-tls, namespace: shop}
spec:
  targetRefs: [{group: "", kind: Service, name: store}]
  validation: {hostname: store.shop.svc, caCertificateRefs: [{group: "", kind: ConfigMap, name: store-ca}]}
`;

function run(docs: readonly string[], options: AnalyzeOptions = {}): Analysis {
  return analyze(loadManifests([{ name: 'in.yaml', text: docs.join('---\n') }]).snapshot, options);
}

function codes(a: Analysis, severity?: string): string[] {
  return a.diagnostics
    .filter((d) => severity === undefined || d.severity === severity)
    .map((d) => d.code)
    .sort();
}

/** The predicted status of the (only) object of a kind. */
function statusOf(a: Analysis, kind: string): PredictedStatus | undefined {
  const object = a.snapshot.objects.find((o) => o.ref.kind === kind);
  return object === undefined ? undefined : a.predicted.get(object.key);
}

/** Type, status and reason of every predicted condition: what the JSON contract promises. */
function shapes(a: Analysis): unknown {
  const strip = (s: PredictedStatus): unknown =>
    JSON.parse(JSON.stringify(s), (k: string, v: unknown) => (k === 'message' ? undefined : v));
  return [...a.predicted].map(([key, s]) => [key, strip(s)]);
}

describe('absent from the input is not missing', () => {
  const docs = [CLASS, GATEWAY('shop'), ROUTE, POLICY];

  it('files (the default): every absent reference is its own NotInInput check, at info', () => {
    const a = run(docs);
    expect(codes(a, 'error')).toEqual([]);
    expect(codes(a, 'warning')).toEqual([]);
    expect(codes(a)).toEqual([
      'GS232-SecretNotInInput',
      'GS340-RouteParentNotInInput',
      'GS342-BackendNotInInput',
      'GS342-BackendNotInInput',
      'GS430-PolicyTargetNotInInput',
      'GS431-ConfigMapNotInInput',
    ]);
    for (const d of a.diagnostics.filter((x) => /NotInInput$/.test(x.code))) {
      expect(d.message).toContain('is not in the input');
      expect(d.message).not.toContain('does not exist');
    }
  });

  it('a Gateway not programmed only because of absent references is not an error either', () => {
    const httpsOnly = GATEWAY('shop').replace(/ {4}- \{name: web[^\n]*\n/, '');
    const programmed = run([CLASS, httpsOnly]).diagnostics.find(
      (d) => d.code === 'GS203-GatewayNotProgrammed',
    );
    expect(programmed).toMatchObject({ severity: 'info' });
    expect(programmed?.message).toContain('only because referenced objects are not in the input');
    const live = run([CLASS, httpsOnly], { completeKinds: 'all' }).diagnostics;
    expect(live.find((d) => d.code === 'GS203-GatewayNotProgrammed')?.severity).toBe('error');
  });

  it('a complete input (live, synced kinds): the same references are missing, as errors', () => {
    const a = run(docs, { completeKinds: 'all' });
    expect(codes(a, 'error')).toEqual([
      'GS215-ListenerInvalidCertificateRef',
      'GS301-RouteParentNotFound',
      'GS310-BackendNotFound',
      'GS313-BackendRefNotPermitted',
      'GS403-BackendTLSPolicyInvalidCACertificateRef',
    ]);
    expect(codes(a, 'warning')).toContain('GS401-PolicyTargetNotFound');
    expect(codes(a).filter((c) => c.endsWith('NotInInput'))).toEqual([]);
    expect(a.diagnostics.find((d) => d.code === 'GS310-BackendNotFound')?.message).toContain(
      'does not exist',
    );
  });

  it('keeps the predicted status spec-faithful: same conditions whether absent or missing', () => {
    const files = run(docs);
    const live = run(docs, { completeKinds: 'all' });
    expect(shapes(files)).toEqual(shapes(live));
    const route = statusOf(files, 'HTTPRoute');
    const refs =
      route?.kind === 'Route'
        ? route.parents[0]?.conditions.find((c) => c.type === 'ResolvedRefs')
        : undefined;
    // A conformant controller in a cluster without the Service would write BackendNotFound.
    expect(refs).toMatchObject({ status: 'False', reason: 'BackendNotFound' });
  });

  it('completeness is per kind: only the kinds named are authoritative', () => {
    const a = run(docs, { completeKinds: ['Service'] });
    expect(codes(a, 'error')).toEqual(['GS310-BackendNotFound', 'GS313-BackendRefNotPermitted']);
    // The policy target is a Service too: missing now.
    expect(codes(a)).toContain('GS401-PolicyTargetNotFound');
    expect(codes(a)).toContain('GS232-SecretNotInInput');
  });

  it('absentSeverity error makes them fail (CLI --absent=error), with the same codes', () => {
    const a = run(docs, { absentSeverity: 'error' });
    const absent = a.diagnostics.filter((d) => d.code.endsWith('NotInInput'));
    expect(absent.length).toBe(6);
    expect(absent.every((d) => d.severity === 'error')).toBe(true);
  });

  it('a Gateway whose class is not in the input: Accepted=Unknown/Pending, info, routes pending at info', () => {
    const a = run([GATEWAY('vendor-class'), ROUTE.replace(', {name: shared, namespace: infra}', '')]);
    expect(codes(a, 'error')).toEqual([]);
    expect(codes(a, 'warning')).toEqual([]);
    expect(codes(a)).toContain('GS230-GatewayClassNotInInput');
    expect(codes(a)).toContain('GS307-RouteParentPending');
    const gw = statusOf(a, 'Gateway');
    const acc = gw?.kind === 'Gateway' ? gw.conditions.find((c) => c.type === 'Accepted') : undefined;
    expect(acc).toMatchObject({ status: 'Unknown', reason: 'Pending' });
    // Live, with GatewayClasses synced: the class does not exist (an error), the route warns.
    const live = run([GATEWAY('vendor-class'), ROUTE], {
      completeKinds: ['GatewayClass.gateway.networking.k8s.io'],
    });
    expect(codes(live, 'error')).toContain('GS201-GatewayClassNotFound');
    expect(live.diagnostics.find((d) => d.code === 'GS307-RouteParentPending')?.severity).toBe('warning');
  });

  it('a Gateway not programmed for another reason too stays an error', () => {
    const httpsOnly = GATEWAY('shop').replace(/ {4}- \{name: web[^\n]*\n/, '');
    // A second listener that is invalid for a reason of the input itself (TCP must not set tls).
    const broken = `${httpsOnly}    - {name: raw, port: 9000, protocol: TCP, tls: {mode: Terminate, certificateRefs: [{name: edge-tls}]}}\n`;
    const a = run([CLASS, broken]);
    expect(codes(a, 'error')).toContain('GS214-ListenerInvalidTLSConfig');
    expect(a.diagnostics.find((d) => d.code === 'GS203-GatewayNotProgrammed')?.severity).toBe('error');
  });

  it('namespace labels unknown (Namespace not in the input) vs a selector refusing the known name', () => {
    const gw = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: shop
  listeners:
    - name: web
      port: 80
      protocol: HTTP
      allowedRoutes:
        namespaces:
          from: Selector
          selector: {matchLabels: {team: shop}}
`;
    const route = (ns: string): string =>
      ROUTE.replace('namespace: shop', `namespace: ${ns}`)
        .replace(', sectionName: web', '')
        .replace(', {name: shared, namespace: infra}', '');
    const a = run([CLASS, gw, route('shop')]);
    expect(codes(a)).toContain('GS341-NamespaceNotInInput');
    expect(codes(a)).not.toContain('GS303-RouteNamespaceNotAllowed');
    // The Namespace object is in the input without the label: a real refusal.
    const ns = `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: other}}\n`;
    expect(codes(run([CLASS, gw, route('shop'), ns]))).toContain('GS303-RouteNamespaceNotAllowed');
    // A selector on the namespace name: the name is always known.
    const byName = gw.replace(
      '{matchLabels: {team: shop}}',
      '{matchLabels: {kubernetes.io/metadata.name: infra}}',
    );
    expect(codes(run([CLASS, byName, route('shop')]))).toContain('GS303-RouteNamespaceNotAllowed');
  });

  it('a Gateway allowedListeners selector over a Namespace not in the input: unknown, not refused', () => {
    const gw = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: shop
  allowedListeners: {namespaces: {from: Selector, selector: {matchLabels: {listeners: allowed}}}}
  listeners: [{name: web, port: 80, protocol: HTTP}]
`;
    const ls = `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: team, namespace: team-a}
spec:
  parentRef: {name: edge, namespace: infra}
  listeners: [{name: team, port: 8080, protocol: HTTP}]
`;
    const a = run([CLASS, gw, ls]);
    expect(codes(a)).toContain('GS341-NamespaceNotInInput');
    expect(codes(a)).not.toContain('GS220-ListenerSetNotAllowed');
    const set = statusOf(a, 'ListenerSet');
    const acc = set?.kind === 'ListenerSet' ? set.conditions.find((c) => c.type === 'Accepted') : undefined;
    expect(acc).toMatchObject({ status: 'False', reason: 'NotAllowed' });
    const ns = `apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n`;
    expect(codes(run([CLASS, gw, ls, ns]), 'error')).toContain('GS220-ListenerSetNotAllowed');
  });

  it('the input proves nothing about a cross-namespace grant when the target is absent', () => {
    const a = run([CLASS, GATEWAY('shop'), ROUTE]);
    const d = a.diagnostics.find((x) => x.message.includes('billing/payments'));
    expect(d?.code).toBe('GS342-BackendNotInInput');
    expect(d?.message).toContain('ReferenceGrant');
    // With the target in the input, a missing grant is a real error.
    const svc = `apiVersion: v1\nkind: Service\nmetadata: {name: payments, namespace: billing}\nspec: {ports: [{port: 8443}]}\n`;
    expect(codes(run([CLASS, GATEWAY('shop'), ROUTE, svc]), 'error')).toContain(
      'GS313-BackendRefNotPermitted',
    );
  });
});

describe('live completeness from kind sync states', () => {
  const kind = (cluster: string, group: string, k: string, state: KindStatus['state']): KindStatus => ({
    cluster,
    group,
    version: 'v1',
    kind: k,
    resource: `${k.toLowerCase()}s`,
    state,
    count: 0,
    restarts: 0,
  });

  it('a kind is complete only when synced in every context', () => {
    const kinds = [
      kind('a', '', 'Service', 'synced'),
      kind('b', '', 'Service', 'synced'),
      kind('a', 'gateway.networking.k8s.io', 'GatewayClass', 'synced'),
      kind('b', 'gateway.networking.k8s.io', 'GatewayClass', 'syncing'),
      kind('a', '', 'Secret', 'forbidden'),
      kind('b', '', 'Secret', 'forbidden'),
    ];
    expect(completeKindsOf(kinds)).toEqual(['Service']);
    expect(visibilityFromKinds(kinds)).toMatchObject({ secretsVisible: false, completeKinds: ['Service'] });
  });
});

describe('simulate names the absent object instead of a refused connection', () => {
  it('GatewayClass not in the input', () => {
    const a = run([GATEWAY('vendor-class'), ROUTE]);
    const r = explain(compileRouteTables(a), { gateway: 'infra/edge', host: 'x.example.com', path: '/' });
    expect(r.status).toBeNull();
    expect(r.explanation.join('\n')).toContain('GatewayClass "vendor-class" is not in the input');
    expect(r.explanation.join('\n')).not.toContain('refused');
  });

  it('certificate Secret not in the input', () => {
    const a = run([CLASS, GATEWAY('shop'), ROUTE]);
    const r = explain(compileRouteTables(a), {
      gateway: 'infra/edge',
      protocol: 'HTTPS',
      port: 443,
      host: 'x.example.com',
      path: '/',
    });
    expect(r.status).toBeNull();
    expect(r.explanation.join('\n')).toContain('Secret infra/edge-tls, which is not in the input');
  });
});
