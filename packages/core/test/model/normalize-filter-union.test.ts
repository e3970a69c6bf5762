import { describe, expect, it } from 'vitest';
import { codes, load, only } from './helpers.ts';

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: u}
spec:
  rules:
  - filters:
`;

/** The CRD's CEL messages on HTTPRouteFilter (apis/v1/httproute_types.go), copied by hand. */
const HTTP_RULES: readonly [type: string, field: string, specified: string, nil: string][] = [
  [
    'CORS',
    'cors',
    'filter.cors must be specified for CORS filter.type',
    'filter.cors must be nil if the filter.type is not CORS',
  ],
  [
    'RequestHeaderModifier',
    'requestHeaderModifier',
    'filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type',
    'filter.requestHeaderModifier must be nil if the filter.type is not RequestHeaderModifier',
  ],
  [
    'ResponseHeaderModifier',
    'responseHeaderModifier',
    'filter.responseHeaderModifier must be specified for ResponseHeaderModifier filter.type',
    'filter.responseHeaderModifier must be nil if the filter.type is not ResponseHeaderModifier',
  ],
  [
    'RequestMirror',
    'requestMirror',
    'filter.requestMirror must be specified for RequestMirror filter.type',
    'filter.requestMirror must be nil if the filter.type is not RequestMirror',
  ],
  [
    'RequestRedirect',
    'requestRedirect',
    'filter.requestRedirect must be specified for RequestRedirect filter.type',
    'filter.requestRedirect must be nil if the filter.type is not RequestRedirect',
  ],
  [
    'URLRewrite',
    'urlRewrite',
    'filter.urlRewrite must be specified for URLRewrite filter.type',
    'filter.urlRewrite must be nil if the filter.type is not URLRewrite',
  ],
  [
    'ExternalAuth',
    'externalAuth',
    'filter.externalAuth must be specified for ExternalAuth filter.type',
    'filter.externalAuth must be nil if the filter.type is not ExternalAuth',
  ],
  [
    'ExtensionRef',
    'extensionRef',
    'filter.extensionRef must be specified for ExtensionRef filter.type',
    'filter.extensionRef must be nil if the filter.type is not ExtensionRef',
  ],
];

describe('HTTPRouteFilter union rules (CEL, verbatim)', () => {
  for (const [type, field, specified, nil] of HTTP_RULES) {
    it(`${type}: missing ${field} is GS011 at the field`, () => {
      const loaded = load(`${ROUTE}    - type: ${type}\n`);
      expect(codes(loaded)).toEqual([`GS011-MissingField spec.rules[0].filters[0].${field}`]);
      expect(loaded.diagnostics[0]?.message).toContain(`${field}: ${specified} (kubectl apply fails`);
    });

    it(`${field} set on another type is GS010 at the field`, () => {
      const other = type === 'CORS' ? 'RequestHeaderModifier' : 'CORS';
      const otherField = type === 'CORS' ? 'requestHeaderModifier' : 'cors';
      const loaded = load(`${ROUTE}    - type: ${other}\n      ${otherField}: {}\n      ${field}: {}\n`);
      expect(codes(loaded)).toEqual([`GS010-InvalidField spec.rules[0].filters[0].${field}`]);
      expect(loaded.diagnostics[0]?.message).toContain(`${field}: ${nil} (type is "${other}"`);
      expect(loaded.diagnostics[0]?.fix?.summary).toBe(
        `Remove ${field} (type ${other} uses ${otherField}), or set type: ${type} and remove ${otherField}.`,
      );
    });
  }

  it('reports a config written under the wrong field at both fields and keeps the rest of the route', () => {
    const loaded = load(`${ROUTE}    - type: RequestRedirect
      urlRewrite: {hostname: a.example}
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: x, value: "1"}]}
    backendRefs: [{name: svc, port: 80}]
  - backendRefs: [{name: other, port: 80}]
