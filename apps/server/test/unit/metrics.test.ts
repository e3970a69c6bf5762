import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { buildServer } from '../../src/server.ts';
import { DemoSource } from '../../src/source/demo.ts';
import { REPO_ROOT } from '../harness/binaries.ts';

let app: FastifyInstance;
let source: DemoSource;

beforeAll(async () => {
  source = await DemoSource.load(join(REPO_ROOT, 'public/scenarios/demo.yaml'), 'test', [], () => {});
  app = await buildServer({ source });
});
afterAll(async () => {
  source.stop();
  await app.close();
});

describe('GET /metrics', () => {
  it('is valid Prometheus text: every sample has HELP/TYPE and a numeric value', async () => {
    const res = await app.inject({ url: '/metrics', headers: { host: 'localhost:7080' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain; version=0.0.4');
    const typed = new Set<string>();
    for (const line of res.body.trimEnd().split('\n')) {
      const type = /^# TYPE (\w+) (gauge|counter)$/.exec(line);
      if (type?.[1]) typed.add(type[1]);
      if (line.startsWith('#')) continue;
      const sample = /^(\w+)(\{(\w+="(?:[^"\\]|\\.)*",?)*\})? (-?\d+(\.\d+)?)$/.exec(line);
      expect(sample, line).not.toBeNull();
      expect(typed.has(sample?.[1] ?? ''), line).toBe(true);
    }
  });

  it("reports the analysis' health of the current objects", async () => {
    const body = (await app.inject({ url: '/metrics', headers: { host: 'localhost:7080' } })).body;
    const value = (re: RegExp): number => Number(re.exec(body)?.[1] ?? NaN);
    const accepted = value(/^gatescope_routes\{accepted="true"\} (\d+)$/m);
    const rejected = value(/^gatescope_routes\{accepted="false"\} (\d+)$/m);
    const routes = source.objects().filter((o) => String(o.object['kind']).endsWith('Route')).length;
    expect(accepted + rejected).toBe(routes);
    expect(accepted).toBeGreaterThan(0);
    expect(body).toMatch(/^gatescope_gateways\{programmed="true"\} [1-9]\d*$/m);
    expect(body).toMatch(/^gatescope_ready 1$/m);
  });
});
