/**
 * Transcribed from conformance/tests/gateway-http-listener-isolation.go,
 * httproute-hostname-intersection.go, httproute-listener-hostname-matching.go and
 * httproute-listener-port-matching.go.
 */
import { INFRA } from './case-types.ts';
import type { ConfCase, ConfExpect, ConfRequest } from './case-types.ts';

function table(
  test: string,
  manifest: string,
  gateway: string,
  rows: [ConfRequest, ConfExpect][],
): ConfCase[] {
  return rows.map(([request, expect]) => ({
    test,
    manifests: [manifest],
    gateway: `${INFRA}/${gateway}`,
    request,
    expect,
  }));
}
const v = (n: 1 | 2 | 3): ConfExpect => ({ backend: `infra-backend-v${n}` });
const notFound: ConfExpect = { status: 404 };

const ISOLATION_ROWS: [ConfRequest, ConfExpect][] = [
  [{ host: 'bar.com', path: '/empty-hostname' }, v(1)],
  [{ host: 'bar.com', path: '/wildcard-example-com' }, notFound],
  [{ host: 'bar.com', path: '/wildcard-foo-example-com' }, notFound],
  [{ host: 'bar.com', path: '/abc-foo-example-com' }, notFound],
  [{ host: 'bar.example.com', path: '/empty-hostname' }, notFound],
  [{ host: 'bar.example.com', path: '/wildcard-example-com' }, v(1)],
  [{ host: 'bar.example.com', path: '/wildcard-foo-example-com' }, notFound],
  [{ host: 'bar.example.com', path: '/abc-foo-example-com' }, notFound],
  [{ host: 'bar.foo.example.com', path: '/empty-hostname' }, notFound],
  [{ host: 'bar.foo.example.com', path: '/wildcard-example-com' }, notFound],
  [{ host: 'bar.foo.example.com', path: '/wildcard-foo-example-com' }, v(1)],
  [{ host: 'bar.foo.example.com', path: '/abc-foo-example-com' }, notFound],
  [{ host: 'abc.foo.example.com', path: '/empty-hostname' }, notFound],
  [{ host: 'abc.foo.example.com', path: '/wildcard-example-com' }, notFound],
  [{ host: 'abc.foo.example.com', path: '/wildcard-foo-example-com' }, notFound],
  [{ host: 'abc.foo.example.com', path: '/abc-foo-example-com' }, v(1)],
];

export const LISTENER_CASES: ConfCase[] = [
  ...table(
    'GatewayHTTPListenerIsolation',
    'gateway-http-listener-isolation.yaml',
    'http-listener-isolation',
    ISOLATION_ROWS,
  ),
  ...table(
    'GatewayHTTPListenerIsolation',
    'gateway-http-listener-isolation-with-hostname-intersection.yaml',
    'http-listener-isolation-with-hostname-intersection',
    ISOLATION_ROWS,
  ),
  ...table(
    'HTTPRouteHostnameIntersection',
    'httproute-hostname-intersection.yaml',
    'httproute-hostname-intersection',
    [
      [{ host: 'very.specific.com', path: '/s1' }, v(1)],
      [{ host: 'very.specific.com:1234', path: '/s1' }, v(1)],
      [{ host: 'non.matching.com', path: '/s1' }, notFound],
      [{ host: 'foo.nonmatchingwildcard.io', path: '/s1' }, notFound],
      [{ host: 'foo.wildcard.io', path: '/s1' }, notFound],
      [{ host: 'very.specific.com', path: '/non-matching-prefix' }, notFound],
      [{ host: 'foo.wildcard.io', path: '/s2' }, v(2)],
      [{ host: 'bar.wildcard.io', path: '/s2' }, v(2)],
      [{ host: 'foo.bar.wildcard.io', path: '/s2' }, v(2)],
      [{ host: 'non.matching.com', path: '/s2' }, notFound],
      [{ host: 'wildcard.io', path: '/s2' }, notFound],
      [{ host: 'very.specific.com', path: '/s2' }, notFound],
      [{ host: 'foo.wildcard.io', path: '/non-matching-prefix' }, notFound],
      [{ host: 'very.specific.com', path: '/s3' }, v(3)],
      [{ host: 'non.matching.com', path: '/s3' }, notFound],
      [{ host: 'foo.specific.com', path: '/s3' }, notFound],
      [{ host: 'foo.wildcard.io', path: '/s3' }, notFound],
      [{ host: 'very.specific.com', path: '/non-matching-prefix' }, notFound],
      [{ host: 'foo.anotherwildcard.io', path: '/s4' }, v(1)],
      [{ host: 'bar.anotherwildcard.io', path: '/s4' }, v(1)],
      [{ host: 'foo.bar.anotherwildcard.io', path: '/s4' }, v(1)],
      [{ host: 'anotherwildcard.io', path: '/s4' }, notFound],
      [{ host: 'foo.wildcard.io', path: '/s4' }, notFound],
      [{ host: 'very.specific.com', path: '/s4' }, notFound],
      [{ host: 'foo.anotherwildcard.io', path: '/non-matching-prefix' }, notFound],
      [{ host: 'specific.but.wrong.com', path: '/s5' }, notFound],
      [{ host: 'wildcard.io', path: '/s5' }, notFound],
    ],
  ),
  ...table(
    'HTTPRouteHostnameIntersection',
    'httproute-hostname-intersection.yaml',
    'httproute-hostname-intersection-all',
    [
      [{ host: 'first.com', path: '/' }, v(2)],
      [{ host: 'sub.first.com', path: '/' }, v(2)],
      [{ host: 'second.com', path: '/' }, v(2)],
      [{ host: 'sub.second.com', path: '/' }, v(2)],
      [{ host: 'third.com', path: '/' }, notFound],
      [{ host: 'sub.third.com', path: '/' }, notFound],
    ],
  ),
  ...table(
    'HTTPRouteListenerHostnameMatching',
    'httproute-listener-hostname-matching.yaml',
    'httproute-listener-hostname-matching',
    [
      [{ host: 'bar.com', path: '/' }, v(1)],
      [{ host: 'foo.bar.com', path: '/' }, v(2)],
      [{ host: 'baz.bar.com', path: '/' }, v(3)],
      [{ host: 'boo.bar.com', path: '/' }, v(3)],
      [{ host: 'multiple.prefixes.bar.com', path: '/' }, v(3)],
      [{ host: 'multiple.prefixes.foo.com', path: '/' }, v(3)],
      [{ host: 'foo.com', path: '/' }, notFound],
      [{ host: 'no.matching.host', path: '/' }, notFound],
    ],
  ),
  // The upstream test sends requests with a :port Host to the listener on that port.
  ...table(
    'HTTPRouteListenerPortMatching',
    'httproute-listener-port-matching.yaml',
    'httproute-listener-port-matching',
    [
      [{ host: 'foo.com', path: '/', port: 80 }, v(1)],
      [{ host: 'foo.com:8080', path: '/', port: 8080 }, v(2)],
      [{ host: 'bar.com:8080', path: '/', port: 8080 }, v(2)],
      [{ host: 'foo.com:8090', path: '/', port: 8090 }, v(3)],
      [{ host: 'bar.com:8090', path: '/', port: 8090 }, notFound],
    ],
  ),
];
