/**
 * GS331-InvalidPathValue: the HTTPPathMatch CRD rules (apis/v1/httproute_types.go, CEL
 * XValidation and MaxLength on HTTPPathMatch) as a case table, the proposed fix, the position a
 * file or the sandbox reports, and no false alarm on any upstream conformance manifest.
 * GS332-InvalidPathModifierValue: HTTPPathModifier's MaxLength on RequestRedirect/URLRewrite
 * paths (rule and backendRef filters), nothing else about their content, and never on GRPCRoute.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import {
  MAX_PATH_LENGTH,
  pathLength,
  pathModifierViolations,
  pathValueViolations,
  suggestedPathValue,
} from '../../src/analysis/path-values.ts';
import { pinpointDiagnostics } from '../../src/diagnostics/pinpoint.ts';
import { loadManifests } from '../../src/model/load.ts';
import { CONFORMANCE_DIR, conformanceAvailable } from '../conformance/harness.ts';

const CODE = 'GS331-InvalidPathValue';
const MODIFIER_CODE = 'GS332-InvalidPathModifierValue';
const T = "when type one of ['Exact', 'PathPrefix']";
const CHARS =
  "must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']";

describe('HTTPPathMatch value rules (the CRD messages, verbatim)', () => {
  it.each([
    ['/', []],
    ['/a/b/', []],
    ["/a-b_c.d~e!$&'()*+,;=:@/%C3%A9", []],
    ['foo', [`value must be an absolute path and start with '/' ${T}`]],
    ['', [`value must be an absolute path and start with '/' ${T}`, CHARS]],
    ['///', [`must not contain '//' ${T}`]],
    ['/a//b', [`must not contain '//' ${T}`]],
    ['/a/./b', [`must not contain '/./' ${T}`]],
    ['/a/../b', [`must not contain '/../' ${T}`]],
    ['/a%2fb', [`must not contain '%2f' ${T}`]],
    ['/a%2Fb', [`must not contain '%2F' ${T}`]],
    ['/a#b', [`must not contain '#' ${T}`, CHARS]],
    ['/a/..', [`must not end with '/..' ${T}`]],
    ['/a/.', [`must not end with '/.' ${T}`]],
    ['/a b', [CHARS]],
    ['/%zz', [CHARS]],
    ['/café', [CHARS]],
  ] as const)('%j', (value, messages) => {
    expect(pathValueViolations('PathPrefix', value)).toEqual(messages);
    expect(pathValueViolations('Exact', value)).toEqual(messages);
    // RegularExpression values are not under these rules (GS330 checks their syntax).
    expect(pathValueViolations('RegularExpression', value)).toEqual([]);
  });
});

describe('maxLength 1024 (HTTPPathMatch.value and both HTTPPathModifier values)', () => {
  const atMost = '/' + 'a'.repeat(MAX_PATH_LENGTH - 1);
  const over = `${atMost}b`;
  const TOO_LONG = 'may not be longer than 1024 characters (it has 1025)';

  it('holds for every path type, RegularExpression included', () => {
    for (const type of ['Exact', 'PathPrefix', 'RegularExpression'] as const) {
      expect(pathValueViolations(type, atMost), type).toEqual([]);
      expect(pathValueViolations(type, over), type).toEqual([TOO_LONG]);
    }
    // A CEL message and the length together, the CEL rules first.
    expect(pathValueViolations('Exact', `/${over}`)).toEqual([
      `must not contain '//' ${T}`,
      'may not be longer than 1024 characters (it has 1026)',
    ]);
  });

  it('counts characters (code points), as the API server does, not UTF-16 units', () => {
    const emoji = '/' + '😀'.repeat(MAX_PATH_LENGTH - 1); // 1024 code points, 2047 UTF-16 units
    expect(pathLength(emoji)).toBe(MAX_PATH_LENGTH);
    expect(pathValueViolations('RegularExpression', emoji)).toEqual([]);
    expect(pathModifierViolations(emoji)).toEqual([]);
    expect(pathModifierViolations(`${emoji}😀`)).toEqual([
      'may not be longer than 1024 characters (it has 1025)',
    ]);
  });

  it('is the only rule on a path modifier value (no leading "/" required, "" allowed)', () => {
    for (const value of ['', 'path', '/a//b', '/a/../b', '#x', ' ', atMost]) {
      expect(pathModifierViolations(value), value).toEqual([]);
    }
    expect(pathModifierViolations(over)).toEqual([TOO_LONG]);
  });
});

describe('the proposed value', () => {
  it.each([
    ['///', '/'],
    ['/a//b/', '/a/b/'],
    ['/a/./b', '/a/b'],
    ['/a/b/../c', '/a/c'],
    ['/a/..', '/'],
    ['/a/.', '/a/'],
    ['foo', '/foo'],
    ['', '/'],
    ['/a#frag', '/a'],
    ['/a%2Fb', '/a/b'],
    ['/a b', '/a%20b'],
    ['/café', '/caf%C3%A9'],
    ['/%zz', '/%25zz'],
    ['/ok/%41', undefined],
  ] as const)('%j → %j', (value, proposed) => {
    expect(suggestedPathValue(value)).toBe(proposed);
  });

  it('is always accepted by the rules', () => {
    const text = fc.string({
      unit: fc.constantFrom('/', '.', '%', '2', 'f', 'F', '#', 'a', ' ', 'é', '\ud800', '😀'),
    });
    fc.assert(
      fc.property(text, (value) => {
        const proposed = suggestedPathValue(value);
        if (proposed === undefined) expect(pathValueViolations('PathPrefix', value)).toEqual([]);
        else expect(pathValueViolations('PathPrefix', proposed)).toEqual([]);
      }),
      { numRuns: 500, seed: 331 },
    );
  });
});

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches:
        - path: {type: PathPrefix, value: /ok}
    - matches:
        - path: {type: Exact, value: /ok}
        - path:
            type: PathPrefix
            value: /cart//
`;

describe(`${CODE} diagnostics`, () => {
  const files = [{ name: 'route.yaml', text: ROUTE }];
  const diagnostics = analyze(loadManifests(files).snapshot).diagnostics.filter((d) => d.code === CODE);

  it('one error per rejected value, at its field, with the rule and a fix', () => {
    expect(diagnostics).toHaveLength(1);
    const [d] = pinpointDiagnostics(files, diagnostics);
    expect(d).toMatchObject({
      severity: 'error',
      field: 'spec.rules[1].matches[1].path.value',
      source: { file: 'route.yaml', line: 13, column: 13 }, // the `value:` key
    });
    expect(d?.message).toContain(`"/cart//" is rejected by the API server`);
    expect(d?.message).toContain(`must not contain '//' ${T}`);
    expect(d?.fix?.summary).toContain('"/cart/"');
  });

  it('an over-long value of any type is reported; a RegularExpression is told to be shorter', () => {
    const regex = `/${'a'.repeat(MAX_PATH_LENGTH)}.*`;
    const text = ROUTE.replace(
      '{type: PathPrefix, value: /ok}',
      `{type: RegularExpression, value: "${regex}"}`,
    );
    const found = analyze(loadManifests([{ name: 'r.yaml', text }]).snapshot).diagnostics.filter(
      (d) => d.code === CODE,
    );
    expect(found.map((d) => d.field)).toEqual([
      'spec.rules[0].matches[0].path.value',
      'spec.rules[1].matches[1].path.value',
    ]);
    expect(found[0]?.message).toContain('may not be longer than 1024 characters (it has 1027)');
    // The message shows the start of the value, not all of it.
    expect(found[0]?.message).not.toContain(regex);
    expect(found[0]?.fix?.summary).toBe('Shorten the regular expression to at most 1024 characters.');
  });

  it('an over-long Exact value with nothing else to fix is told its length', () => {
    const value = `/${'a'.repeat(MAX_PATH_LENGTH)}`;
    const text = ROUTE.replace('{type: Exact, value: /ok}', `{type: Exact, value: ${value}}`);
    const [d] = analyze(loadManifests([{ name: 'r.yaml', text }]).snapshot).diagnostics.filter(
      (x) => x.code === CODE && x.field === 'spec.rules[1].matches[0].path.value',
    );
    expect(d?.fix?.summary).toContain('at most 1024 characters long');
  });

  it.skipIf(!conformanceAvailable())('never fires on an upstream conformance manifest', () => {
    const names = readdirSync(CONFORMANCE_DIR).filter((name) => /\.ya?ml$/.test(name));
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      const text = readFileSync(resolve(CONFORMANCE_DIR, name), 'utf8');
      const loaded = loadManifests([{ name, text }]);
      expect(loaded.diagnostics, name).toEqual([]);
      const codes = analyze(loaded.snapshot).diagnostics.map((d) => d.code);
      expect(
        codes.filter((c) => c === CODE || c === MODIFIER_CODE),
        name,
      ).toEqual([]);
    }
  });
});

const LONG_PREFIX = `/v2${'/segment'.repeat(128)}`; // 1027 characters
const LONG_FULL = `/${'x'.repeat(MAX_PATH_LENGTH)}`; // 1025

const MODIFIERS = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /v1}}]
      filters:
        - type: URLRewrite
          urlRewrite:
            path: {type: ReplacePrefixMatch, replacePrefixMatch: ""}
      backendRefs:
        - name: api
          port: 80
          filters:
            - type: RequestHeaderModifier
              requestHeaderModifier: {set: [{name: x, value: "1"}]}
            - type: URLRewrite
              urlRewrite:
                path:
                  type: ReplacePrefixMatch
                  replacePrefixMatch: ${LONG_PREFIX}
    - matches: [{path: {type: Exact, value: /old}}]
      filters:
        - type: RequestRedirect
          requestRedirect:
            path:
              type: ReplaceFullPath
              replaceFullPath: ${LONG_FULL}
    - matches: [{path: {type: Exact, value: /rel}}]
      filters:
        - type: RequestRedirect
          requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: relative}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: rpc, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - filters:
        - type: URLRewrite
          urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: ${LONG_FULL}}}
`;

describe(`${MODIFIER_CODE} diagnostics`, () => {
  const files = [{ name: 'api.yaml', text: MODIFIERS }];
  const found = analyze(loadManifests(files).snapshot).diagnostics.filter((d) => d.code === MODIFIER_CODE);

  it('one error per over-long RequestRedirect/URLRewrite value, rule or backendRef, at its field', () => {
    const pinned = pinpointDiagnostics(files, found);
    expect(pinned.map((d) => [d.object.name, d.field, d.source])).toEqual([
      [
        'api',
        'spec.rules[0].backendRefs[0].filters[1].urlRewrite.path.replacePrefixMatch',
        { file: 'api.yaml', line: 22, column: 19 },
      ],
      [
        'api',
        'spec.rules[1].filters[0].requestRedirect.path.replaceFullPath',
        { file: 'api.yaml', line: 29, column: 15 },
      ],
    ]);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
    expect(found[0]?.message).toContain(
      'URLRewrite replacePrefixMatch "/v2/segment/segment/segment/segment/segment/segment/segment/"…',
    );
    expect(found[0]?.message).toContain('may not be longer than 1024 characters (it has 1027)');
    expect(found[1]?.message).toContain('RequestRedirect replaceFullPath');
    expect(found[1]?.fix?.summary).toBe('Shorten replaceFullPath to at most 1024 characters.');
  });

  it('says nothing about GRPCRoute, whose filters have no path fields', () => {
    expect(found.filter((d) => d.object.kind === 'GRPCRoute')).toEqual([]);
  });
});
