/**
 * Spec fixes found by running a real controller's translator (Envoy Gateway) against the same
 * inputs (issue 11). Each case cites the spec text it follows; each fails on the engine before
 * its fix.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Analysis, PredictedListenerStatus, PredictedStatus } from '../../src/analysis/types.ts';
import type { Condition } from '../../src/model/types.ts';
import { loadManifests } from '../../src/model/load.ts';
import { TEST_CERT_PEM, TEST_KEY_PEM, base64 } from '../fixtures/tls-pem.ts';

const GC = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
`;

export function run(yaml: string): Analysis {
  return analyze(loadManifests([{ name: 'in.yaml', text: `${GC}---\n${yaml}` }]).snapshot);
}

export function status(a: Analysis, kind: string, ns: string, name: string): PredictedStatus | undefined {
  const o = a.snapshot.objects.find(
    (x) => x.ref.kind === kind && x.meta.namespace === ns && x.meta.name === name,
  );
  return o === undefined ? undefined : a.predicted.get(o.key);
}

export function listener(a: Analysis, gw: string, name: string): PredictedListenerStatus {
  const s = status(a, 'Gateway', 'infra', gw);
  if (s?.kind !== 'Gateway') throw new Error(`no Gateway ${gw}`);
  const l = s.listeners.find((x) => x.name === name);
  if (l === undefined) throw new Error(`no listener ${name}`);
  return l;
}

/** `Type=Status/Reason` for each condition, for compact expectations. */
export function conds(conditions: readonly Condition[]): string[] {
  return conditions.map((c) => `${c.type}=${c.status}/${c.reason}`);
}

export function routeAccepted(a: Analysis, kind: string, ns: string, name: string): string[] {
  const s = status(a, kind, ns, name);
  if (s?.kind !== 'Route') return [];
  return s.parents.map((p) => p.conditions.find((c) => c.type === 'Accepted')?.reason ?? '?');
}

const HTTP_GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners:
    - {name: a, port: 80, protocol: HTTP, hostname: a.example.com, allowedRoutes: {namespaces: {from: All}}}
`;

function collidingRoute(kind: string, name: string, ts?: string): string {
  const stamp = ts === undefined ? '' : `, creationTimestamp: "${ts}"`;
  return `apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}, namespace: app${stamp}}
spec:
  parentRefs: [{name: gw, namespace: infra, sectionName: a}]
  hostnames: [a.example.com]
`;
}

describe('item 9: tie-break with equal or absent creationTimestamps is {namespace}/{name}', () => {
  it('HTTPRoute/GRPCRoute collision without timestamps: the alphabetically first wins, not the first document', () => {
    // "zz-web" is first in the file; "aa-grpc" is first alphabetically.
    const a = run(
      `${HTTP_GATEWAY}---\n${collidingRoute('HTTPRoute', 'zz-web')}---\n${collidingRoute('GRPCRoute', 'aa-grpc')}`,
    );
    expect(routeAccepted(a, 'GRPCRoute', 'app', 'aa-grpc')).toEqual(['Accepted']);
    expect(routeAccepted(a, 'HTTPRoute', 'app', 'zz-web')).toEqual(['NotAllowedByListeners']);
    const d = a.diagnostics.find((x) => x.code.includes('RouteHostnameCollision'));
    expect(d?.message).toContain('no creationTimestamps');
    expect(d?.message).not.toContain('older');
  });

  it('equal timestamps also fall to namespace/name, and the message says the timestamps are equal', () => {
    const ts = '2024-05-01T00:00:00Z';
    const a = run(
      `${HTTP_GATEWAY}---\n${collidingRoute('HTTPRoute', 'zz-web', ts)}---\n${collidingRoute('GRPCRoute', 'aa-grpc', ts)}`,
    );
    expect(routeAccepted(a, 'GRPCRoute', 'app', 'aa-grpc')).toEqual(['Accepted']);
    const d = a.diagnostics.find((x) => x.code.includes('RouteHostnameCollision'));
    expect(d?.message).toContain('equal creationTimestamps');
  });

  it('different timestamps: the older wins and the message names both timestamps', () => {
    const a = run(
      `${HTTP_GATEWAY}---\n${collidingRoute('HTTPRoute', 'aa-web', '2024-01-01T00:00:00Z')}---\n${collidingRoute('GRPCRoute', 'zz-grpc', '2024-05-01T00:00:00Z')}`,
    );
    expect(routeAccepted(a, 'HTTPRoute', 'app', 'aa-web')).toEqual(['Accepted']);
    const d = a.diagnostics.find((x) => x.code.includes('RouteHostnameCollision'));
    expect(d?.message).toContain('creationTimestamp 2024-01-01T00:00:00Z before 2024-05-01T00:00:00Z');
  });

  it('shadowing names the tie-break instead of calling a route without a timestamp older', () => {
    const route = (name: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: app}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: [a.example.com]
  rules: [{matches: [{path: {type: PathPrefix, value: /x}}]}]
`;
    const a = run(`${HTTP_GATEWAY}---\n${route('zz-first')}---\n${route('aa-second')}`);
    const d = a.diagnostics.find((x) => x.code.includes('RouteShadowed'));
    expect(d?.object.name).toBe('zz-first');
    expect(d?.message).toContain('HTTPRoute app/aa-second, which takes precedence (no creationTimestamps');
  });
});

