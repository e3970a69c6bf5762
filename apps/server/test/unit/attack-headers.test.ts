/**
 * Issue 12 (attack review): every response carries the security headers, early errors included
 * (bad JSON, too large, unknown route, wrong content type, malformed URL); and an API path in
 * disguise (`/%61pi/…`, `/%2Fapi`, `//api`, `/API`) gets the same cross-site rule as `/api`.
 */
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/plugins/security.ts';
import { buildServer } from '../../src/server.ts';
import { DemoSource } from '../../src/source/demo.ts';
import { REPO_ROOT } from '../harness/binaries.ts';

let app: FastifyInstance;
let source: DemoSource;

beforeAll(async () => {
  source = await DemoSource.load(join(REPO_ROOT, 'public/scenarios/demo.yaml'), 'test', [], () => {});
  app = await buildServer({ source, bodyLimit: 1024 });
});
afterAll(async () => {
  source.stop();
  await app.close();
});

const LOCAL = { host: '127.0.0.1:7080' };

function expectSecurityHeaders(headers: object): void {
  const got = headers as Record<string, unknown>;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(got[name], name).toBe(value);
}

describe('security headers on early errors', () => {
  const cases: [string, InjectOptions, number][] = [
    [
      'bad JSON',
      {
        method: 'POST',
        url: '/api/analyze',
        headers: { ...LOCAL, 'content-type': 'application/json' },
        payload: '{"yaml":',
      },
      400,
    ],
    [
      'body too large',
      {
        method: 'POST',
        url: '/api/analyze',
        headers: { ...LOCAL, 'content-type': 'application/json' },
        payload: JSON.stringify({ yaml: 'x'.repeat(4096) }),
      },
      413,
    ],
    ['unknown API route', { url: '/api/nope', headers: LOCAL }, 404],
    [
      'unsupported content type',
      {
        method: 'POST',
        url: '/api/analyze',
        headers: { ...LOCAL, 'content-type': 'application/x-evil' },
        payload: 'x',
      },
      415,
    ],
    ['malformed URL', { url: '/api/%zz', headers: LOCAL }, 400],
    ['foreign Host', { url: '/api/snapshot', headers: { host: 'evil.example' } }, 403],
  ];
  for (const [name, request, status] of cases) {
    it(`${name}: ${status} with CSP and the other headers, JSON, no stack`, async () => {
      const res = await app.inject(request);
      expect(res.statusCode).toBe(status);
      expectSecurityHeaders(res.headers);
      expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    });
  }
});

describe('API paths in disguise get the API rule', () => {
  const crossSiteNavigation = {
    ...LOCAL,
    'sec-fetch-site': 'cross-site',
    'sec-fetch-mode': 'navigate',
    'sec-fetch-dest': 'document',
  };
  for (const path of [
    '/api/snapshot',
    '/%61pi/snapshot',
    '/%61%70%69/snapshot',
    '//api/snapshot',
    '/%2Fapi/snapshot',
    '/%2fapi/snapshot',
    '/API/snapshot',
    '/./api/snapshot',
    '/x/../api/snapshot',
    '/%252Fapi/snapshot',
    '/metrics',
    '/%6detrics',
  ]) {
    it(`a cross-site navigation to ${path} is refused`, async () => {
      const res = await app.inject({ url: path, headers: crossSiteNavigation });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('"objects"');
      expectSecurityHeaders(res.headers);
    });
  }

  it('a cross-site navigation to a page still opens (share links)', async () => {
    const res = await app.inject({ url: '/sandbox', headers: crossSiteNavigation });
    expect(res.statusCode).not.toBe(403);
  });
});