`);
    expect(codes(loaded)).toEqual([
      'GS011-MissingField spec.rules[0].filters[0].requestRedirect',
      'GS010-InvalidField spec.rules[0].filters[0].urlRewrite',
    ]);
    expect(loaded.diagnostics.map((d) => d.fix?.summary)).toEqual([
      'Set type: URLRewrite (the settings you wrote are urlRewrite), or rename urlRewrite to requestRedirect.',
      'Rename urlRewrite to requestRedirect (the field type RequestRedirect uses), or set type: URLRewrite.',
    ]);
    const route = only(loaded, 'HTTPRoute');
    // The redirect has no config of its own: left out, as before; the rest is untouched.
    expect(route.rules[0]?.filters).toEqual([
      {
        type: 'RequestHeaderModifier',
        modifier: { set: [{ name: 'x', value: '1' }], add: [], remove: [] },
      },
    ]);
    expect(route.rules[0]?.backendRefs.map((b) => b.name)).toEqual(['svc']);
    expect(route.rules[1]?.backendRefs.map((b) => b.name)).toEqual(['other']);
  });

  it('keeps a header modifier without config as one that changes nothing', () => {
    const loaded = load(`${ROUTE}    - type: ResponseHeaderModifier\n`);
    expect(loaded.diagnostics[0]?.message).toContain('Gatescope reads it as a modifier that changes nothing');
    expect(only(loaded, 'HTTPRoute').rules[0]?.filters).toEqual([
      { type: 'ResponseHeaderModifier', modifier: { set: [], add: [], remove: [] } },
    ]);
  });

  it('checks backendRef-level filters at their own path', () => {
    const loaded = load(`${ROUTE}    - type: RequestHeaderModifier
      requestHeaderModifier: {remove: [a]}
    backendRefs:
    - name: svc
      port: 80
      filters:
      - type: ExtensionRef
        requestMirror: {backendRef: {name: m, port: 80}}
`);
    expect(codes(loaded)).toEqual([
      'GS010-InvalidField spec.rules[0].backendRefs[0].filters[0].requestMirror',
      'GS011-MissingField spec.rules[0].backendRefs[0].filters[0].extensionRef',
    ]);
    const rule = only(loaded, 'HTTPRoute').rules[0];
    expect(rule?.backendRefs[0]?.filters).toEqual([]);
    expect(rule?.filters).toHaveLength(1);
  });

  it('evaluates the nil rules against an unknown type too (the API server does)', () => {
    const loaded = load(`${ROUTE}    - type: SomethingNew\n      requestRedirect: {scheme: https}\n`);
    expect(codes(loaded)).toEqual(['GS010-InvalidField spec.rules[0].filters[0].requestRedirect']);
    expect(loaded.diagnostics[0]?.fix?.summary).toBe('Set type: RequestRedirect, or remove requestRedirect.');
    expect(only(loaded, 'HTTPRoute').rules[0]?.filters[0]).toMatchObject({
      type: 'Unknown',
      name: 'SomethingNew',
    });
  });

  it('reports only the missing type when type is absent', () => {
    const loaded = load(`${ROUTE}    - requestRedirect: {scheme: https}\n`);
    expect(codes(loaded)).toEqual(['GS011-MissingField spec.rules[0].filters[0].type']);
  });

  it('says nothing about valid filters', () => {
    const loaded = load(`${ROUTE}    - type: URLRewrite
      urlRewrite: {hostname: b.example}
    - type: RequestMirror
      requestMirror: {backendRef: {name: m, port: 80}}
`);
    expect(loaded.diagnostics).toEqual([]);
  });
});

describe('GRPCRouteFilter union rules', () => {
  const grpc = (filter: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g}
spec:
  rules:
  - filters:
${filter}`;

  it('reports the four GRPCRouteFilter pairs, verbatim', () => {
    const loaded = load(grpc('    - type: RequestMirror\n      responseHeaderModifier: {remove: [a]}\n'));
    expect(codes(loaded)).toEqual([
      'GS010-InvalidField spec.rules[0].filters[0].responseHeaderModifier',
      'GS011-MissingField spec.rules[0].filters[0].requestMirror',
    ]);
    expect(loaded.diagnostics[0]?.message).toContain(
      'filter.responseHeaderModifier must be nil if the filter.type is not ResponseHeaderModifier',
    );
    expect(loaded.diagnostics[1]?.message).toContain(
      'filter.requestMirror must be specified for RequestMirror filter.type',
    );
  });

  it('has no CEL rule for config fields GRPCRouteFilter does not have', () => {
    const loaded = load(
      grpc('    - type: RequestHeaderModifier\n      requestHeaderModifier: {}\n      urlRewrite: {}\n'),
    );
    expect(loaded.diagnostics).toEqual([]);
  });
});
