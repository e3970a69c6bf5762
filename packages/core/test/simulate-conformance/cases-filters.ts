/**
 * Transcribed from conformance/tests/httproute-{303,307,308}-redirect.go, httproute-redirect-*.go,
 * httproute-rewrite-*.go, httproute-request-header-modifier.go, httproute-response-header-modifier.go.
 */
import type { ConfCase, ConfExpect, ConfRequest } from './case-types.ts';

type Row = [ConfRequest, ConfExpect] | [ConfRequest, ConfExpect, string];

function table(test: string, manifest: string, rows: Row[]): ConfCase[] {
  return rows.map(([request, expect, gateway]) => ({
    test,
    manifests: [manifest],
    request,
    expect,
    ...(gateway !== undefined ? { gateway } : {}),
  }));
}

const redirect = (status: number, to: NonNullable<ConfExpect['redirect']>): ConfExpect => ({
  status,
  redirect: to,
});
const GW_8080 = 'gateway-conformance-infra/same-namespace-with-http-listener-on-8080';
const GW_443 = 'gateway-conformance-infra/same-namespace-with-https-listener';
const tls = (path: string): ConfRequest => ({
  host: 'example.org',
  sni: 'example.org',
  protocol: 'HTTPS',
  port: 443,
  path,
});

const MODIFY_HEADERS = {
  'X-Header-Remove': 'remove-val',
  'X-Header-Add-Append': 'append-val-1',
  'X-Header-Set': 'set-val',
};
const MODIFIED = {
  'X-Header-Add': 'header-val-1',
  'X-Header-Add-Append': 'append-val-1,header-val-2',
  'X-Header-Set': 'set-overwrites-values',
};

