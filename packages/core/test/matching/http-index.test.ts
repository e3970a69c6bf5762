/**
 * Inside one hostname bucket, the path index (exact map, regex list, prefix trie, header index)
 * and the plain scan of small buckets must both give the first entry in precedence order that
 * holds. Buckets here are built both ways whatever their size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHttpIndex, lookupHttp } from '../../src/matching/http-index.ts';
import { httpMatchHolds } from '../../src/matching/http-match.ts';
import { viewOf } from '../../src/matching/request.ts';
import type { HttpEntry } from '../../src/matching/tables.ts';
import { BASE, services, tablesOf } from './helpers.ts';

const SEGMENTS = ['a', 'api', 'v1'];
const path = fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 3 }).map((s) => `/${s.join('/')}`);
const match = fc.record(
  {
    path: fc.oneof(
      fc.record({ type: fc.constantFrom('Exact', 'PathPrefix'), value: path }),
      fc.record({ type: fc.constant('RegularExpression'), value: fc.constantFrom('/a/.*', '/api/v[12]') }),
    ),
    headers: fc.array(fc.record({ name: fc.constantFrom('x-a', 'X-B'), value: fc.constantFrom('1', '2') }), {
      maxLength: 2,
    }),
    method: fc.constantFrom('GET', 'POST'),
  },
  { requiredKeys: ['path'] },
);
const rules = fc.array(fc.array(match, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 });
const request = fc.record({
  path: path.chain((p) => fc.constantFrom(p, `${p}/`, `${p}x`)),
  method: fc.constantFrom('GET', 'POST'),
  headers: fc.dictionary(fc.constantFrom('x-a', 'x-b'), fc.constantFrom('1', '2'), { maxKeys: 2 }),
});

function routesYaml(ruleLists: readonly unknown[][][]): string {
  return ruleLists
    .map((list, i) =>
      JSON.stringify({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: `r${i}`, namespace: 'app' },
        spec: {
          parentRefs: [{ name: 'web', namespace: 'gw' }],
          rules: list.map((matches) => ({ matches, backendRefs: [{ name: 'v1', port: 8080 }] })),
        },
      }),
    )
    .join('\n---\n');
}

function bucketEntries(ruleLists: readonly unknown[][][]): readonly HttpEntry[] {
  const tables = tablesOf(BASE, `---\n${routesYaml(ruleLists)}`, services('app', 'v1'));
  return tables.gateways.get('gw/web')?.listeners[0]?.catchAll?.httpSorted ?? [];
}

describe('HTTP index of one hostname bucket', () => {
  it('the index and the scan give the first holding entry in precedence order', () => {
    fc.assert(
      fc.property(
        fc.array(rules, { minLength: 1, maxLength: 3 }),
        fc.array(request, { minLength: 1, maxLength: 10 }),
        (ruleLists, requests) => {
          const sorted = bucketEntries(ruleLists);
          const indexed = buildHttpIndex(sorted, 0);
          const scanned = buildHttpIndex(sorted, Infinity);
          for (const q of requests) {
            const view = viewOf({ gateway: 'gw/web', ...q });
            const first = sorted.find((e) => httpMatchHolds(e.match, view)) ?? null;
            expect(lookupHttp(indexed, view)).toBe(first);
            if (scanned.scan !== null) expect(lookupHttp(scanned, view)).toBe(first);
          }
        },
      ),
      { numRuns: 120, seed: 20261126 },
    );
  });

  it('the packed scan compares paths like pathMatches (segment boundaries, root prefix, lengths)', () => {
    const m = (type: string, value: string, method?: string): unknown[] => [
      { path: { type, value }, ...(method !== undefined ? { method } : {}) },
    ];
    const sorted = bucketEntries([
      [m('Exact', '/abc'), m('Exact', '/abd'), m('PathPrefix', '/abc/', 'POST'), m('PathPrefix', '/a/c')],
      [m('PathPrefix', '/abc'), m('PathPrefix', '/x/abc'), m('PathPrefix', '/')],
    ]);
    const scanned = buildHttpIndex(sorted, Infinity);
    expect(scanned.packed).not.toBeNull();
    const paths = [
      '/abc',
      '/abd',
      '/abc/',
      '/abcd',
      '/abc/d',
      '/a/c',
      '/a/cd',
      '/x/abc/',
      '/x/ab',
      '/',
      '/abe',
    ];
    const won: string[] = [];
    for (const method of ['GET', 'POST']) {
      for (const path of paths) {
        const view = viewOf({ gateway: 'gw/web', path, method });
        const hit = lookupHttp(scanned, view);
        expect(hit).toBe(sorted.find((e) => httpMatchHolds(e.match, view)) ?? null);
        won.push(`${method} ${path} ${hit?.match.pathType ?? ''} ${hit?.match.pathValue ?? ''}`);
      }
    }
    expect(won).toContain('GET /abcd PathPrefix /');
    expect(won).toContain('GET /abc/d PathPrefix /abc');
    expect(won).toContain('POST /abc/d PathPrefix /abc/');
    expect(won).toContain('GET /abd Exact /abd');
  });

  it('small buckets are scanned, large ones indexed', () => {
    const small = bucketEntries([[[{ path: { type: 'PathPrefix', value: '/api' } }]]]);
    expect(buildHttpIndex(small).scan).toHaveLength(1);
    const many = Array.from({ length: 20 }, (_, i) => [{ path: { type: 'Exact', value: `/p${i}` } }]);
    const large = bucketEntries([many]);
    expect(buildHttpIndex(large).scan).toBeNull();
    expect(buildHttpIndex(large).exact.size).toBe(20);
  });
});
