import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/matching/simulate.ts';
import { explain } from '../../src/matching/explain.ts';
import { BASE, services, tablesOf } from './helpers.ts';

const ROUTE = `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - matches: [{ path: { type: Exact, value: /match } }]
    backendRefs: [{ name: v1, port: 8080 }]
  - matches: [{ path: { type: PathPrefix, value: /match/ } }]
    backendRefs: [{ name: v2, port: 8080 }]
`;

describe('smoke', () => {
  it('routes', () => {
    const t = tablesOf(BASE, ROUTE, services('app', 'v1', 'v2'));
    const r = simulate(t, { gateway: 'gw/web', path: '/match/x' });
    console.log(JSON.stringify(r, null, 1));
    console.log(explain(t, { gateway: 'gw/web', path: '/nope' }).explanation.join('\n'));
    expect(r.status).toBe(200);
  });
});
