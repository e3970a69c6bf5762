/**
 * Hostile inputs of the attack tests (test/unit/attack-*.test.ts) and of the measurement script
 * (tools/attack/measure.ts): our own generators, each a function of its size.
 */

const HEAD = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gc }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: web }
spec:
  gatewayClassName: gc
  listeners: [{ name: http, port: 80, protocol: HTTP }]
---
apiVersion: v1
kind: Service
metadata: { name: s, namespace: web }
spec: { ports: [{ port: 80 }] }
`;

function route(name: string, hostnames: readonly string[], match: string): string {
  return `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: web }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [${hostnames.join(', ')}]
  rules: [{ matches: [${match}], backendRefs: [{ name: s, port: 80 }] }]
`;
}

/**
 * The simulate bomb: every route lists the same `hostnames` hostnames, so each explanation names
 * the first 40 routes with all their hostnames (routes × hostnames characters per request).
 */
export function hostnameBombYaml(routes: number, hostnames: number): string {
  const names = Array.from({ length: hostnames }, (_, j) => `h${j}.example.com`);
  let yaml = HEAD;
  for (let i = 0; i < routes; i++)
    yaml += route(`r${i}`, names, `{ path: { type: PathPrefix, value: /p${i} } }`);
  return yaml;
}

/** `count` requests that match no route (404: every candidate is explained). */
export function missRequests(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i,
    gateway: 'web/gw',
    host: 'h1.example.com',
    path: '/none',
  }));
}

/** The regex bomb: routes whose path pattern is valid RE2 with a huge program. */
export function regexBombYaml(routes: number): string {
  let yaml = HEAD;
  for (let i = 0; i < routes; i++) {
    yaml += route(
      `x${i}`,
      ['rx.example.com'],
      `{ path: { type: RegularExpression, value: '/(?:a|aa){1000}${i}?' } }`,
    );
  }
  return yaml;
}

/** The analyze bomb: `count` Services (small objects, many of them). */
export function manyObjectsYaml(count: number): string {
  let yaml = HEAD;
  for (let i = 0; i < count; i++)
    yaml += `---\napiVersion: v1\nkind: Service\nmetadata: { name: s${i}, namespace: web }\n`;
  return yaml;
}

/** A tiny valid input. */
export const SMALL_YAML: string = hostnameBombYaml(1, 1);
