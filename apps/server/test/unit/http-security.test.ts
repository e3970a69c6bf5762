import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../src/server.ts';
import { DemoSource } from '../../src/source/demo.ts';
import { REPO_ROOT } from '../harness/binaries.ts';

let app: FastifyInstance;
let source: DemoSource;

beforeAll(async () => {
  source = await DemoSource.load(join(REPO_ROOT, 'public/scenarios/demo.yaml'), 'test', [], () => {});
  app = await buildServer({ source, bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  source.stop();
  await app.close();
});

const LOCAL = { host: '127.0.0.1:7080' };

describe('Host and Origin checks', () => {
  it.each(['127.0.0.1:7080', 'localhost:7080', 'localhost', '[::1]:7080'])(
    'accepts loopback Host %s',
    async (host) => {
      const res = await app.inject({ url: '/api/healthz', headers: { host } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
    },
  );

  it.each(['evil.example:7080', 'attacker.localhost.evil.com', '127.0.0.1.nip.io:7080'])(
    'refuses a foreign Host %j (DNS rebinding)',
    async (host) => {
      const res = await app.inject({ url: '/api/snapshot', headers: { host } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'Forbidden' });
      expect(res.body).not.toContain('"objects"');
    },
  );

  it('refuses cross-origin requests and allows same-origin ones', async () => {
    const cross = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      headers: { ...LOCAL, origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: { yaml: '' },
    });
    expect(cross.statusCode).toBe(403);
    const nullOrigin = await app.inject({ url: '/api/snapshot', headers: { ...LOCAL, origin: 'null' } });
    expect(nullOrigin.statusCode).toBe(403);
    const crossSite = await app.inject({
      url: '/api/snapshot',
      headers: { ...LOCAL, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    const same = await app.inject({
      url: '/api/snapshot',
      headers: { ...LOCAL, origin: 'http://127.0.0.1:7080' },
    });
    expect(same.statusCode).toBe(200);
  });

  it('opens a page from a cross-site link (a shared link in a chat) but never the API', async () => {
    const navigate = { ...LOCAL, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' };
    const webRoot = mkdtempSync(join(tmpdir(), 'gatescope-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Gatescope</title>');
    const withSpa = await buildServer({ source, webRoot });
    try {
      const page = await withSpa.inject({
        url: '/sandbox',
        headers: { ...navigate, 'sec-fetch-dest': 'document' },
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Gatescope</title>');
    } finally {
      await withSpa.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
    for (const url of ['/api/snapshot', '/metrics']) {
      const api = await app.inject({ url, headers: { ...navigate, 'sec-fetch-dest': 'document' } });
      expect(api.statusCode, url).toBe(403);
    }
    const framed = await app.inject({
      url: '/sandbox',
      headers: { ...navigate, 'sec-fetch-dest': 'iframe' },
    });
    expect(framed.statusCode).toBe(403);
    const fetched = await app.inject({
      url: '/sandbox',
      headers: {
        ...LOCAL,
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'cors',
        'sec-fetch-dest': 'empty',
      },
    });
    expect(fetched.statusCode).toBe(403);
    const posted = await app.inject({
      method: 'POST',
      url: '/sandbox',
      headers: { ...navigate, 'sec-fetch-dest': 'document' },
    });
    expect(posted.statusCode).toBe(403);
  });

  it('accepts extra hosts only when configured', async () => {
    const other = await buildServer({ source, allowedHosts: ['gatescope.internal'] });
    try {
      expect(
        (await other.inject({ url: '/api/healthz', headers: { host: 'gatescope.internal:80' } })).statusCode,
      ).toBe(200);
      expect(
        (await app.inject({ url: '/api/healthz', headers: { host: 'gatescope.internal:80' } })).statusCode,
      ).toBe(403);
    } finally {
      await other.close();
    }
  });
});

describe('security headers', () => {
  it('sends a CSP without unsafe-eval and the usual hardening headers, also on errors', async () => {
    for (const url of ['/api/healthz', '/api/nope']) {
      const res = await app.inject({ url, headers: LOCAL });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });
});

describe('errors', () => {
  it('answers 413 as JSON when the body is over the limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      headers: { ...LOCAL, 'content-type': 'application/json' },
      payload: JSON.stringify({ yaml: 'x'.repeat(100 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'Payload Too Large' });
  });

  it('answers 400 with a message and no stack trace for malformed JSON and bad shapes', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      headers: { ...LOCAL, 'content-type': 'application/json' },
      payload: '{"yaml": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'Bad Request' });
    expect(malformed.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const wrongShape = await app.inject({
      method: 'POST',
      url: '/api/simulate',
      headers: LOCAL,
      payload: { yaml: '', request: { gateway: 5 } },
    });
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json().message).toBe('request: "gateway" must be a string');
    expect(wrongShape.body).not.toContain('stack');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.inject({ url: '/api/does-not-exist', headers: LOCAL });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'Not Found' });
  });
});

describe('demo mode', () => {
  it('serves the demo scenario as the snapshot with mode demo and is ready', async () => {
    const snapshot = (await app.inject({ url: '/api/snapshot', headers: LOCAL })).json();
    expect(snapshot.source).toMatchObject({ mode: 'demo', reason: 'test' });
    expect(snapshot.objects.length).toBeGreaterThan(0);
    expect(snapshot.objects.every((o: { cluster: string }) => o.cluster === 'demo')).toBe(true);
    expect((await app.inject({ url: '/api/readyz', headers: LOCAL })).statusCode).toBe(200);
  });
});
