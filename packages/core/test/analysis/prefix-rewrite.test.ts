/**
 * GS333-ReplacePrefixMatchNeedsOnePathPrefix: the four HTTPRouteRule CEL rules on
 * path.replacePrefixMatch (apis/v1/httproute_types.go) as a case table — rule filters and
 * backendRef filters, CEL `exists_one` semantics — the position and fix a file gets, and no false
 * alarm (nor normalize diagnostic) on any upstream conformance manifest.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { pinpointDiagnostics } from '../../src/diagnostics/pinpoint.ts';
import { loadManifests } from '../../src/model/load.ts';
import { CONFORMANCE_DIR, conformanceAvailable } from '../conformance/harness.ts';

const CODE = 'GS333-ReplacePrefixMatchNeedsOnePathPrefix';
const TAIL = 'filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified';
const REDIRECT = `When using RequestRedirect ${TAIL}`;
const REWRITE = `When using URLRewrite ${TAIL}`;
const BACKEND_REDIRECT = `Within backendRefs, when using RequestRedirect ${TAIL}`;
const BACKEND_REWRITE = `Within backendRefs, When using URLRewrite ${TAIL}`;

const PREFIX = 'urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}';
const FULL = 'urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /new}}';
const REDIRECT_PREFIX = 'requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}';

interface Case {
  readonly matches: string;
  readonly ruleFilters?: readonly string[];
  readonly backendFilters?: readonly (readonly string[])[];
}

function filterYaml(config: string, indent: string): string {
  const type = config.startsWith('urlRewrite') ? 'URLRewrite' : 'RequestRedirect';
  return `${indent}- type: ${type}\n${indent}  ${config}\n`;
}

function routeYaml(c: Case): string {
  const rule = (c.ruleFilters ?? []).map((f) => filterYaml(f, '        ')).join('');
  const backends = (c.backendFilters ?? [[]])
    .map((fs, i) => {
      const filters = fs.map((f) => filterYaml(f, '            ')).join('');
      return `        - name: svc${i}\n          port: 80\n${fs.length > 0 ? `          filters:\n${filters}` : ''}`;
    })
    .join('');
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  rules:
    - ${c.matches}
${rule === '' ? '' : `      filters:\n${rule}`}      backendRefs:
${backends}`;
}

function messagesFor(c: Case): string[] {
  const loaded = loadManifests([{ name: 'r.yaml', text: routeYaml(c) }]);
  expect(loaded.diagnostics).toEqual([]);
  return analyze(loaded.snapshot)
    .diagnostics.filter((d) => d.code === CODE)
    .map((d) => /\(HTTPRouteRule validation: (.*)\); kubectl/.exec(d.message)?.[1] ?? d.message);
}

const ONE_PREFIX = 'matches: [{path: {type: PathPrefix, value: /old}}]';
const EXACT = 'matches: [{path: {type: Exact, value: /old}}]';
const REGEX = 'matches: [{path: {type: RegularExpression, value: "/o.d"}}]';
const TWO = 'matches: [{path: {type: PathPrefix, value: /a}}, {path: {type: PathPrefix, value: /b}}]';
const HEADERS_ONLY = 'matches: [{headers: [{name: x, value: "1"}]}]';
const NONE = 'name: default-match';

describe('the CRD rules (messages verbatim)', () => {
  it.each<[string, Case, string[]]>([
    ['one PathPrefix match', { matches: ONE_PREFIX, ruleFilters: [PREFIX] }, []],
    ['a match without path (defaults to PathPrefix /)', { matches: HEADERS_ONLY, ruleFilters: [PREFIX] }, []],
    ['no matches (defaults to one PathPrefix /)', { matches: NONE, ruleFilters: [PREFIX] }, []],
    ['an Exact match, URLRewrite', { matches: EXACT, ruleFilters: [PREFIX] }, [REWRITE]],
    ['an Exact match, RequestRedirect', { matches: EXACT, ruleFilters: [REDIRECT_PREFIX] }, [REDIRECT]],
    ['a RegularExpression match', { matches: REGEX, ruleFilters: [PREFIX] }, [REWRITE]],
    ['two PathPrefix matches', { matches: TWO, ruleFilters: [PREFIX] }, [REWRITE]],
    ['ReplaceFullPath is not concerned', { matches: TWO, ruleFilters: [FULL] }, []],
    ['within a backendRef, URLRewrite', { matches: EXACT, backendFilters: [[PREFIX]] }, [BACKEND_REWRITE]],
    [
      'within a backendRef, RequestRedirect',
      { matches: TWO, backendFilters: [[], [REDIRECT_PREFIX]] },
      [BACKEND_REDIRECT],
    ],
    [
      'rule and backendRef filters both',
      { matches: EXACT, ruleFilters: [PREFIX], backendFilters: [[PREFIX]] },
      [BACKEND_REWRITE, REWRITE], // sorted by message: "…backendRefs[0]…" before "…filters[0]…"
    ],
    // CEL exists_one: exactly one qualifying filter (or backendRef) triggers the rule.
    ['two qualifying rule filters (exists_one)', { matches: EXACT, ruleFilters: [PREFIX, PREFIX] }, []],
    [
      'two backendRefs with one each (exists_one)',
      { matches: EXACT, backendFilters: [[PREFIX], [PREFIX]] },
      [],
    ],
    ['a backendRef with two (exists_one)', { matches: EXACT, backendFilters: [[PREFIX, PREFIX], []] }, []],
  ])('%s', (_name, c, expected) => {
    expect(messagesFor(c)).toEqual(expected);
  });

  it('a modifier normalize dropped (type without its value) does not qualify, as has() is false', () => {
    const text = routeYaml({
      matches: EXACT,
      ruleFilters: ['urlRewrite: {path: {type: ReplacePrefixMatch, replaceFullPath: /x}}'],
    });
    const loaded = loadManifests([{ name: 'r.yaml', text }]);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['GS010-InvalidField', 'GS011-MissingField']);
    expect(analyze(loaded.snapshot).diagnostics.filter((d) => d.code === CODE)).toEqual([]);
  });
});

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches:
        - path: {type: Exact, value: /old}
      filters:
        - type: RequestRedirect
          requestRedirect:
            path: {type: ReplacePrefixMatch, replacePrefixMatch: /new/}
    - matches:
        - path: {type: PathPrefix, value: /a}
        - path: {type: PathPrefix, value: /b}
      backendRefs:
        - name: api
          port: 80
          filters:
            - type: URLRewrite
              urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}
`;

describe(`${CODE} diagnostics`, () => {
  const files = [{ name: 'shop.yaml', text: ROUTE }];
  const found = pinpointDiagnostics(
    files,
    analyze(loadManifests(files).snapshot).diagnostics.filter((d) => d.code === CODE),
  );

  it('one error per broken rule, at the rule matches, naming the filter', () => {
    expect(found.map((d) => [d.severity, d.field, d.source])).toEqual([
      ['error', 'spec.rules[0].matches', { file: 'shop.yaml', line: 7, column: 7 }],
      ['error', 'spec.rules[1].matches', { file: 'shop.yaml', line: 13, column: 7 }],
    ]);
    expect(found[0]?.message).toContain(
      'rule 0 uses RequestRedirect path.replacePrefixMatch (spec.rules[0].filters[0].requestRedirect) with 1 match (Exact "/old");',
    );
    expect(found[1]?.message).toContain(
      'rule 1 uses URLRewrite path.replacePrefixMatch (spec.rules[1].backendRefs[0].filters[0].urlRewrite) with 2 matches (PathPrefix "/a", PathPrefix "/b");',
    );
    expect(found[1]?.message).toContain(BACKEND_REWRITE);
  });

  it('proposes ReplaceFullPath for an Exact match, a split for several matches', () => {
    expect(found[0]?.fix?.summary).toContain(
      'path: {type: ReplaceFullPath, replaceFullPath: "/new"} (the same result)',
    );
    expect(found[1]?.fix?.summary).toBe(
      'Split the rule: one rule per PathPrefix match ("/a", "/b"), each with its own copy of the URLRewrite filter, and the other matches in rules without replacePrefixMatch.',
    );
  });

  it.skipIf(!conformanceAvailable())(
    'no upstream conformance manifest gets it, nor a normalize diagnostic',
    () => {
      const names = readdirSync(CONFORMANCE_DIR).filter((name) => /\.ya?ml$/.test(name));
      expect(names.length).toBeGreaterThan(50);
      let prefixRewrites = 0;
      for (const name of names) {
        const text = readFileSync(resolve(CONFORMANCE_DIR, name), 'utf8');
        if (text.includes('ReplacePrefixMatch')) prefixRewrites++;
        const loaded = loadManifests([{ name, text }]);
        expect(loaded.diagnostics, name).toEqual([]);
        const codes = analyze(loaded.snapshot).diagnostics.map((d) => d.code);
        expect(
          codes.filter((c) => c === CODE),
          name,
        ).toEqual([]);
      }
      // The guard means something: upstream does use replacePrefixMatch.
      expect(prefixRewrites).toBeGreaterThan(0);
    },
  );
});
