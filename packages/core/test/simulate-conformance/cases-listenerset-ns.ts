/** Transcribed from conformance/tests/listenerset-allowed-routes-namespaces.go. */
import { INFRA } from './case-types.ts';
import type { ConfCase, ConfExpect } from './case-types.ts';

const v = (n: 1 | 2 | 3): ConfExpect => ({ backend: `infra-backend-v${n}` });
const notFound: ConfExpect = { status: 404 };
const L = 'listener-set-listener-allowed-routes';

const ROWS: [string, string, ConfExpect][] = [
  [`${L}-all.com`, '/route-in-same-namespace', v(1)],
  [`${L}-all.com`, '/route-in-selected-namespace', v(2)],
  [`${L}-all.com`, '/route-not-in-selected-namespace', v(3)],
  [`${L}-same.com`, '/route-in-same-namespace', v(1)],
  [`${L}-same.com`, '/route-in-selected-namespace', notFound],
  [`${L}-same.com`, '/route-not-in-selected-namespace', notFound],
  [`${L}-selector.com`, '/route-in-same-namespace', notFound],
  [`${L}-selector.com`, '/route-in-selected-namespace', v(2)],
  [`${L}-selector.com`, '/route-not-in-selected-namespace', notFound],
  [`${L}-cross-ns-same.com`, '/route-in-listenerset-namespace', v(1)],
  [`${L}-cross-ns-same.com`, '/route-in-gateway-namespace', notFound],
];

export const LISTENERSET_NS_CASES: ConfCase[] = ROWS.map(([host, path, expect]) => ({
  test: 'ListenerSetAllowedRoutesNamespaces',
  manifests: ['listenerset-allowed-routes-namespaces.yaml'],
  gateway: `${INFRA}/gateway-with-listener-sets-test-allowed-routes`,
  request: { host, path },
  expect,
}));

/** Transcribed from conformance/tests/listenerset-dual-parentref-independence.go. */
export const LISTENERSET_DUAL_CASES: ConfCase[] = (
  [
    ['gw-dual.com', '/dualboth', v(1)],
    ['ls-dual.com', '/dualboth', v(1)],
    ['ls-dual.com', '/dualone', v(2)],
    ['gw-dual.com', '/dualone', notFound],
  ] as const
).map(([host, path, expect]) => ({
  test: 'ListenerSetDualParentRefIndependence',
  manifests: ['listenerset-dual-parentref-independence.yaml'],
  gateway: `${INFRA}/gateway-dual-parentref`,
  request: { host, path },
  expect,
}));
