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
import { respond } from '../../src/matching/respond.ts';
import { plainResult } from '../../src/matching/forward.ts';
import { viewOf } from '../../src/matching/request.ts';
import { updateRouteTables } from '../../src/matching/update.ts';
import { MEMO_OWNER } from '../../src/matching/backends.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadManifests } from '../../src/model/load.ts';

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

describe('plain rules (no filters, timeouts or retry)', () => {
  const docs = [BASE, ROUTE, services('app', 'a', 'b', 'c', 'drained'), services('other', 'a')];
  const tables = tablesOf(...docs);
  const entries = tables.gateways.get('gw/web')?.listeners[0]?.httpEntries ?? [];

  it('take the fast path, which answers exactly as respond() (same keys in the same order)', () => {
    expect(entries.length).toBeGreaterThan(5);
    const request = {
      id: 7,
      gateway: 'gw/web',
      path: '/x?q=1',
      headers: { 'X-Trace': 'abc', Host: 'ignored.example' },
      backendResponseHeaders: { 'Content-Type': 'text/plain' },
    };
    for (const e of entries) {
      expect(e.matched.plain).toBe(true);
      const fast = plainResult(tables, e.matched, viewOf(request), request, 'http', ['line']);
      const notes = ['line'];
      const o = respond(tables, e.matched, viewOf(request), { protocol: 'HTTP', port: 80 }, request, notes);
      const general = {
        id: 7,
        status: o.status,
        listener: 'http',
        route: o.route,
        rule: o.rule,
        backends: o.backends,
        redirect: o.redirect,
        upstreamRequest: o.upstreamRequest,
        responseHeaders: o.responseHeaders,
        mirrors: o.mirrors,
        explanation: notes,
      };
      expect(JSON.stringify(fast)).toBe(JSON.stringify(general));
    }
  });

  it('a rule with a filter is not plain', () => {
    const filtered = tablesOf(
      BASE,
      ROUTE.replace(
        'rules:',
        'rules:\n  - filters: [{ type: ExtensionRef, extensionRef: { group: x.io, kind: K, name: k } }]\n    backendRefs: [{ name: a, port: 8080 }]',
      ),
    );
    const rules = filtered.gateways.get('gw/web')?.listeners[0]?.httpEntries.map((e) => e.matched.plain);
    expect(rules?.filter((plain) => !plain)).toHaveLength(1);
  });

  it('a rule shared by updated tables answers with the backends of the tables asked', () => {
    const probe = { gateway: 'gw/web', path: '/half-invalid' };
    const missingValid = (t: typeof tables): boolean | undefined =>
      simulate(t, probe).backends.find((b) => b.name === 'missing')?.valid;
    expect(missingValid(tables)).toBe(false);
    // A Service is added, no route changes: the listener table (and its rules) is shared.
    const withMissing = [...docs, services('app', 'missing')];
    const after = analyze(
      loadManifests(withMissing.map((text, i) => ({ name: `d${i}.yaml`, text }))).snapshot,
    );
    const updated = updateRouteTables(tables, after, []);
    expect(updated.gateways.get('gw/web')?.listeners[0]).toBe(tables.gateways.get('gw/web')?.listeners[0]);
    expect(missingValid(updated)).toBe(true);
    expect(missingValid(tables)).toBe(false);
    expect(missingValid(updated)).toBe(true);
    // The memo names its tables by a token of their own, not by their cache (which it would pin).
    const shared = updated.gateways
      .get('gw/web')
      ?.listeners[0]?.httpEntries.find((e) => e.matched.matchedPrefix === '/half-invalid')?.matched;
    expect(shared?.[MEMO_OWNER]).toBe(updated.memoOwner);
    expect(updated.memoOwner).not.toBe(tables.memoOwner);
    expect(Object.keys(updated.memoOwner)).toEqual([]);
  });
});
