/**
 * What each corpus project must show (corpus.test.ts): the codes of the features it relies on,
 * and requests with the answer its documentation implies. Backends are `Kind/name` of the
 * backends that get traffic, in rule order.
 */
import type { SimRequest } from '../../src/matching/types.ts';

interface Want {
  readonly status: number | null;
  readonly route: string | null;
  readonly backends: readonly string[];
  readonly redirect?: string;
}

interface Case {
  readonly request: SimRequest;
  readonly expect: Want;
}

export const EXPECTED_CODES: Readonly<Record<string, readonly string[]>> = {
  // GatewayClass and certificate Secrets not in the input.
  'gateway-api': ['GS230', 'GS232'],
  // Envoy Gateway Backend and InferencePool backends; EnvoyProxy and one HTTPRouteFilter absent.
  'envoy-gateway': ['GS317', 'GS231', 'GS318'],
  // NginxProxy parameters and the certificate Secret are not in the input.
  'nginx-gateway-fabric': ['GS231', 'GS232'],
  // HBONE waypoint, mesh routes, Istio Hostname backend.
  istio: ['GS223', 'GS334', 'GS317'],
  // Delegation: a backendRef to an HTTPRoute, and a child whose parent is an HTTPRoute.
  kgateway: ['GS317', 'GS335'],
  contour: ['GS232'],
  cilium: ['GS232', 'GS334'],
  // A ServiceImport without exporting cluster in the input; GKE's own net.gke.io ServiceImport.
  'mcs-api': ['GS230', 'GS343', 'GS317'],
  // A GAMMA route; Linkerd's own policy.linkerd.io HTTPRoute is another kind, not a warning.
  linkerd: ['GS334'],
};

const ok = (route: string, ...backends: string[]): Want => ({ status: 200, route, backends });

