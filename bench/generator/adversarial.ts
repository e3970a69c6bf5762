/**
 * Adversarial shapes: the worst cases for an index (header-only discrimination, wildcards,
 * regular expressions) and for the parser (objects at the CRD's maximum sizes).
 */
import type { GeneratedCluster, RouteProbe } from './cluster.ts';
import type { MatchSpec, RawObject, RuleSpec } from './objects.ts';
import { MetaFactory, gateway, gatewayClass, httpRoute, namespace, service } from './objects.ts';
import type { Prng } from './prng.ts';

const NS = 'adversarial';

function base(mf: MetaFactory, listeners: Parameters<typeof gateway>[4]): RawObject[] {
  return [
    namespace(mf, NS, {}),
    gatewayClass(mf, 'example'),
    gateway(mf, NS, 'gw', 'example', listeners),
    service(mf, NS, 'backend', 8080),
  ];
}

const backend = [{ name: 'backend', port: 8080 }];

/** N routes on one host and one path, told apart only by the value of one header. */
export function headerOnly(routes: number): GeneratedCluster {
  const mf = new MetaFactory();
  const objects = base(mf, [{ name: 'http', port: 80, protocol: 'HTTP', from: 'Same' }]);
  const probes: RouteProbe[] = [];
  for (let i = 0; i < routes; i++) {
    const name = `tenant-${i}`;
    const match: MatchSpec = {
      path: { type: 'PathPrefix', value: '/api' },
      headers: [{ name: 'x-tenant', value: `t-${i}` }],
    };
    objects.push(
      httpRoute(
        mf,
        NS,
        name,
        [{ namespace: NS, name: 'gw' }],
        ['api.example.com'],
        [{ matches: [match], backends: backend }],
      ),
    );
    probes.push({
      gateway: `${NS}/gw`,
      port: 80,
      host: 'api.example.com',
      path: '/api/orders',
      headers: { 'X-Tenant': `t-${i}` },
      route: `${NS}/${name}`,
      headerOnly: true,
    });
  }
  return {
    preset: 'adv-header-10k',
    description: `${routes} HTTPRoutes on api.example.com /api differing only by the x-tenant header value`,
    objects,
    probes,
    gateways: [{ gateway: `${NS}/gw`, port: 80, host: 'api.example.com' }],
  };
}

/**
 * Routes at the CRD's limits: 16 hostnames, 16 rules with 7 matches each (the total must stay
 * under 128), 16 headers and 16 query params per match, 16 backendRefs per rule.
 */
export function maxSize(routes: number): GeneratedCluster {
  const mf = new MetaFactory();
  const objects = base(mf, [{ name: 'http', port: 80, protocol: 'HTTP', from: 'Same' }]);
  const probes: RouteProbe[] = [];
  for (let i = 0; i < routes; i++) {
    const hostnames = Array.from({ length: 16 }, (_, h) => `h${h}.big-${i}.example.com`);
    const rules: RuleSpec[] = Array.from({ length: 16 }, (_, r) => ({
      matches: Array.from({ length: 7 }, (_, m) => ({
        path: { type: 'PathPrefix' as const, value: `/rule-${r}/match-${m}` },
        headers: Array.from({ length: 16 }, (_, k) => ({
          name: `x-header-${k}`,
          value: `value-${r}-${m}-${k}`,
        })),
        queryParams: Array.from({ length: 16 }, (_, k) => ({ name: `q${k}`, value: `v${k}` })),
      })),
      backends: Array.from({ length: 16 }, (_, b) => ({ name: 'backend', port: 8080, weight: b + 1 })),
    }));
    const name = `big-${i}`;
    objects.push(httpRoute(mf, NS, name, [{ namespace: NS, name: 'gw' }], hostnames, rules));
    const headers: Record<string, string> = {};
    for (let k = 0; k < 16; k++) headers[`x-header-${k}`] = `value-3-2-${k}`;
    const query = Array.from({ length: 16 }, (_, k) => `q${k}=v${k}`).join('&');
    probes.push({
      gateway: `${NS}/gw`,
      port: 80,
      host: `h5.big-${i}.example.com`,
      path: `/rule-3/match-2?${query}`,
      headers,
      route: `${NS}/${name}`,
      headerOnly: false,
    });
  }
  return {
    preset: 'adv-max-size',
    description: `${routes} HTTPRoutes at the CRD limits (16 hostnames, 16×7 matches, 16 headers/params, 16 backends)`,
    objects,
    probes,
    gateways: [{ gateway: `${NS}/gw`, port: 80, host: 'h0.big-0.example.com' }],
  };
}