function gateway(listeners: string, extra = ''): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
${extra}  listeners:
${listeners}`;
}

describe('item 9: ListenerSet precedence without timestamps is {namespace}/{name}', () => {
  it('the alphabetically first ListenerSet keeps the port even when it is later in the file, and the message says why', () => {
    const set = (name: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: ${name}, namespace: infra}
spec:
  parentRef: {name: gw}
  listeners:
    - {name: l, port: 8080, protocol: HTTP, hostname: x.example.com}
`;
    const gw = gateway(
      `    - {name: web, port: 80, protocol: HTTP}
`,
      `  allowedListeners: {namespaces: {from: Same}}
`,
    );
    const a = run(`${gw}---\n${set('zz-first-in-file')}---\n${set('aa-second-in-file')}`);
    const listenerOf = (name: string) => {
      const s = status(a, 'ListenerSet', 'infra', name);
      if (s?.kind !== 'ListenerSet') throw new Error('no ListenerSet status');
      return conds(s.listeners[0]?.conditions ?? []);
    };
    expect(listenerOf('aa-second-in-file')).toContain('Conflicted=False/NoConflicts');
    expect(listenerOf('zz-first-in-file')).toContain('Conflicted=True/HostnameConflict');
    const d = a.diagnostics.find((x) => x.code.includes('ListenerHostnameConflict'));
    expect(d?.message).toContain(
      'ListenerSet infra/aa-second-in-file takes precedence (no creationTimestamps',
    );
  });
});

describe('item 1: Terminate with tls.options and no certificateRefs is valid', () => {
  // ListenerTLSConfig CEL: "certificateRefs or options must be specified when mode is Terminate".
  it.each(['HTTPS', 'TLS'])(
    '%s listener with options only: ResolvedRefs and Programmed True, no diagnostic',
    (protocol) => {
      const a = run(
        gateway(`    - name: l
      port: 443
      protocol: ${protocol}
      tls:
        mode: Terminate
        options: {example.com/certificate-source: vault}
`),
      );
      expect(conds(listener(a, 'gw', 'l').conditions)).toEqual([
        'Accepted=True/Accepted',
        'Programmed=True/Programmed',
        'ResolvedRefs=True/ResolvedRefs',
        'Conflicted=False/NoConflicts',
      ]);
      expect(a.diagnostics.filter((d) => d.code.includes('ListenerInvalidTLSConfig'))).toEqual([]);
    },
  );

  it('neither certificateRefs nor options is still InvalidCertificateRef, quoting the CRD rule', () => {
    const a = run(
      gateway(`    - {name: l, port: 443, protocol: HTTPS, tls: {mode: Terminate}}
`),
    );
    expect(conds(listener(a, 'gw', 'l').conditions)).toContain('ResolvedRefs=False/InvalidCertificateRef');
    const d = a.diagnostics.find((x) => x.code.includes('ListenerInvalidTLSConfig'));
    expect(d?.message).toContain('certificateRefs or options must be specified when mode is Terminate');
  });
});