export const REQUESTS: Readonly<Record<string, readonly Case[]>> = {
  // Mesh only: no Gateway to send a request to.
  linkerd: [],
  'gateway-api': [
    {
      request: { gateway: 'default/example-gateway', host: 'foo.example.com', path: '/login' },
      expect: ok('foo-route', 'Service/foo-svc'),
    },
    {
      request: {
        gateway: 'default/example-gateway',
        host: 'bar.example.com',
        path: '/',
        headers: { env: 'canary' },
      },
      expect: ok('bar-route', 'Service/bar-svc-canary'),
    },
    {
      request: { gateway: 'default/example-gateway', host: 'baz.example.com', path: '/' },
      expect: { status: 404, route: null, backends: [] },
    },
    {
      request: { gateway: 'web/tls-gateway', port: 80, host: 'shop.example.com', path: '/cart' },
      expect: {
        status: 301,
        route: 'http-to-https',
        backends: [],
        redirect: 'https://shop.example.com/cart',
      },
    },
    {
      request: {
        gateway: 'web/tls-gateway',
        port: 443,
        protocol: 'HTTPS',
        sni: 'www.example.com',
        host: 'www.example.com',
        path: '/old-cart/items',
      },
      expect: ok('shop', 'Service/shop'),
    },
    {
      request: { gateway: 'infra-ns/shared-gateway', host: 'store.acme.io', path: '/search?q=x' },
      expect: ok('store', 'Service/search', 'Service/store-v2'),
    },
    {
      request: { gateway: 'infra-ns/shared-gateway', host: 'home.acme.io', path: '/' },
      expect: ok('home', 'Service/home'),
    },
  ],
  'envoy-gateway': [
    {
      request: { gateway: 'default/eg', host: 'www.example.com', path: '/get' },
      expect: ok('backend', 'Service/backend'),
    },
    {
      request: { gateway: 'default/eg', host: 'external.example.com', path: '/headers' },
      expect: ok('external', 'Backend/httpbin-org'),
    },
    {
      request: { gateway: 'default/eg', host: 'llm.example.com', method: 'POST', path: '/v1/completions' },
      expect: ok('llm-route', 'InferencePool/vllm-llama3-8b-instruct'),
    },
  ],
  'nginx-gateway-fabric': [
    {
      request: { gateway: 'default/cafe', port: 80, host: 'cafe.example.com', path: '/coffee' },
      expect: {
        status: 302,
        route: 'cafe-tls-redirect',
        backends: [],
        redirect: 'https://cafe.example.com/coffee',
      },
    },
    {
      request: {
        gateway: 'default/cafe',
        port: 443,
        protocol: 'HTTPS',
        sni: 'cafe.example.com',
        host: 'cafe.example.com',
        path: '/coffee/latte',
      },
      expect: ok('coffee', 'Service/coffee'),
    },
    {
      request: {
        gateway: 'default/cafe',
        port: 443,
        protocol: 'HTTPS',
        sni: 'cafe.example.com',
        host: 'cafe.example.com',
        path: '/tea',
      },
      expect: ok('tea', 'Service/tea'),
    },
  ],
  istio: [
    {
      request: { gateway: 'bookinfo/bookinfo-gateway', path: '/productpage' },
      expect: ok('bookinfo', 'Service/productpage'),
    },
    {
      request: { gateway: 'bookinfo/bookinfo-gateway', path: '/static/bootstrap.css' },
      expect: ok('bookinfo', 'Service/productpage'),
    },
    {
      request: { gateway: 'bookinfo/bookinfo-gateway', path: '/reviews/1' },
      expect: { status: 404, route: null, backends: [] },
    },
    {
      request: { gateway: 'bookinfo/bookinfo-gateway', host: 'egress.bookinfo.example.com', path: '/get' },
      expect: ok('httpbin-egress', 'Hostname/httpbin.org'),
    },
  ],
  kgateway: [
    {
      request: {
        gateway: 'kgateway-system/http',
        port: 8080,
        host: 'delegation.example',
        path: '/anything/team1/foo',
      },
      expect: ok('parent', 'HTTPRoute/child-team1'),
    },
    {
      request: { gateway: 'kgateway-system/http', port: 8080, host: 'static.example', path: '/posts/1' },
      expect: ok('static-backend', 'Backend/json-placeholder'),
    },
  ],
  contour: [
    {
      request: { gateway: 'projectcontour/contour', port: 80, host: 'kuard.projectcontour.io', path: '/' },
      expect: ok('kuard', 'Service/kuard'),
    },
    {
      request: {
        gateway: 'projectcontour/contour',
        port: 443,
        protocol: 'HTTPS',
        sni: 'kuard.projectcontour.io',
        host: 'kuard.projectcontour.io',
        path: '/healthy',
      },
      expect: ok('kuard', 'Service/kuard'),
    },
    {
      request: {
        gateway: 'projectcontour/contour',
        port: 8443,
        protocol: 'TLS',
        sni: 'secure.tls.projectcontour.io',
      },
      // A TLS passthrough connection has no HTTP status (CLI contract: status null).
      expect: { status: null, route: 'secure-backend', backends: ['Service/secure-backend'] },
    },
  ],
  cilium: [
    {
      request: { gateway: 'default/my-gateway', port: 80, path: '/details/1' },
      expect: ok('http-app-1', 'Service/details'),
    },
    {
      request: {
        gateway: 'default/my-gateway',
        port: 80,
        path: '/?great=example',
        headers: { magic: 'foo' },
      },
      expect: ok('http-app-1', 'Service/productpage'),
    },
    {
      request: { gateway: 'default/my-gateway', port: 80, path: '/' },
      expect: { status: 404, route: null, backends: [] },
    },
    {
      request: {
        gateway: 'default/my-gateway',
        port: 50051,
        protocol: 'GRPC',
        host: 'grpc-echo.cilium.rocks',
        grpc: { service: 'yages.Echo', method: 'Ping' },
      },
      expect: ok('yages', 'Service/grpc-echo'),
    },
  ],
  'mcs-api': [
    {
      request: { gateway: 'store/external-http', host: 'store.example.com', path: '/west/cart' },
      expect: ok('public-store-route', 'ServiceImport/store-west'),
    },
    {
      request: { gateway: 'store/external-http', host: 'store.example.com', path: '/' },
      expect: ok('public-store-route', 'ServiceImport/store'),
    },
    {
      request: { gateway: 'store/external-http', host: 'site.example.com', path: '/' },
      expect: ok('site-route', 'ServiceImport/site'),
    },
  ],
};
