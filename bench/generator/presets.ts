/**
 * Realistic cluster shapes. Sizes are parameters so the smoke test can run every preset tiny;
 * the defaults are the sizes named in DESIGN.md's performance section.
 */
import type { GeneratedCluster, RouteProbe } from './cluster.ts';
import type { RawObject, RuleSpec } from './objects.ts';
import {
  MetaFactory,
  endpointSlice,
  gateway,
  gatewayClass,
  httpRoute,
  listenerSet,
  namespace,
  referenceGrant,
  service,
  tlsSecret,
} from './objects.ts';
import type { Prng } from './prng.ts';

const SYSTEM_NS = 'gateway-system';

/**
 * Envoy Gateway's scale test shape (test/benchmark): one Gateway, N HTTPRoutes on one host,
 * each a single PathPrefix rule to the same backend.
 */
export function envoyScale(routes: number): GeneratedCluster {
  const mf = new MetaFactory();
  const ns = 'benchmark-test';
  const objects: RawObject[] = [
    namespace(mf, ns, {}),
    gatewayClass(mf, 'envoy-gateway'),
    gateway(mf, ns, 'benchmark', 'envoy-gateway', [
      { name: 'http', port: 8081, protocol: 'HTTP', from: 'Same' },
    ]),
    service(mf, ns, 'nighthawk-test-server', 8080),
    endpointSlice(mf, ns, 'nighthawk-test-server', 3),
  ];
  const probes: RouteProbe[] = [];
  for (let i = 0; i < routes; i++) {
    const name = `benchmark-route-${i}`;
    const backends = [{ name: 'nighthawk-test-server', port: 8080 }];
    const rules = [{ matches: [{ path: { type: 'PathPrefix' as const, value: `/${i}` } }], backends }];
    objects.push(
      httpRoute(mf, ns, name, [{ namespace: ns, name: 'benchmark' }], ['www.benchmark.com'], rules),
    );
    probes.push({
      gateway: `${ns}/benchmark`,
      port: 8081,
      host: 'www.benchmark.com',
      path: `/${i}/page`,
      route: `${ns}/${name}`,
      headerOnly: false,
    });
  }
  return {
    preset: 'eg-1k',
    description: `Envoy Gateway scale-test shape: 1 Gateway, ${routes} HTTPRoutes on www.benchmark.com`,
    objects,
    probes,
    gateways: [{ gateway: `${ns}/benchmark`, port: 8081, host: 'www.benchmark.com' }],
  };
}