/** Many wildcard listeners at several depths, and routes with wildcard hostnames under them. */
export function wildcards(prng: Prng, domains: number, routesPerDomain: number): GeneratedCluster {
  const mf = new MetaFactory();
  const listeners = [];
  for (let d = 0; d < domains; d++) {
    listeners.push({
      name: `d${d}`,
      port: 80,
      protocol: 'HTTP' as const,
      hostname: `*.d${d}.example.com`,
      from: 'Same' as const,
    });
    listeners.push({
      name: `x${d}`,
      port: 80,
      protocol: 'HTTP' as const,
      hostname: `*.x.d${d}.example.com`,
      from: 'Same' as const,
    });
  }
  listeners.push({ name: 'catch-all', port: 80, protocol: 'HTTP' as const, from: 'Same' as const });
  const objects = base(mf, listeners);
  const probes: RouteProbe[] = [];
  for (let d = 0; d < domains; d++) {
    for (let r = 0; r < routesPerDomain; r++) {
      const name = `wild-${d}-${r}`;
      const deep = prng.chance(0.5);
      const host = deep ? `*.s${r}.x.d${d}.example.com` : `*.s${r}.d${d}.example.com`;
      const rules: RuleSpec[] = [
        { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backends: backend },
      ];
      objects.push(httpRoute(mf, NS, name, [{ namespace: NS, name: 'gw' }], [host], rules));
      probes.push({
        gateway: `${NS}/gw`,
        port: 80,
        host: `a.b${prng.int(9)}${host.slice(1)}`,
        path: '/',
        route: `${NS}/${name}`,
        headerOnly: false,
      });
    }
  }
  return {
    preset: 'adv-wildcard',
    description: `${domains * 2 + 1} wildcard listeners, ${domains * routesPerDomain} HTTPRoutes with wildcard hostnames`,
    objects,
    probes,
    gateways: [{ gateway: `${NS}/gw`, port: 80, host: 'unmatched.example.net' }],
  };
}

/** RegularExpression path and header matches (bounded RE2 evaluation). */
export function regexHeavy(routes: number): GeneratedCluster {
  const mf = new MetaFactory();
  const objects = base(mf, [{ name: 'http', port: 80, protocol: 'HTTP', from: 'Same' }]);
  const probes: RouteProbe[] = [];
  for (let i = 0; i < routes; i++) {
    const name = `regex-${i}`;
    const match: MatchSpec = {
      path: { type: 'RegularExpression', value: `/r${i}/[a-z]+/[0-9]{1,6}(/.*)?` },
      headers: [{ name: 'x-build', type: 'RegularExpression', value: `(a|b)+[0-9]*-${i % 97}` }],
    };
    objects.push(
      httpRoute(
        mf,
        NS,
        name,
        [{ namespace: NS, name: 'gw' }],
        ['regex.example.com'],
        [{ matches: [match], backends: backend }],
      ),
    );
    probes.push({
      gateway: `${NS}/gw`,
      port: 80,
      host: 'regex.example.com',
      path: `/r${i}/orders/123456/x`,
      headers: { 'x-build': `abab12-${i % 97}` },
      route: `${NS}/${name}`,
      headerOnly: false,
    });
  }
  return {
    preset: 'adv-regex',
    description: `${routes} HTTPRoutes with RegularExpression path and header matches on one host`,
    objects,
    probes,
    gateways: [{ gateway: `${NS}/gw`, port: 80, host: 'regex.example.com' }],
  };
}
