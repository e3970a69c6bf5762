/**
 * Transcribed from conformance/tests/httproute-request-mirror.go, -request-multiple-mirrors.go,
 * -request-percentage-mirror.go, -request-header-modifier-backend(-weights).go, -weight.go and
 * httproute-cors.go.
 */
import type { ConfCase, ConfExpect, ConfRequest } from './case-types.ts';

function table(test: string, manifest: string, rows: [ConfRequest, ConfExpect][]): ConfCase[] {
  return rows.map(([request, expect]) => ({ test, manifests: [manifest], request, expect }));
}

const MODIFY = { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1' };
const MODIFIED = {
  'X-Header-Add': 'header-val-1',
  'X-Header-Add-Append': 'append-val-1,header-val-2',
  'X-Header-Set': 'set-overwrites-values',
};
const v1 = 'infra-backend-v1';

const PREFLIGHT_1 = (origin: string): ConfRequest => ({
  path: '/cors-1',
  method: 'OPTIONS',
  headers: {
    Origin: origin,
    'access-control-request-method': 'GET',
    'access-control-request-headers': 'x-header-1, x-header-2',
  },
});
const PREFLIGHT_1_OK = (origin: string): ConfExpect => ({
  statuses: [200, 204],
  responseHeaderOneOf: {
    'access-control-allow-origin': [origin],
    'access-control-allow-methods': ['GET, OPTIONS', 'OPTIONS, GET'],
    'access-control-allow-headers': ['x-header-1, x-header-2', 'x-header-2, x-header-1'],
    'access-control-expose-headers': ['x-header-3, x-header-4', 'x-header-4, x-header-3'],
    'access-control-max-age': ['3600'],
    'access-control-allow-credentials': ['true'],
  },
});
const simple = (path: string, method: string, headers: Record<string, string>): ConfRequest => ({
  path,
  method,
  headers,
});

export const TRAFFIC_CASES: ConfCase[] = [
  ...table('HTTPRouteRequestMirror', 'httproute-request-mirror.yaml', [
    [{ path: '/mirror' }, { backend: v1, upstreamPath: '/mirror', mirroredTo: ['infra-backend-v2'] }],
    [
      { path: '/mirror-and-modify-headers', headers: MODIFY },
      {
        backend: v1,
        upstreamPath: '/mirror-and-modify-headers',
        upstreamHeaders: MODIFIED,
        upstreamAbsentHeaders: ['X-Header-Remove'],
        mirroredTo: ['infra-backend-v2'],
      },
    ],
  ]),
  ...table('HTTPRouteRequestMultipleMirrors', 'httproute-request-multiple-mirrors.yaml', [
    [
      { path: '/multi-mirror' },
      { backend: v1, upstreamPath: '/multi-mirror', mirroredTo: ['infra-backend-v2', 'infra-backend-v3'] },
    ],
    [
      { path: '/multi-mirror-and-modify-request-headers', headers: MODIFY },
      {
        backend: v1,
        upstreamPath: '/multi-mirror-and-modify-request-headers',
        upstreamHeaders: MODIFIED,
        upstreamAbsentHeaders: ['X-Header-Remove'],
        mirroredTo: ['infra-backend-v2', 'infra-backend-v3'],
      },
    ],
  ]),
  ...table('HTTPRouteRequestPercentageMirror', 'httproute-request-percentage-mirror.yaml', [
    [
      { path: '/percent-mirror' },
      { backend: v1, upstreamPath: '/percent-mirror', mirrorPercent: { 'infra-backend-v2': 20 } },
    ],
    [
      { path: '/percent-mirror-fraction' },
      { backend: v1, upstreamPath: '/percent-mirror-fraction', mirrorPercent: { 'infra-backend-v2': 50 } },
    ],
    [
      { path: '/percent-mirror-and-modify-headers', headers: MODIFY },
      {
        backend: v1,
        upstreamPath: '/percent-mirror-and-modify-headers',
        upstreamHeaders: MODIFIED,
        upstreamAbsentHeaders: ['X-Header-Remove'],
        mirrorPercent: { 'infra-backend-v2': 35 },
      },
    ],
  ]),
  ...table('HTTPRouteWeight', 'httproute-weight.yaml', [
    [{ path: '/' }, { shares: { 'infra-backend-v1': 0.7, 'infra-backend-v2': 0.3, 'infra-backend-v3': 0 } }],
  ]),
  ...table(
    'HTTPRouteRequestHeaderModifierBackendWeights',
    'httproute-request-header-modifier-backend-weights.yaml',
    [
      [
        { path: '/' },
        {
          shares: { 'infra-backend-v1': 0.5, 'infra-backend-v2': 0.5 },
          backendUpstreamHeaders: {
            'infra-backend-v1': { Backend: 'infra-backend-v1' },
            'infra-backend-v2': { Backend: 'infra-backend-v2' },
          },
        },
      ],
    ],
  ),
  ...table('HTTPRouteCORS', 'httproute-cors.yaml', [
    [PREFLIGHT_1('https://www.foo.com'), PREFLIGHT_1_OK('https://www.foo.com')],
    [PREFLIGHT_1('https://www.bar.com'), { ...PREFLIGHT_1_OK('https://www.bar.com'), statuses: [200] }],
    [
      PREFLIGHT_1('https://xpto.www.bar.com'),
      { ...PREFLIGHT_1_OK('https://xpto.www.bar.com'), statuses: [200] },
    ],
    [
      simple('/cors-1', 'OPTIONS', { Origin: 'https://foobar.com', 'access-control-request-method': 'GET' }),
      { statuses: [200, 204, 403], responseAbsentHeaders: ['access-control-allow-origin'] },
    ],
    [
      simple('/cors-1', 'GET', {
        Origin: 'https://www.foo.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-header-1, x-header-2',
      }),
      { statuses: [200, 204], responseHeaders: { 'access-control-allow-origin': 'https://www.foo.com' } },
    ],
    [
      simple('/cors-1', 'GET', {
        Origin: 'https://www.bar.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-header-1, x-header-2',
      }),
      { statuses: [200, 204], responseHeaders: { 'access-control-allow-origin': 'https://www.bar.com' } },
    ],
    [
      simple('/cors-1', 'GET', { Origin: 'https://foobar.com', 'access-control-request-method': 'GET' }),
      { responseAbsentHeaders: ['access-control-allow-origin'] },
    ],
    [
      simple('/cors-2', 'OPTIONS', {
        Origin: 'https://www.foo.com',
        'access-control-request-method': 'POST',
      }),
      {
        statuses: [200, 204],
        responseHeaderOneOf: { 'access-control-allow-methods': ['POST', '*'] },
        responseHeaders: { 'access-control-allow-origin': 'https://www.foo.com' },
        responseAbsentHeaders: ['access-control-allow-credentials'],
      },
    ],
    [
      simple('/cors-2', 'OPTIONS', {
        Origin: 'https://www.foo.com',
        'access-control-request-method': 'POST',
      }),
      { responseAbsentHeaders: ['Access-Control-Allow-Credentials'] },
    ],
    [
      simple('/cors-wildcard-origin', 'OPTIONS', {
        Origin: 'https://foobar.com',
        'access-control-request-method': 'PUT',
      }),
      {
        statuses: [200, 204],
        responseHeaderOneOf: {
          'access-control-allow-origin': ['https://foobar.com', '*'],
          'access-control-allow-methods': ['PUT'],
        },
        responseAbsentHeaders: ['Access-Control-Allow-Credentials'],
      },
    ],
    [
      simple('/cors-wildcard-origin', 'OPTIONS', {
        Origin: 'https://foobar.com:12345',
        'access-control-request-method': 'PUT',
      }),
      {
        statuses: [200, 204],
        responseHeaderOneOf: {
          'access-control-allow-origin': ['https://foobar.com:12345', '*'],
          'access-control-allow-methods': ['PUT'],
        },
        responseAbsentHeaders: ['Access-Control-Allow-Credentials'],
      },
    ],
    [
      simple('/cors-wildcard-origin', 'PUT', { Origin: 'https://foobar.com:12345' }),
      {
        statuses: [200],
        responseHeaderOneOf: { 'access-control-allow-origin': ['https://foobar.com:12345', '*'] },
      },
    ],
    [
      simple('/cors-wildcard-origin', 'PUT', { Origin: 'https://foobar.com' }),
      {
        statuses: [200, 204],
        responseHeaderOneOf: { 'access-control-allow-origin': ['https://foobar.com', '*'] },
        responseAbsentHeaders: ['Access-Control-Allow-Credentials'],
      },
    ],
    [
      simple('/cors-wildcard-methods-headers', 'OPTIONS', {
        Origin: 'https://other.foo.com',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-header-1, x-header-2',
      }),
      {
        status: 200,
        responseHeaderOneOf: {
          'access-control-allow-origin': ['https://other.foo.com'],
          'access-control-allow-methods': ['PUT'],
          'access-control-allow-headers': ['x-header-1, x-header-2', 'x-header-2, x-header-1'],
          'access-control-allow-credentials': ['true'],
        },
      },
    ],
    [
      simple('/cors-wildcard-methods-headers-unauth', 'OPTIONS', {
        Origin: 'https://other.foo.com',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-header-1, x-header-2',
      }),
      {
        status: 200,
        responseHeaderOneOf: {
          'access-control-allow-origin': ['https://other.foo.com', '*'],
          'access-control-allow-methods': ['PUT', '*'],
          'access-control-allow-headers': ['x-header-1, x-header-2', 'x-header-2, x-header-1', '*'],
        },
        responseAbsentHeaders: ['access-control-allow-credentials'],
      },
    ],
    [
      simple('/cors-wildcard-methods-headers', 'GET', {
        Origin: 'https://other.foo.com',
        Authorization: 'Bearer test',
      }),
      {
        status: 200,
        responseHeaderOneOf: {
          'access-control-allow-origin': ['https://other.foo.com'],
          'access-control-allow-credentials': ['true'],
        },
      },
    ],
    [
      simple('/cors-wildcard-methods-headers-unauth', 'GET', {
        Origin: 'https://other.foo.com',
        Authorization: 'Bearer test',
      }),
      {
        status: 200,
        responseHeaderOneOf: { 'access-control-allow-origin': ['https://other.foo.com'] },
        responseAbsentHeaders: ['access-control-allow-credentials'],
      },
    ],
  ]),
];