/** Teams sharing one Gateway by namespace label: N namespaces × M routes, services, a few faults. */
export function teams(prng: Prng, namespaces: number, routesPerNs: number): GeneratedCluster {
  const mf = new MetaFactory();
  const access = { label: 'gateway-access', value: 'shared' };
  const objects: RawObject[] = [
    namespace(mf, SYSTEM_NS, {}),
    gatewayClass(mf, 'example'),
    tlsSecret(mf, SYSTEM_NS, 'wildcard-cert'),
    gateway(mf, SYSTEM_NS, 'shared', 'example', [
      { name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com', from: access },
      {
        name: 'https',
        port: 443,
        protocol: 'HTTPS',
        hostname: '*.example.com',
        from: access,
        certificate: 'wildcard-cert',
      },
    ]),
  ];
  const probes: RouteProbe[] = [];
  const servicesPerNs = Math.max(1, Math.ceil(routesPerNs / 5));
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${n}`;
    objects.push(namespace(mf, ns, { [access.label]: access.value }));
    for (let s = 0; s < servicesPerNs; s++) {
      objects.push(service(mf, ns, `svc-${s}`, 8080), endpointSlice(mf, ns, `svc-${s}`, 1 + prng.int(3)));
    }
    if (n > 0) objects.push(referenceGrant(mf, ns, 'allow-team-0', 'team-0'));
    for (let r = 0; r < routesPerNs; r++) {
      const host = `app-${Math.floor(r / 5)}.${ns}.example.com`;
      const version = `v${r % 5}`;
      const svc = `svc-${r % servicesPerNs}`;
      const fault = prng.next();
      const primary =
        fault < 0.02
          ? { name: `missing-${r}`, port: 8080 }
          : fault < 0.03 && n === 0 && namespaces > 1
            ? { name: 'svc-0', namespace: 'team-1', port: 8080 }
            : { name: svc, port: 8080, weight: 90 };
      const backends =
        primary.weight === undefined
          ? [primary]
          : [primary, { name: `svc-${(r + 1) % servicesPerNs}`, port: 8080, weight: 10 }];
      const rules: RuleSpec[] = [
        { matches: [{ path: { type: 'PathPrefix', value: `/api/${version}` }, method: 'GET' }], backends },
        {
          matches: [{ path: { type: 'Exact', value: `/api/${version}/health` } }],
          backends: [{ name: svc, port: 8080 }],
        },
      ];
      const name = `route-${r}`;
      objects.push(httpRoute(mf, ns, name, [{ namespace: SYSTEM_NS, name: 'shared' }], [host], rules));
      probes.push({
        gateway: `${SYSTEM_NS}/shared`,
        ...(prng.chance(0.5) ? { port: 80 } : { port: 443, protocol: 'HTTPS' as const }),
        host,
        path: `/api/${version}/items/${prng.int(10000)}`,
        method: 'GET',
        route: `${ns}/${name}`,
        headerOnly: false,
      });
    }
  }
  return {
    preset: 'ns-5k',
    description: `${namespaces} namespaces × ${routesPerNs} HTTPRoutes on one shared Gateway (label selector)`,
    objects,
    probes,
    gateways: [
      { gateway: `${SYSTEM_NS}/shared`, port: 80, host: 'app-0.team-0.example.com' },
      { gateway: `${SYSTEM_NS}/shared`, port: 443, host: 'nothing.example.com', protocol: 'HTTPS' },
    ],
  };
}

/** Tenants bringing their own listeners through ListenerSets attached to one edge Gateway. */
export function listenerSets(tenants: number, routesPerTenant: number): GeneratedCluster {
  const mf = new MetaFactory();
  const objects: RawObject[] = [
    namespace(mf, SYSTEM_NS, {}),
    gatewayClass(mf, 'example'),
    gateway(
      mf,
      SYSTEM_NS,
      'edge',
      'example',
      [{ name: 'default', port: 80, protocol: 'HTTP', hostname: 'edge.example.com', from: 'Same' }],
      true,
    ),
  ];
  const probes: RouteProbe[] = [];
  for (let t = 0; t < tenants; t++) {
    const ns = `tenant-${t}`;
    objects.push(namespace(mf, ns, {}));
    objects.push(
      listenerSet(mf, ns, 'listeners', { namespace: SYSTEM_NS, name: 'edge' }, [
        { name: 'http', port: 80, protocol: 'HTTP', hostname: `*.${ns}.example.com`, from: 'Same' },
      ]),
    );
    const services = Math.max(1, Math.ceil(routesPerTenant / 10));
    for (let s = 0; s < services; s++) objects.push(service(mf, ns, `svc-${s}`, 8080));
    for (let r = 0; r < routesPerTenant; r++) {
      const name = `route-${r}`;
      const host = `r${r}.${ns}.example.com`;
      const rules: RuleSpec[] = [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backends: [{ name: `svc-${r % services}`, port: 8080 }],
        },
      ];
      objects.push(
        httpRoute(mf, ns, name, [{ namespace: ns, name: 'listeners', kind: 'ListenerSet' }], [host], rules),
      );
      probes.push({
        gateway: `${SYSTEM_NS}/edge`,
        port: 80,
        host,
        path: '/index.html',
        route: `${ns}/${name}`,
        headerOnly: false,
      });
    }
  }
  return {
    preset: 'listenersets-40k',
    description: `${tenants} ListenerSets × ${routesPerTenant} HTTPRoutes on one edge Gateway`,
    objects,
    probes,
    gateways: [{ gateway: `${SYSTEM_NS}/edge`, port: 80, host: 'edge.example.com' }],
  };
}

/** Very large cluster: N namespaces, each with one Service and M routes, over 10 Gateways. */
export function huge(namespaces: number, routesPerNs: number): GeneratedCluster {
  const mf = new MetaFactory();
  const gatewayCount = Math.min(10, namespaces);
  const objects: RawObject[] = [namespace(mf, SYSTEM_NS, {}), gatewayClass(mf, 'example')];
  for (let g = 0; g < gatewayCount; g++) {
    objects.push(
      gateway(mf, SYSTEM_NS, `gw-${g}`, 'example', [
        { name: 'http', port: 80, protocol: 'HTTP', from: 'All' },
      ]),
    );
  }
  const probes: RouteProbe[] = [];
  for (let n = 0; n < namespaces; n++) {
    const ns = `ns-${n}`;
    const gw = `gw-${n % gatewayCount}`;
    objects.push(namespace(mf, ns, {}), service(mf, ns, 'app', 8080));
    for (let r = 0; r < routesPerNs; r++) {
      const name = `route-${r}`;
      const host = `r${r}.${ns}.example.com`;
      const rules: RuleSpec[] = [
        {
          matches: [{ path: { type: 'PathPrefix', value: `/r${r}` } }],
          backends: [{ name: 'app', port: 8080 }],
        },
      ];
      objects.push(httpRoute(mf, ns, name, [{ namespace: SYSTEM_NS, name: gw }], [host], rules));
      probes.push({
        gateway: `${SYSTEM_NS}/${gw}`,
        port: 80,
        host,
        path: `/r${r}/x`,
        route: `${ns}/${name}`,
        headerOnly: false,
      });
    }
  }
  return {
    preset: 'huge-100k',
    description: `${namespaces} namespaces × ${routesPerNs} HTTPRoutes, ${namespaces} Services, ${gatewayCount} Gateways`,
    objects,
    probes,
    gateways: [{ gateway: `${SYSTEM_NS}/gw-0`, port: 80, host: 'unknown.example.org' }],
  };
}
