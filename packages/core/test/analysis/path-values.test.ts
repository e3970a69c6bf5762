/**
 * GS331-InvalidPathValue: the HTTPPathMatch CRD rules (apis/v1/httproute_types.go, CEL
 * XValidation on HTTPPathMatch) as a case table, the proposed fix, the position a file or the
 * sandbox reports, and no false alarm on any upstream conformance manifest.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { pathValueViolations, suggestedPathValue } from '../../src/analysis/path-values.ts';
import { pinpointDiagnostics } from '../../src/diagnostics/pinpoint.ts';
import { loadManifests } from '../../src/model/load.ts';
import { CONFORMANCE_DIR, conformanceAvailable } from '../conformance/harness.ts';

const CODE = 'GS331-InvalidPathValue';
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

  it.skipIf(!conformanceAvailable())('never fires on an upstream conformance manifest', () => {
    const names = readdirSync(CONFORMANCE_DIR).filter((name) => /\.ya?ml$/.test(name));
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      const text = readFileSync(resolve(CONFORMANCE_DIR, name), 'utf8');
      const loaded = loadManifests([{ name, text }]);
      expect(loaded.diagnostics, name).toEqual([]);
      const codes = analyze(loaded.snapshot).diagnostics.map((d) => d.code);
      expect(
        codes.filter((c) => c === CODE),
        name,
      ).toEqual([]);
    }
  });
});
