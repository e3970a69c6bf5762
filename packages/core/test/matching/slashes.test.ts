/**
 * Path values with repeated or trailing slashes ("///", "/a//", "/a//b"): the CRD rejects them
 * (analysis reports GS331), but a file or the sandbox may carry them, and then the indexed
 * tables must still answer as the reference scan does. Precedence counts the value's characters
 * as written while the prefix trie files a value without its trailing slashes, so "///" (three
 * characters, the root prefix) outranks "/a" (two) although it sits higher in the trie. Buckets
 * of up to 16 entries are scanned, larger ones indexed: both sizes are checked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateReference } from '../../src/matching/reference.ts';
import { simulate } from '../../src/matching/simulate.ts';
import type { SimRequest } from '../../src/matching/types.ts';
import { BASE, services, tablesOf } from './helpers.ts';

interface Match {
  readonly type: 'Exact' | 'PathPrefix';
  readonly value: string;
}

function route(name: string, matches: readonly Match[]): string {
  return `---\n${JSON.stringify({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'app' },
    spec: {
      parentRefs: [{ name: 'web', namespace: 'gw' }],
      rules: [{ matches: matches.map((path) => ({ path })), backendRefs: [{ name: 'v1', port: 8080 }] }],
    },
  })}`;
}

/** Routes `f0..` with paths no request below reaches: they only grow the hostname bucket. */
function fillers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => route(`f${i}`, [{ type: 'PathPrefix', value: `/z${i}` }]));
}

function winners(docs: readonly string[], path: string): { indexed?: string; reference?: string } {
  const tables = tablesOf(BASE, services('app', 'v1'), ...docs);
  const request: SimRequest = { gateway: 'gw/web', path };
  const indexed = simulate(tables, request).route?.name;
  const reference = simulateReference(tables, request).route?.name;
  return {
    ...(indexed !== undefined && { indexed }),
    ...(reference !== undefined && { reference }),
  };
}

/** Below, at and above the scan threshold (16 entries per bucket). */
const BUCKET_FILLERS = [0, 14, 20];

describe('path values with repeated or trailing slashes', () => {
  const cases: { paths: [string, string]; request: string; winner: string }[] = [
    // "///" (3 characters) is a longer prefix than "/a" (2) and matches every path.
    { paths: ['///', '/a'], request: '/a', winner: 'slashes' },
    // "/a///" (5) outranks "/a/b" (4) on /a/b/c.
    { paths: ['/a///', '/a/b'], request: '/a/b/c', winner: 'slashes' },
    // "/a//" (4) and "/a/b" (4) tie on characters; no creationTimestamps: namespace/name decides.
    { paths: ['/a//', '/a/b'], request: '/a/b', winner: 'plain' },
    // "/a//b" is the prefix "/a//b": it matches /a//b/c (segments a, "", b), not /a/b.
    { paths: ['/a//b', '/a'], request: '/a//b/c', winner: 'slashes' },
    { paths: ['/a//b', '/a'], request: '/a/b', winner: 'plain' },
  ];
  for (const c of cases) {
    for (const n of BUCKET_FILLERS) {
      it(`PathPrefix ${c.paths[0]} vs ${c.paths[1]}, request ${c.request}, ${n + 2} entries: ${c.winner}`, () => {
        const docs = [
          route('slashes', [{ type: 'PathPrefix', value: c.paths[0] }]),
          route('plain', [{ type: 'PathPrefix', value: c.paths[1] }]),
          ...fillers(n),
        ];
        expect(winners(docs, c.request)).toEqual({ indexed: c.winner, reference: c.winner });
      });
    }
  }

  const VALUES = ['/', '//', '///', '/a', '/a/', '/a//', '/a///', '/a//b', '/a//b/', '//a', '/a/b', '/a/b//'];
  const REQUESTS = ['/', '//', '/a', '/a/', '/a//', '/a/b', '/a//b', '/a//b/c', '//a', '/a/b/', '/b'];
  const match: fc.Arbitrary<Match> = fc.record({
    type: fc.constantFrom('Exact' as const, 'PathPrefix' as const),
    value: fc.constantFrom(...VALUES),
  });

  it('the indexed tables answer as the reference scan, in scanned and indexed buckets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(match, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...BUCKET_FILLERS),
        (routes, n) => {
          const tables = tablesOf(
            BASE,
            services('app', 'v1'),
            ...routes.map((matches, i) => route(`r${i}`, matches)),
            ...fillers(n),
          );
          for (const path of REQUESTS) {
            const request: SimRequest = { gateway: 'gw/web', path };
            const indexed = simulate(tables, request);
            const reference = simulateReference(tables, request);
            expect([indexed.route?.name, indexed.rule]).toEqual([reference.route?.name, reference.rule]);
          }
        },
      ),
      { numRuns: 150, seed: 20260518 },
    );
  });
});