export const FILTER_CASES: ConfCase[] = [
  ...table('HTTPRoute303Redirect', 'httproute-303-redirect.yaml', [
    [{ path: '/see-other', method: 'POST' }, redirect(303, { path: '/see-other' })],
  ]),
  ...table('HTTPRoute307Redirect', 'httproute-307-redirect.yaml', [
    [{ path: '/temporary' }, redirect(307, { path: '/temporary' })],
  ]),
  ...table('HTTPRoute308Redirect', 'httproute-308-redirect.yaml', [
    [{ path: '/permanent' }, redirect(308, { path: '/permanent' })],
  ]),
  ...table('HTTPRouteRedirectPath', 'httproute-redirect-path.yaml', [
    [{ path: '/original-prefix/lemon' }, redirect(302, { path: '/replacement-prefix/lemon' })],
    [{ path: '/full/path/original' }, redirect(302, { path: '/full-path-replacement' })],
    [{ path: '/path-and-host' }, redirect(302, { host: 'example.org', path: '/replacement-prefix' })],
    [{ path: '/path-and-status' }, redirect(301, { path: '/replacement-prefix' })],
    [{ path: '/full-path-and-host' }, redirect(302, { host: 'example.org', path: '/replacement-full' })],
    [{ path: '/full-path-and-status' }, redirect(301, { path: '/replacement-full' })],
  ]),
  ...table('HTTPRouteRedirectPort', 'httproute-redirect-port.yaml', [
    [{ path: '/port' }, redirect(302, { port: '8083' })],
    [{ path: '/port-and-host' }, redirect(302, { host: 'example.org', port: '8083' })],
    [{ path: '/port-and-status' }, redirect(301, { port: '8083' })],
    [{ path: '/port-and-host-and-status' }, redirect(302, { port: '8083', host: 'example.org' })],
  ]),
  ...table('HTTPRouteRedirectScheme', 'httproute-redirect-scheme.yaml', [
    [{ path: '/scheme' }, redirect(302, { scheme: 'https' })],
    [{ path: '/scheme-and-host' }, redirect(302, { host: 'example.org', scheme: 'https' })],
    [{ path: '/scheme-and-status' }, redirect(301, { scheme: 'https' })],
    [{ path: '/scheme-and-host-and-status' }, redirect(302, { scheme: 'https', host: 'example.org' })],
  ]),
  ...table('HTTPRouteRedirectHostAndStatus', 'httproute-redirect-host-and-status.yaml', [
    [{ path: '/hostname-redirect' }, redirect(302, { host: 'example.org' })],
    [{ path: '/host-and-status' }, redirect(301, { host: 'example.org' })],
  ]),
  ...table('HTTPRouteRedirectPortAndScheme', 'httproute-redirect-port-and-scheme.yaml', [
    [{ path: '/scheme-nil-and-port-nil' }, redirect(302, { scheme: 'http', host: 'example.org' })],
    [{ path: '/scheme-nil-and-port-80' }, redirect(302, { scheme: 'http', host: 'example.org' })],
    [
      { path: '/scheme-nil-and-port-8080' },
      redirect(302, { scheme: 'http', port: '8080', host: 'example.org' }),
    ],
    [{ path: '/scheme-https-and-port-nil' }, redirect(302, { scheme: 'https', host: 'example.org' })],
    [{ path: '/scheme-https-and-port-443' }, redirect(302, { scheme: 'https', host: 'example.org' })],
    [
      { path: '/scheme-https-and-port-8443' },
      redirect(302, { scheme: 'https', port: '8443', host: 'example.org' }),
    ],
    [
      { path: '/scheme-nil-and-port-nil', port: 8080 },
      redirect(302, { scheme: 'http', port: '8080', host: 'example.org' }),
      GW_8080,
    ],
    [
      { path: '/scheme-nil-and-port-80', port: 8080 },
      redirect(302, { scheme: 'http', host: 'example.org' }),
      GW_8080,
    ],
    [
      { path: '/scheme-https-and-port-nil', port: 8080 },
      redirect(302, { scheme: 'https', host: 'example.org' }),
      GW_8080,
    ],
    [tls('/scheme-nil-and-port-nil'), redirect(302, { scheme: 'https', host: 'example.org' }), GW_443],
    [tls('/scheme-nil-and-port-443'), redirect(302, { scheme: 'https', host: 'example.org' }), GW_443],
    [
      tls('/scheme-nil-and-port-8443'),
      redirect(302, { scheme: 'https', port: '8443', host: 'example.org' }),
      GW_443,
    ],
    [tls('/scheme-http-and-port-nil'), redirect(302, { scheme: 'http', host: 'example.org' }), GW_443],
    [tls('/scheme-http-and-port-80'), redirect(302, { scheme: 'http', host: 'example.org' }), GW_443],
    [
      tls('/scheme-http-and-port-8080'),
      redirect(302, { scheme: 'http', port: '8080', host: 'example.org' }),
      GW_443,
    ],
  ]),
  ...table('HTTPRouteRewritePath', 'httproute-rewrite-path.yaml', [
    [{ path: '/prefix/one/two' }, { backend: 'infra-backend-v1', upstreamPath: '/one/two' }],
    [{ path: '/full/one/two' }, { backend: 'infra-backend-v1', upstreamPath: '/one' }],
    [
      { path: '/full/rewrite-path-and-modify-headers/test', headers: MODIFY_HEADERS },
      {
        backend: 'infra-backend-v1',
        upstreamPath: '/test',
        upstreamHeaders: MODIFIED,
        upstreamAbsentHeaders: ['X-Header-Remove'],
      },
    ],
    [
      { path: '/prefix/rewrite-path-and-modify-headers/one', headers: MODIFY_HEADERS },
      {
        backend: 'infra-backend-v1',
        upstreamPath: '/prefix/one',
        upstreamHeaders: MODIFIED,
        upstreamAbsentHeaders: ['X-Header-Remove'],
      },
    ],
  ]),
  ...table('HTTPRouteRewriteHost', 'httproute-rewrite-host.yaml', [
    [
      { path: '/one', host: 'rewrite.example' },
      { backend: 'infra-backend-v1', upstreamPath: '/one', upstreamHost: 'one.example.org' },
    ],
    [
      { path: '/two', host: 'rewrite.example' },
      { backend: 'infra-backend-v2', upstreamPath: '/two', upstreamHost: 'example.org' },
    ],
    [
      {
        path: '/rewrite-host-and-modify-headers',
        host: 'rewrite.example',
        headers: { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1' },
      },
      {
        backend: 'infra-backend-v2',
        upstreamPath: '/rewrite-host-and-modify-headers',
        upstreamHost: 'test.example.org',
        upstreamHeaders: MODIFIED,
        upstreamAbsentHeaders: ['X-Header-Remove'],
      },
    ],
  ]),
  ...headerModifierCases(
    'HTTPRouteRequestHeaderModifier',
    'httproute-request-header-modifier.yaml',
    'request',
  ),
  // HTTPRouteBackendRequestHeaderModifier runs the same cases with the filters on the backendRef.
  ...headerModifierCases(
    'HTTPRouteBackendRequestHeaderModifier',
    'httproute-request-header-modifier-backend.yaml',
    'request',
  ),
  ...headerModifierCases(
    'HTTPRouteResponseHeaderModifier',
    'httproute-response-header-modifier.yaml',
    'response',
  ),
];

/** The request and response header modifier tests share their rows (headers sent / expected). */
function headerModifierCases(test: string, manifest: string, side: 'request' | 'response'): ConfCase[] {
  const rows: [string, Record<string, string>, Record<string, string>, string[]][] = [
    [
      '/set',
      { 'Some-Other-Header': 'val' },
      { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' },
      [],
    ],
    [
      '/set',
      { 'Some-Other-Header': 'val', 'X-Header-Set': 'some-other-value' },
      { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' },
      [],
    ],
    [
      '/add',
      { 'Some-Other-Header': 'val' },
      { 'Some-Other-Header': 'val', 'X-Header-Add': 'add-appends-values' },
      [],
    ],
    [
      '/add',
      { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value' },
      { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value,add-appends-values' },
      [],
    ],
    ['/remove', { 'X-Header-Remove': 'val' }, {}, ['X-Header-Remove']],
    [
      '/multiple',
      {
        'X-Header-Set-2': 'set-val-2',
        'X-Header-Add-2': 'add-val-2',
        'X-Header-Remove-2': 'remove-val-2',
        'Another-Header': 'another-header-val',
      },
      {
        'X-Header-Set-1': 'header-set-1',
        'X-Header-Set-2': 'header-set-2',
        'X-Header-Add-1': 'header-add-1',
        'X-Header-Add-2': 'add-val-2,header-add-2',
        'X-Header-Add-3': 'header-add-3',
        'Another-Header': 'another-header-val',
      },
      ['X-Header-Remove-1', 'X-Header-Remove-2'],
    ],
    [
      '/case-insensitivity',
      {
        'x-header-set': 'original-val-set',
        'x-header-add': 'original-val-add',
        'x-header-remove': 'original-val-remove',
        'Another-Header': 'another-header-val',
      },
      {
        'X-Header-Set': 'header-set',
        'X-Header-Add': 'original-val-add,header-add',
        'Another-Header': 'another-header-val',
      },
      ['x-header-remove', 'X-Header-Remove'],
    ],
  ];
  return rows.map(([path, sent, want, absent]) => ({
    test,
    manifests: [manifest],
    request: side === 'request' ? { path, headers: sent } : { path, backendResponseHeaders: sent },
    expect:
      side === 'request'
        ? {
            backend: 'infra-backend-v1',
            upstreamPath: path,
            upstreamHeaders: want,
            upstreamAbsentHeaders: absent,
          }
        : { backend: 'infra-backend-v1', responseHeaders: want, responseAbsentHeaders: absent },
  }));
}
