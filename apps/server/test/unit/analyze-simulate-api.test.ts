import { describe, expect, it } from 'vitest';
import { parseSimRequest } from '@gatescope/core/matching/index';
import { LOCAL, useDemoApp } from '../harness/demo-app.ts';

const MANIFESTS = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gc }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: web }
spec:
  gatewayClassName: gc
  listeners: [{ name: http, port: 80, protocol: HTTP }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: web }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [shop.example.com]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /cart } }]
      backendRefs: [{ name: cart, port: 8080 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: lost, namespace: web }
spec:
  parentRefs: [{ name: no-such-gateway }]
---
apiVersion: v1
kind: Service
metadata: { name: cart, namespace: web }
spec: { ports: [{ port: 8080 }] }
`;

const server = useDemoApp();

describe('POST /api/analyze', () => {
  it('returns predicted status and diagnostics in the CLI JSON shape', async () => {
    const res = await server().inject({
      method: 'POST',
      url: '/api/analyze',
      headers: LOCAL,
      payload: { yaml: MANIFESTS },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      objects: {
        kind: string;
        metadata: { name: string };
        status: { parents?: { conditions: { type: string; status: string; reason: string }[] }[] };
      }[];
      diagnostics: { code: string; object: { name: string } }[];
    };
    const shop = body.objects.find((o) => o.metadata.name === 'shop');
    expect(shop?.status.parents?.[0]?.conditions).toContainEqual(
      expect.objectContaining({ type: 'Accepted', status: 'True' }),
    );
    const lost = body.objects.find((o) => o.metadata.name === 'lost');
    expect(lost?.status.parents?.[0]?.conditions).toContainEqual(
      expect.objectContaining({ type: 'Accepted', status: 'False', reason: 'NoMatchingParent' }),
    );
    expect(body.diagnostics.some((d) => d.object.name === 'lost')).toBe(true);
  });

  it('accepts several files and reports parse problems as diagnostics', async () => {
    const res = await server().inject({
      method: 'POST',
      url: '/api/analyze',
      headers: LOCAL,
      payload: {
        files: [
          { name: 'a.yaml', text: MANIFESTS },
          { name: 'b.yaml', text: 'kind: [unclosed' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { diagnostics: unknown[] }).diagnostics.length).toBeGreaterThan(0);
  });

  it('refuses bodies without manifests', async () => {
    for (const payload of [{}, { files: [] }, { files: [{ name: 'x' }] }, [1, 2]]) {
      const res = await server().inject({ method: 'POST', url: '/api/analyze', headers: LOCAL, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });
});

describe('POST /api/simulate', () => {
  it('answers one request with the matched route and backend', async () => {
    const res = await server().inject({
      method: 'POST',
      url: '/api/simulate',
      headers: LOCAL,
      payload: { yaml: MANIFESTS, request: { gateway: 'web/gw', host: 'shop.example.com', path: '/cart/1' } },
    });
    expect(res.statusCode).toBe(200);
    const result = res.json() as {
      status: number;
      route: { name: string };
      backends: { name: string }[];
      explanation: unknown[];
    };
    expect(result.status).toBe(200);
    expect(result.route.name).toBe('shop');
    expect(result.backends.map((b) => b.name)).toEqual(['cart']);
    expect(result.explanation.length).toBeGreaterThan(0);
  });

  it('answers a batch in order, 404 when nothing matches', async () => {
    const res = await server().inject({
      method: 'POST',
      url: '/api/simulate',
      headers: LOCAL,
      payload: {
        yaml: MANIFESTS,
        requests: [
          { id: 'a', gateway: 'web/gw', host: 'shop.example.com', path: '/cart' },
          { id: 'b', gateway: 'web/gw', host: 'other.example.com', path: '/' },
        ],
      },
    });
    const { results } = res.json() as { results: { id: string; status: number | null }[] };
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['a', 200],
      ['b', 404],
    ]);
  });

  it('refuses malformed requests with a message naming the request and the field', async () => {
    const res = await server().inject({
      method: 'POST',
      url: '/api/simulate',
      headers: LOCAL,
      payload: {
        yaml: MANIFESTS,
        requests: [{ gateway: 'web/gw' }, { gateway: 'web/gw', headers: { a: 1 } }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect((res.json() as { message: string }).message).toBe(
      'requests[1]: "headers" must be an object of string values',
    );
  });

  it("validates with core's parseSimRequest, like the CLI (same rules, same messages)", async () => {
    const bad: [unknown, string][] = [
      [{ gateway: 'gw' }, '"gateway" must be "namespace/name"'],
      [{ gateway: 'web/gw', path: 'cart' }, '"path" must start with "/"'],
      [{ gateway: 'web/gw', port: 70000 }, '"port" must be an integer from 1 to 65535'],
      [{ gateway: 'web/gw', protocol: 'SCTP' }, '"protocol" must be one of'],
      [{ gateway: 'web/gw', hots: 'shop.example.com' }, 'unknown field(s): hots'],
      ['GET /', 'a request must be a JSON object'],
    ];
    for (const [request, message] of bad) {
      const res = await server().inject({
        method: 'POST',
        url: '/api/simulate',
        headers: LOCAL,
        payload: { yaml: MANIFESTS, request },
      });
      expect(res.statusCode, JSON.stringify(request)).toBe(400);
      const body = res.json() as { message: string };
      expect(body.message).toContain(`request: ${message}`);
      // Exactly core's message, prefixed with where the request was in the body.
      const parsed = parseSimRequest(request);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(body.message).toBe(`request: ${parsed.error}`);
    }
  });
});
