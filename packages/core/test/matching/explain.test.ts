/** explain: listener choice, hostname intersection, candidates with why they lost, near misses. */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/matching/explain.ts';
import { compileRouteTables } from '../../src/matching/tables.ts';
import { INVALID_REGEX_CODE } from '../../src/matching/diagnostics.ts';
import { simulate } from '../../src/matching/simulate.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadManifests } from '../../src/model/load.ts';
import { BASE, services, tablesOf } from './helpers.ts';

const ROUTES = `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: x, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - matches: [{ path: { type: PathPrefix, value: /api/v2 }, headers: [{ name: X-Version, value: v2 }] }]
    backendRefs: [{ name: v2, port: 8080 }]
  - matches: [{ path: { type: PathPrefix, value: /api } }]
    backendRefs: [{ name: v1, port: 8080 }]
  - matches: [{ path: { type: PathPrefix, value: /api }, method: DELETE }]
    backendRefs: [{ name: v1, port: 8080 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: bad-regex, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - matches: [{ path: { type: RegularExpression, value: "/(a" } }]
    backendRefs: [{ name: v1, port: 8080 }]
`;

describe('explain', () => {
  const tables = tablesOf(BASE, ROUTES, services('app', 'v1', 'v2'));

  it('lists candidates in precedence order with the reason each lost', () => {
    const r = explain(tables, { gateway: 'gw/web', host: 'a.example', path: '/api/v2/x', method: 'DELETE' });
    const text = r.explanation.join('\n');
    expect(r.rule).toBe(2);
    expect(text).toContain('Listener http (HTTP, port 80) takes host a.example');
    expect(text).toMatch(/✔ HTTPRoute app\/x rule 2 match 0 \(PathPrefix \/api\): matches and wins/);
    expect(text).toMatch(/✘ HTTPRoute app\/x rule 0 match 0 .*header x-version is absent/);
    expect(text).toMatch(
      /✘ HTTPRoute app\/x rule 1 match 0 .*loses on precedence 3: the winner matches on method/,
    );
    // rule 0 (longer prefix) is listed before rule 2 (method), which is before rule 1.
    expect(text.indexOf('rule 0 match 0')).toBeLessThan(text.indexOf('rule 2 match 0'));
    expect(text.indexOf('rule 2 match 0')).toBeLessThan(text.indexOf('rule 1 match 0'));
  });

  it('gives near misses for a 404', () => {
    const t = tablesOf(
      BASE,
      ROUTES.replace('value: /api } }]', 'value: /nope } }]'),
      services('app', 'v1', 'v2'),
    );
    const r = explain(t, { gateway: 'gw/web', path: '/api/v2/x' });
    expect(r.status).toBe(404);
    expect(r.explanation).toContain(
      'Near miss: GET /api/v2/x would match rule 0 of HTTPRoute app/x if the header x-version were v2.',
    );
  });

  it('simulate keeps a short trace; explain adds the candidates', () => {
    const q = { gateway: 'gw/web', path: '/api' };
    expect(simulate(tables, q).explanation.length).toBeLessThan(explain(tables, q).explanation.length);
  });

  it('an invalid regex never matches and is a diagnostic', () => {
    const loaded = loadManifests([{ name: 'a.yaml', text: BASE + ROUTES + services('app', 'v1', 'v2') }]);
    const compiled = compileRouteTables(analyze(loaded.snapshot));
    expect(compiled.diagnostics).toMatchObject([
      {
        code: INVALID_REGEX_CODE,
        severity: 'error',
        object: { kind: 'HTTPRoute', name: 'bad-regex' },
        field: 'spec.rules[0].matches[0].path.value',
      },
    ]);
    expect(simulate(compiled, { gateway: 'gw/web', path: '/(a' }).status).toBe(404);
  });
});

describe('explain: v1.7 precedence by the hostnames as written', () => {
  const LISTENER = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gateway }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: gw }
spec:
  gatewayClassName: gc
  listeners: [{ name: abc, port: 80, protocol: HTTP, hostname: abc.example.com, allowedRoutes: { namespaces: { from: All } } }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: wide, namespace: app, creationTimestamp: "2024-01-01T00:00:00Z" }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  hostnames: ["*.example.com"]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /path/prefix } }], backendRefs: [{ name: v1, port: 8080 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: exact, namespace: app, creationTimestamp: "2024-06-01T00:00:00Z" }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  hostnames: [abc.example.com]
  rules: [{ backendRefs: [{ name: v2, port: 8080 }] }]
`;
  it('shows the written hostnames and says the loser lost on the hostname criterion', () => {
    const tables = tablesOf(LISTENER, services('app', 'v1', 'v2'));
    const r = explain(tables, { gateway: 'gw/web', host: 'abc.example.com', path: '/path/prefix' });
    const text = r.explanation.join('\n');
    expect(r.route?.name).toBe('exact');
    expect(text).toContain('HTTPRoute app/wide [*.example.com]');
    expect(text).toMatch(
      /app\/wide .*loses on precedence 0: the winner has a more specific hostname \(as written/,
    );
  });
});

describe('explain stays small for routes with many hostnames', () => {
  it('lists at most four hostnames per route and counts the rest', () => {
    const hostnames = Array.from({ length: 500 }, (_, i) => `h${i}.example.com`);
    const tables = tablesOf(
      BASE,
      services('app', 'svc'),
      `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: many, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  hostnames: [${hostnames.join(', ')}]
  rules: [{ backendRefs: [{ name: svc, port: 8080 }] }]
`,
    );
    const result = explain(tables, { gateway: 'gw/web', host: 'h7.example.com', path: '/' });
    const line = result.explanation.find((l) => l.includes('route hostnames')) ?? '';
    expect(line).toContain('[h0.example.com, h1.example.com, h2.example.com, h3.example.com, +496 more]');
    expect(line.length).toBeLessThan(600);
  });
});
