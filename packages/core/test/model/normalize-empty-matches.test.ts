import { describe, expect, it } from 'vitest';
import { codes, load, only } from './helpers.ts';

const route = (rule: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: e}
spec:
  rules:
${rule}`;

const DEFAULT_MATCH = [{ path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] }];

describe('explicit matches: [] on an HTTPRoute rule', () => {
  it('matches like the default (spec: no matches means a prefix match on "/"), with no diagnostic', () => {
    const loaded = load(route('  - matches: []\n    backendRefs: [{name: svc, port: 80}]\n'));
    expect(loaded.diagnostics).toEqual([]);
    expect(only(loaded, 'HTTPRoute').rules[0]?.matches).toEqual(DEFAULT_MATCH);
  });

  it('breaks the rule-level replacePrefixMatch CEL rule the absent list passes', () => {
    const rewrite = `    filters:
    - type: URLRewrite
      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}
    backendRefs: [{name: svc, port: 80}]
`;
    const empty = load(route(`  - matches: []\n${rewrite}`));
    expect(codes(empty)).toEqual(['GS010-InvalidField spec.rules[0].matches']);
    expect(empty.diagnostics[0]?.message).toContain(
      'spec.rules[0].matches: When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified (',
    );
    expect(empty.diagnostics[0]?.fix?.summary).toContain('Remove matches: []');
    expect(only(empty, 'HTTPRoute').rules[0]?.filters).toHaveLength(1);

    const absent = load(route(`  - ${rewrite.trimStart()}`));
    expect(absent.diagnostics).toEqual([]);
  });

  it('breaks the "Within backendRefs" rule for one backendRef with one such redirect', () => {
    const loaded = load(
      route(`  - matches: []
    backendRefs:
    - name: svc
      port: 80
      filters:
      - type: RequestRedirect
        requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /r}}
`),
    );
    expect(codes(loaded)).toEqual(['GS010-InvalidField spec.rules[0].matches']);
    expect(loaded.diagnostics[0]?.message).toContain(
      'Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    );
  });

  it('follows exists_one: two qualifying filters do not trigger the rule, a ReplaceFullPath never does', () => {
    const two = load(
      route(`  - matches: []
    filters:
    - type: URLRewrite
      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /a}}
    - type: URLRewrite
      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}
`),
    );
    expect(codes(two)).toEqual([]);
    const full = load(
      route(`  - matches: []
    filters:
    - type: URLRewrite
      urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /a}}
`),
    );
    expect(codes(full)).toEqual([]);
  });
});
