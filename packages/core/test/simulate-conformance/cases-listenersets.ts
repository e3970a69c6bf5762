/** Transcribed from conformance/tests/listenerset-http-routing.go and httproute-multiple-gateways.go. */
import { INFRA } from './case-types.ts';
import type { ConfCase, ConfExpect } from './case-types.ts';

const v = (n: 1 | 2 | 3): ConfExpect => ({ backend: `infra-backend-v${n}` });
const notFound: ConfExpect = { status: 404 };
const GW = 'gateway-listener';
const LS1 = 'listener-set-http-routing-1-listener';
const LS2 = 'listener-set-http-routing-2-listener';
const HOSTS = [`${GW}-1.com`, `${GW}-2.com`, `${LS1}-1.com`, `${LS1}-2.com`, `${LS2}-1.com`, `${LS2}-2.com`];

/** For each path: the expectation per host, in HOSTS order. */
const LS_ROWS: [string, ConfExpect[]][] = [
  ['/route', [v(1), v(1), v(1), v(1), v(1), v(1)]],
  ['/gateway-route', [v(2), v(2), notFound, notFound, notFound, notFound]],
  ['/gateway-section-route', [v(3), notFound, notFound, notFound, notFound, notFound]],
  ['/listener-set-http-routing-1-route', [notFound, notFound, v(2), v(2), notFound, notFound]],
  ['/listener-set-http-routing-1-section-route', [notFound, notFound, v(3), notFound, notFound, notFound]],
  ['/listener-set-http-routing-2-route', [notFound, notFound, notFound, notFound, v(2), v(2)]],
];

export const LISTENERSET_CASES: ConfCase[] = [
  ...LS_ROWS.flatMap(([path, expects]) =>
    expects.map((expect, i) => ({
      test: 'ListenerSetHTTPRouting',
      manifests: ['listenerset-http-routing.yaml'],
      gateway: `${INFRA}/gateway-with-listener-sets-http-routing`,
      request: { host: HOSTS[i] ?? '', path },
      expect,
    })),
  ),
  ...(
    [
      ['same-namespace', '/shared', v(1)],
      ['same-namespace', '/', v(2)],
      ['all-namespaces', '/shared', v(1)],
      ['all-namespaces', '/', v(3)],
    ] as const
  ).map(([gw, path, expect]) => ({
    test: 'HTTPRouteMultipleGateways',
    manifests: ['httproute-multiple-gateways.yaml'],
    gateway: `${INFRA}/${gw}`,
    request: { path },
    expect,
  })),
];
