/**
 * Backends (spec: HTTPRouteRule.backendRefs, BackendRef.weight): weights → probabilities, invalid
 * backends keep their share as 500s, all invalid / no backendRefs / all weights 0 → 500, no ready
 * endpoints → 503, ServiceImport clusters shown.
 */
import { describe, expect, it } from 'vitest';
import { BASE, services, tablesOf } from './helpers.ts';
import { runCase } from './case-table.ts';
import type { Case } from './case-table.ts';
import { simulate } from '../../src/matching/simulate.ts';

const rule = (prefix: string, backends: string): string => `
  - matches: [{ path: { type: PathPrefix, value: ${prefix} } }]
    backendRefs: ${backends}`;

const ROUTE = `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: backends, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:${[
    rule(
      '/weights',
      '[{ name: a, port: 8080, weight: 70 }, { name: b, port: 8080, weight: 30 }, { name: c, port: 8080, weight: 0 }]',
    ),
    rule('/half-invalid', '[{ name: a, port: 8080 }, { name: missing, port: 8080 }]'),
    rule('/all-invalid', '[{ name: missing, port: 8080 }, { name: a, namespace: other, port: 8080 }]'),
    rule('/zero', '[{ name: a, port: 8080, weight: 0 }]'),
    rule('/none', '[]'),
    rule('/no-endpoints', '[{ name: drained, port: 8080 }]'),
    rule('/import', '[{ group: multicluster.x-k8s.io, kind: ServiceImport, name: shared, port: 8080 }]'),
  ].join('')}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: drained-1, namespace: app, labels: { kubernetes.io/service-name: drained } }
addressType: IPv4
endpoints: [{ addresses: [10.0.0.9], conditions: { ready: false } }]
---
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceImport
metadata: { name: shared, namespace: app }
spec: { type: ClusterSetIP, ports: [{ port: 8080, protocol: TCP }] }
status: { clusters: [{ cluster: east }, { cluster: west }] }
`;

const CASES: Case[] = [
  {
    name: 'weights 70/30/0 become 0.7/0.3/0',
    request: { path: '/weights' },
    expect: { status: 200, shares: { 'app/a': 0.7, 'app/b': 0.3, 'app/c': 0 } },
  },
  {
    name: 'one of two equal backends invalid: still 200 for the valid half',
    request: { path: '/half-invalid' },
    expect: { status: 200, backend: 'app/a', shares: { 'app/a': 0.5, 'app/missing': 0.5 } },
  },
  { name: 'all backends invalid → 500', request: { path: '/all-invalid' }, expect: { status: 500 } },
  { name: 'all weights 0 → 500', request: { path: '/zero' }, expect: { status: 500 } },
  { name: 'no backendRefs → 500', request: { path: '/none' }, expect: { status: 500 } },
  { name: 'no ready endpoints → 503', request: { path: '/no-endpoints' }, expect: { status: 503 } },
];

describe('backend case table', () => {
  const tables = tablesOf(BASE, ROUTE, services('app', 'a', 'b', 'c', 'drained'), services('other', 'a'));
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(runCase(tables, c).problems).toEqual([]);
  });

  it('invalid backends say why, and the explanation gives the 500 share', () => {
    const r = simulate(tables, { gateway: 'gw/web', path: '/half-invalid' });
    expect(r.backends.map((b) => [b.name, b.valid, b.reason ?? null])).toEqual([
      ['a', true, null],
      ['missing', false, 'BackendNotFound'],
    ]);
    expect(r.explanation.join('\n')).toContain('its 50% of requests get 500');
  });

  it('a cross-namespace backend without ReferenceGrant is RefNotPermitted', () => {
    const r = simulate(tables, { gateway: 'gw/web', path: '/all-invalid' });
    expect(r.backends.find((b) => b.namespace === 'other')?.reason).toBe('RefNotPermitted');
  });

  it('ServiceImport backends show their exporting clusters', () => {
    const r = simulate(tables, { gateway: 'gw/web', path: '/import' });
    expect(r.status).toBe(200);
    expect(r.backends).toMatchObject([{ kind: 'ServiceImport', name: 'shared', clusters: ['east', 'west'] }]);
  });
});