describe('item 2: TCPRoute on a TLS listener', () => {
  const tcpRoute = `apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata: {name: tcp, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: l}]
  rules: [{backendRefs: [{name: svc, port: 9000}]}]
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: infra}
spec: {ports: [{port: 9000}]}
`;
  it('mode Terminate listing TCPRoute: implementation-specific, supported, the route attaches', () => {
    const a = run(
      `${gateway(`    - name: l
      port: 9443
      protocol: TLS
      allowedRoutes: {kinds: [{kind: TCPRoute}]}
      tls: {mode: Terminate, options: {example.com/cert: x}}
`)}---\n${tcpRoute}`,
    );
    const l = listener(a, 'gw', 'l');
    expect(l.supportedKinds).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'TCPRoute' }]);
    expect(conds(l.conditions)).toContain('ResolvedRefs=True/ResolvedRefs');
    expect(l.attachedRoutes).toBe(1);
    expect(routeAccepted(a, 'TCPRoute', 'infra', 'tcp')).toEqual(['Accepted']);
    expect(a.diagnostics.filter((d) => d.code.includes('InvalidRouteKinds'))).toEqual([]);
  });

  it('mode Passthrough listing TCPRoute and TLSRoute: InvalidRouteKinds, supportedKinds [TLSRoute] (conformance TLSRouteListenerPassthroughSupportedKinds)', () => {
    const a = run(
      gateway(`    - name: l
      port: 443
      protocol: TLS
      allowedRoutes: {kinds: [{kind: TCPRoute}, {kind: TLSRoute}]}
      tls: {mode: Passthrough}
`),
    );
    const l = listener(a, 'gw', 'l');
    expect(l.supportedKinds).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'TLSRoute' }]);
    expect(conds(l.conditions)).toContain('ResolvedRefs=False/InvalidRouteKinds');
  });

  it('mode Terminate without kinds: the default is TLSRoute only', () => {
    const a = run(
      gateway(`    - {name: l, port: 9443, protocol: TLS, tls: {mode: Terminate, options: {example.com/cert: x}}}
`),
    );
    expect(listener(a, 'gw', 'l').supportedKinds).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'TLSRoute' },
    ]);
  });
});

describe('item 6: a partially valid ListenerSet is Programmed=True with reason Programmed', () => {
  it('one valid and one conflicted listener: Accepted=True/ListenersNotValid, Programmed=True/Programmed', () => {
    const a = run(`${gateway(
      `    - {name: web, port: 80, protocol: HTTP}
`,
      `  allowedListeners: {namespaces: {from: Same}}
`,
    )}---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: extra, namespace: infra}
spec:
  parentRef: {name: gw}
  listeners:
    - {name: ok, port: 8080, protocol: HTTP}
    - {name: clash, port: 80, protocol: TCP}
`);
    const s = status(a, 'ListenerSet', 'infra', 'extra');
    if (s?.kind !== 'ListenerSet') throw new Error('no ListenerSet status');
    expect(conds(s.conditions)).toEqual(['Accepted=True/ListenersNotValid', 'Programmed=True/Programmed']);
    const clash = s.listeners.find((l) => l.name === 'clash');
    expect(conds(clash?.conditions ?? [])).toContain('Conflicted=True/ProtocolConflict');
  });
});

describe('item 7: a kubernetes.io/tls Secret whose data is not PEM is InvalidCertificateRef', () => {
  const HELLO = 'SGVsbG8gd29ybGQK'; // base64 of "Hello world", as upstream's malformed Secret
  const tlsSecret = (crt: string, key: string) => `apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: infra}
type: kubernetes.io/tls
data: {tls.crt: ${crt}, tls.key: ${key}}
`;
  const https = gateway(`    - {name: l, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}
`);
  it('not PEM: listener ResolvedRefs=False/InvalidCertificateRef with a diagnostic that says so', () => {
    const a = run(`${https}---\n${tlsSecret(HELLO, HELLO)}`);
    expect(conds(listener(a, 'gw', 'l').conditions)).toContain('ResolvedRefs=False/InvalidCertificateRef');
    const d = a.diagnostics.find((x) => x.code.includes('ListenerInvalidCertificateRef'));
    expect(d?.message).toContain('not PEM');
    expect(JSON.stringify(a)).not.toContain(HELLO);
  });

  it('PEM: ResolvedRefs=True', () => {
    const a = run(`${https}---\n${tlsSecret(base64(TEST_CERT_PEM), base64(TEST_KEY_PEM))}`);
    expect(conds(listener(a, 'gw', 'l').conditions)).toContain('ResolvedRefs=True/ResolvedRefs');
  });

  it('spec.tls.backend.clientCertificateRef to a not-PEM Secret: Gateway ResolvedRefs=False/InvalidClientCertificateRef', () => {
    const a = run(
      `${gateway(
        `    - {name: web, port: 80, protocol: HTTP}
`,
        `  tls: {backend: {clientCertificateRef: {name: cert}}}
`,
      )}---\n${tlsSecret(HELLO, HELLO)}`,
    );
    const s = status(a, 'Gateway', 'infra', 'gw');
    if (s?.kind !== 'Gateway') throw new Error('no Gateway status');
    expect(conds(s.conditions)).toContain('ResolvedRefs=False/InvalidClientCertificateRef');
  });
});

