/**
 * HTTPPathModifier in normalize: the four CRD CEL rules tying `type` to the value field that is
 * set (apis/v1/httproute_types.go), reported at the field with the CRD's messages; the model keeps
 * a modifier only with the value its type names; the rest of the route still loads.
 */
import { describe, expect, it } from 'vitest';
import { pinpointDiagnostics } from '../../src/diagnostics/pinpoint.ts';
import { loadManifests } from '../../src/model/load.ts';
import type { HTTPFilter } from '../../src/model/types.ts';
import { codes, load, only } from './helpers.ts';

function route(path: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  rules:
  - matches: [{path: {type: PathPrefix, value: /api}}]
    filters:
    - type: URLRewrite
      urlRewrite: {hostname: h.example.com, path: ${path}}
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: a, value: b}]}
    backendRefs:
    - name: api
      port: 80
      filters:
      - type: RequestRedirect
        requestRedirect: {path: ${path}}
`;
}

function read(path: string): { codes: string[]; messages: string[]; filters: readonly HTTPFilter[] } {
  const loaded = load(route(path));
  const rule = only(loaded, 'HTTPRoute').rules[0];
  // Whatever happens to the modifier, the rest of the rule is kept.
  expect(rule?.filters[0]).toMatchObject({ type: 'URLRewrite', hostname: 'h.example.com' });
  expect(rule?.filters[1]?.type).toBe('RequestHeaderModifier');
  expect(rule?.backendRefs[0]?.filters[0]?.type).toBe('RequestRedirect');
  return {
    codes: codes(loaded),
    messages: loaded.diagnostics.map((d) => d.message),
    filters: [...(rule?.filters ?? []), ...(rule?.backendRefs[0]?.filters ?? [])],
  };
}

const RULE = 'spec.rules[0].filters[0].urlRewrite.path';
const BACKEND = 'spec.rules[0].backendRefs[0].filters[0].requestRedirect.path';

function pathsOf(filters: readonly HTTPFilter[]): unknown[] {
  return filters.map((f) => (f.type === 'URLRewrite' || f.type === 'RequestRedirect' ? f.path : 'other'));
}

describe('HTTPPathModifier type and value field', () => {
  it.each([
    ['{type: ReplaceFullPath, replaceFullPath: /x}', { type: 'ReplaceFullPath', value: '/x' }],
    ['{type: ReplacePrefixMatch, replacePrefixMatch: /x}', { type: 'ReplacePrefixMatch', value: '/x' }],
    ['{type: ReplacePrefixMatch, replacePrefixMatch: ""}', { type: 'ReplacePrefixMatch', value: '' }],
  ])('valid %s: no diagnostic, kept as written', (path, expected) => {
    const got = read(path);
    expect(got.codes).toEqual([]);
    expect(pathsOf(got.filters)).toEqual([expected, 'other', expected]);
  });

  it('type ReplaceFullPath with replacePrefixMatch: both broken rules, at their fields; modifier dropped', () => {
    const got = read('{type: ReplaceFullPath, replacePrefixMatch: /x}');
    expect(got.codes).toEqual([
      `GS011-MissingField ${RULE}.replaceFullPath`,
      `GS010-InvalidField ${RULE}.replacePrefixMatch`,
      `GS011-MissingField ${BACKEND}.replaceFullPath`,
      `GS010-InvalidField ${BACKEND}.replacePrefixMatch`,
    ]);
    expect(got.messages[0]).toContain(
      "replaceFullPath must be specified when type is set to 'ReplaceFullPath'",
    );
    expect(got.messages[1]).toContain(
      `type must be 'ReplacePrefixMatch' when replacePrefixMatch is set (type is "ReplaceFullPath"`,
    );
    // No empty value in its place: the redirect and the rewrite leave the path alone.
    expect(pathsOf(got.filters)).toEqual([undefined, 'other', undefined]);
  });

  it('type ReplacePrefixMatch with replaceFullPath: the mirror image', () => {
    const got = read('{type: ReplacePrefixMatch, replaceFullPath: /x}');
    expect(got.codes.slice(0, 2)).toEqual([
      `GS010-InvalidField ${RULE}.replaceFullPath`,
      `GS011-MissingField ${RULE}.replacePrefixMatch`,
    ]);
    expect(got.messages[0]).toContain("type must be 'ReplaceFullPath' when replaceFullPath is set");
    expect(got.messages[1]).toContain(
      "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'",
    );
    expect(pathsOf(got.filters)).toEqual([undefined, 'other', undefined]);
  });

  it('both values set: the one the type names is kept, the other reported', () => {
    const got = read('{type: ReplacePrefixMatch, replacePrefixMatch: /p, replaceFullPath: /f}');
    expect(got.codes).toEqual([
      `GS010-InvalidField ${RULE}.replaceFullPath`,
      `GS010-InvalidField ${BACKEND}.replaceFullPath`,
    ]);
    const loaded = load(route('{type: ReplacePrefixMatch, replacePrefixMatch: /p, replaceFullPath: /f}'));
    expect(loaded.diagnostics[0]?.fix?.summary).toBe(
      'Remove replaceFullPath (type ReplacePrefixMatch uses replacePrefixMatch), or set type: ReplaceFullPath and remove replacePrefixMatch.',
    );
    const kept = { type: 'ReplacePrefixMatch', value: '/p' };
    expect(pathsOf(got.filters)).toEqual([kept, 'other', kept]);
  });

  it('the type alone: its value is missing', () => {
    const got = read('{type: ReplaceFullPath}');
    expect(got.codes).toEqual([
      `GS011-MissingField ${RULE}.replaceFullPath`,
      `GS011-MissingField ${BACKEND}.replaceFullPath`,
    ]);
    expect(pathsOf(got.filters)).toEqual([undefined, 'other', undefined]);
  });

  it('no type (required): reported; the one value written says what was meant', () => {
    const got = read('{replacePrefixMatch: /x}');
    expect(got.codes).toEqual([`GS011-MissingField ${RULE}.type`, `GS011-MissingField ${BACKEND}.type`]);
    const meant = { type: 'ReplacePrefixMatch', value: '/x' };
    expect(pathsOf(got.filters)).toEqual([meant, 'other', meant]);
  });

  it('an unknown type breaks the "type must be" rule of the value that is set', () => {
    const got = read('{type: ReplacePrefix, replacePrefixMatch: /x}');
    expect(got.codes.slice(0, 2)).toEqual([
      `GS010-InvalidField ${RULE}.type`,
      `GS010-InvalidField ${RULE}.replacePrefixMatch`,
    ]);
    expect(got.messages[0]).toContain('"ReplacePrefix" is not one of ReplaceFullPath, ReplacePrefixMatch');
    expect(pathsOf(got.filters)[0]).toEqual({ type: 'ReplacePrefixMatch', value: '/x' });
  });

  it('points at the field in the file and proposes the rename', () => {
    const text = route('{type: ReplaceFullPath, replacePrefixMatch: /x}');
    const files = [{ name: 'r.yaml', text }];
    const { diagnostics } = loadManifests(files);
    const [d] = pinpointDiagnostics(files, diagnostics).filter(
      (x) => x.field === `${RULE}.replacePrefixMatch`,
    );
    // Line 9: `urlRewrite: {hostname: h.example.com, path: {type: ..., replacePrefixMatch: /x}}`.
    expect(d?.source).toEqual({
      file: 'r.yaml',
      line: 9,
      column: text.split('\n')[8]!.indexOf('replacePrefixMatch') + 1,
    });
    expect(d?.severity).toBe('error');
    expect(d?.fix?.summary).toBe(
      'Rename replacePrefixMatch to replaceFullPath (the field type ReplaceFullPath uses), or set type: ReplacePrefixMatch.',
    );
  });
});
