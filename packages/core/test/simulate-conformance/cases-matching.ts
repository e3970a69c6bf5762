/** Transcribed from conformance/tests/httproute-*matching*.go and httproute-path-match-order.go. */
import type { ConfCase, ConfExpect, ConfRequest } from './case-types.ts';

function table(test: string, manifest: string, rows: [ConfRequest, ConfExpect][]): ConfCase[] {
  return rows.map(([request, expect]) => ({ test, manifests: [manifest], request, expect }));
}
const v = (n: 1 | 2 | 3): ConfExpect => ({ backend: `infra-backend-v${n}` });
const notFound: ConfExpect = { status: 404 };

export const MATCHING_CASES: ConfCase[] = [
  ...table('HTTPRouteMatching', 'httproute-matching.yaml', [
    [{ path: '/' }, v(1)],
    [{ path: '/example' }, v(1)],
    [{ path: '/', headers: { Version: 'one' } }, v(1)],
    [{ path: '/v2' }, v(2)],
    [{ path: '/v2/example' }, v(2)],
    [{ path: '/', headers: { Version: 'two' } }, v(2)],
  ]),
  ...table('HTTPRouteMatchingAcrossRoutes', 'httproute-matching-across-routes.yaml', [
    [{ host: 'example.com', path: '/' }, v(1)],
    [{ host: 'example.com', path: '/example' }, v(1)],
    [{ host: 'example.net', path: '/example' }, v(1)],
    [{ host: 'example.com', path: '/example', headers: { Version: 'one' } }, v(1)],
    [{ host: 'example.com', path: '/v2' }, v(2)],
    [{ host: 'example.net', path: '/v2' }, v(1)],
    [{ host: 'example.com', path: '/v2/example' }, v(2)],
    [{ host: 'example.com', path: '/', headers: { Version: 'two' } }, v(2)],
  ]),
  ...table('HTTPRouteHeaderMatching', 'httproute-header-matching.yaml', [
    [{ headers: { Version: 'one' } }, v(1)],
    [{ headers: { Version: 'two' } }, v(2)],
    [{ headers: { Version: 'two', Color: 'orange' } }, v(1)],
    [{ headers: { Version: 'two', Color: 'blue' } }, v(2)],
    [{ headers: { Color: 'orange' } }, notFound],
    [{ headers: { 'Some-Other-Header': 'one' } }, notFound],
    [{ headers: { Color: 'blue' } }, v(1)],
    [{ headers: { Color: 'green' } }, v(1)],
    [{ headers: { Color: 'red' } }, v(2)],
    [{ headers: { Color: 'yellow' } }, v(2)],
    [{ headers: { Color: 'purple' } }, notFound],
  ]),
  ...table('HTTPExactPathMatching', 'httproute-exact-path-matching.yaml', [
    [{ path: '/one' }, v(1)],
    [{ path: '/two' }, v(2)],
    [{ path: '/' }, notFound],
    [{ path: '/one/example' }, notFound],
    [{ path: '/two/' }, notFound],
    [{ path: '/Two' }, notFound],
  ]),
  ...table('HTTPRouteQueryParamMatching', 'httproute-query-param-matching.yaml', [
    [{ path: '/?animal=whale' }, v(1)],
    [{ path: '/?animal=dolphin' }, v(2)],
    [{ path: '/?animal=dolphin&color=blue' }, v(3)],
    [{ path: '/?ANIMAL=Whale' }, v(3)],
    [{ path: '/?animal=whale&otherparam=irrelevant' }, v(1)],
    [{ path: '/?animal=dolphin&color=yellow' }, v(2)],
    [{ path: '/?color=blue' }, notFound],
    [{ path: '/?animal=dog' }, notFound],
    [{ path: '/?animal=whaledolphin' }, notFound],
    [{ path: '/' }, notFound],
    [{ path: '/path1?animal=whale' }, v(1)],
    [{ path: '/?animal=whale', headers: { version: 'one' } }, v(2)],
    [{ path: '/path2?animal=whale', headers: { version: 'two' } }, v(3)],
    [{ path: '/path3?animal=shark' }, v(1)],
    [{ path: '/path4?animal=kraken', headers: { version: 'three' } }, v(1)],
    [{ path: '/?animal=shark' }, notFound],
    [{ path: '/path4?animal=kraken' }, notFound],
    [{ path: '/path5?animal=hydra' }, v(1)],
    [{ path: '/?animal=hydra', headers: { version: 'four' } }, v(3)],
  ]),
  ...table('HTTPRouteMethodMatching', 'httproute-method-matching.yaml', [
    [{ method: 'POST', path: '/' }, v(1)],
    [{ method: 'GET', path: '/' }, v(2)],
    [{ method: 'HEAD', path: '/' }, notFound],
    [{ path: '/path1', method: 'GET' }, v(1)],
    [{ path: '/', method: 'PUT', headers: { version: 'one' } }, v(2)],
    [{ path: '/path2', method: 'POST', headers: { version: 'two' } }, v(3)],
    [{ path: '/path3', method: 'PATCH' }, v(1)],
    [{ path: '/path4', method: 'DELETE', headers: { version: 'three' } }, v(1)],
    [{ path: '/', method: 'PUT' }, notFound],
    [{ path: '/path4', method: 'DELETE' }, notFound],
    [{ path: '/path5', method: 'PATCH' }, v(1)],
    [{ path: '/', method: 'PATCH', headers: { version: 'four' } }, v(2)],
  ]),
  ...table('HTTPRoutePathMatchOrder', 'httproute-path-match-order.yaml', [
    [{ path: '/match/exact/one' }, v(3)],
    [{ path: '/match/exact' }, v(2)],
    [{ path: '/match' }, v(1)],
    [{ path: '/match/prefix/one/any' }, v(2)],
    [{ path: '/match/prefix/any' }, v(1)],
    [{ path: '/match/any' }, v(3)],
  ]),
];