describe('item 4: OverlappingTLSConfig on HTTPS listeners with overlapping hostnames on one port', () => {
  const https = (name: string, hostname?: string, port = 443) =>
    `    - {name: ${name}, port: ${port}, protocol: HTTPS${hostname === undefined ? '' : `, hostname: "${hostname}"`}, tls: {options: {example.com/cert: x}}}
`;
  it('*.example.com and foo.example.com overlap; foo.example.org does not (the spec example)', () => {
    const a = run(
      gateway(https('a', 'foo.example.com') + https('b', 'foo.example.org') + https('c', '*.example.com')),
    );
    const overlap = (n: string) =>
      conds(listener(a, 'gw', n).conditions).filter((c) => c.startsWith('OverlappingTLSConfig'));
    expect(overlap('a')).toEqual(['OverlappingTLSConfig=True/OverlappingHostnames']);
    expect(overlap('c')).toEqual(['OverlappingTLSConfig=True/OverlappingHostnames']);
    expect(overlap('b')).toEqual([]);
    const ds = a.diagnostics.filter((d) => d.code.includes('ListenerOverlappingTLSConfig'));
    expect(ds.map((d) => d.field)).toEqual(['spec.listeners[0].hostname', 'spec.listeners[2].hostname']);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('different ports, wildcard suffix without a label boundary, and HTTP listeners do not overlap', () => {
    const a = run(
      gateway(
        https('a', 'foo.example.com') +
          https('b', '*.example.com', 8443) +
          https('c', '*.ample.com') +
          `    - {name: d, port: 443, protocol: TLS, hostname: "*.example.com", tls: {mode: Passthrough}}
`,
      ),
    );
    expect(a.diagnostics.filter((d) => d.code.includes('ListenerOverlappingTLSConfig'))).toEqual([]);
  });

  it('a listener without hostname overlaps every other HTTPS listener on its port', () => {
    const a = run(gateway(https('any') + https('a', 'a.example.com')));
    expect(conds(listener(a, 'gw', 'any').conditions)).toContain(
      'OverlappingTLSConfig=True/OverlappingHostnames',
    );
    expect(conds(listener(a, 'gw', 'a').conditions)).toContain(
      'OverlappingTLSConfig=True/OverlappingHostnames',
    );
  });
});

describe('item 5: InsecureFrontendValidationMode on a Gateway with AllowInsecureFallback', () => {
  const frontend = (mode: string) => `  tls:
    frontend:
      default:
        validation: {caCertificateRefs: [{kind: ConfigMap, name: ca}], mode: ${mode}}
`;
  const ca = `apiVersion: v1
kind: ConfigMap
metadata: {name: ca, namespace: infra}
data: {ca.crt: x}
`;
  const listeners = `    - {name: l, port: 443, protocol: HTTPS, tls: {options: {example.com/cert: x}}}
`;
  it('default mode AllowInsecureFallback: condition True/ConfigurationChanged and a warning', () => {
    const a = run(`${gateway(listeners, frontend('AllowInsecureFallback'))}---\n${ca}`);
    const s = status(a, 'Gateway', 'infra', 'gw');
    if (s?.kind !== 'Gateway') throw new Error('no Gateway status');
    expect(conds(s.conditions)).toContain('InsecureFrontendValidationMode=True/ConfigurationChanged');
    const d = a.diagnostics.find((x) => x.code.includes('GatewayInsecureFrontendValidationMode'));
    expect(d?.severity).toBe('warning');
    expect(d?.field).toBe('spec.tls.frontend.default.validation.mode');
  });

  it('a perPort override counts too', () => {
    const perPort = `  tls:
    frontend:
      default:
        validation: {caCertificateRefs: [{kind: ConfigMap, name: ca}]}
      perPort:
        - port: 443
          tls: {validation: {caCertificateRefs: [{kind: ConfigMap, name: ca}], mode: AllowInsecureFallback}}
`;
    const a = run(`${gateway(listeners, perPort)}---\n${ca}`);
    const d = a.diagnostics.find((x) => x.code.includes('GatewayInsecureFrontendValidationMode'));
    expect(d?.field).toBe('spec.tls.frontend.perPort[0].tls.validation.mode');
  });

  it('AllowValidOnly: no condition at all (never written as False)', () => {
    const a = run(`${gateway(listeners, frontend('AllowValidOnly'))}---\n${ca}`);
    const s = status(a, 'Gateway', 'infra', 'gw');
    if (s?.kind !== 'Gateway') throw new Error('no Gateway status');
    expect(s.conditions.map((c) => c.type)).not.toContain('InsecureFrontendValidationMode');
  });
});

describe('item 3: attachedRoutes counts attached routes with Accepted=True, whatever their ResolvedRefs', () => {
  // ListenerStatus.AttachedRoutes: "The AttachedRoutes number represents the number of Routes with
  // the Accepted condition set to "True" that have been attached to this Listener. Routes with any
  // other value for the Accepted condition MUST NOT be included in this count."
  it('an unresolved backendRef (ResolvedRefs=False, Accepted=True) counts; a collision loser (Accepted=False) does not', () => {
    const twoListeners = `${HTTP_GATEWAY}    - {name: b, port: 80, protocol: HTTP, hostname: b.example.com, allowedRoutes: {namespaces: {from: All}}}
`;
    const unresolved = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: unresolved, namespace: app}
spec:
  parentRefs: [{name: gw, namespace: infra, sectionName: b}]
  rules: [{backendRefs: [{name: does-not-exist, port: 80}]}]
`;
    const a = run(
      `${twoListeners}---\n${collidingRoute('HTTPRoute', 'zz-web')}---\n${collidingRoute('GRPCRoute', 'aa-grpc')}---\n${unresolved}`,
    );
    const s = status(a, 'HTTPRoute', 'app', 'unresolved');
    if (s?.kind !== 'Route') throw new Error('no route status');
    expect(conds(s.parents[0]?.conditions ?? [])).toEqual([
      'Accepted=True/Accepted',
      'ResolvedRefs=False/BackendNotFound',
    ]);
    expect(listener(a, 'gw', 'b').attachedRoutes).toBe(1);
    // aa-grpc is accepted on "a"; zz-web lost the collision there (Accepted=False): not counted.
    expect(routeAccepted(a, 'HTTPRoute', 'app', 'zz-web')).toEqual(['NotAllowedByListeners']);
    expect(listener(a, 'gw', 'a').attachedRoutes).toBe(1);
  });

  it('is set on listeners that are not Accepted too: a conflicted listener counts the accepted routes its parentRef selects', () => {
    // "Listener or Route status does not impact successful attachment, i.e. the AttachedRoutes
    // field count MUST be set for Listeners, even if the Accepted condition of an individual
    // Listener is set to False."
    const a = run(`${gateway(`    - {name: one, port: 80, protocol: HTTP, hostname: a.example.com}
    - {name: two, port: 80, protocol: HTTP, hostname: a.example.com}
    - {name: alt, port: 8080, protocol: HTTP}
`)}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
`);
    expect(routeAccepted(a, 'HTTPRoute', 'infra', 'r')).toEqual(['Accepted']);
    expect(conds(listener(a, 'gw', 'one').conditions)).toContain('Accepted=False/HostnameConflict');
    expect(
      [listener(a, 'gw', 'one'), listener(a, 'gw', 'two'), listener(a, 'gw', 'alt')].map(
        (l) => l.attachedRoutes,
      ),
    ).toEqual([1, 1, 1]);
  });

  it('a route whose only selected listener is conflicted is not Accepted, so it is not counted', () => {
    const a = run(`${gateway(`    - {name: one, port: 80, protocol: HTTP, hostname: a.example.com}
    - {name: two, port: 80, protocol: HTTP, hostname: a.example.com}
`)}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: one}]
`);
    expect(routeAccepted(a, 'HTTPRoute', 'infra', 'r')).toEqual(['NoMatchingParent']);
    expect(listener(a, 'gw', 'one').attachedRoutes).toBe(0);
  });
});
