import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeHttp, KubeHttpError } from '../../src/kube/http.ts';

let server: Server | undefined;
const stalled: ServerResponse[] = [];

afterEach(async () => {
  for (const res of stalled.splice(0)) res.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A plain-HTTP "apiserver" answering every request with `handler`. */
async function apiserver(handler: (res: ServerResponse) => void): Promise<KubeHttp> {
  server = createServer((_req, res) => handler(res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return new KubeHttp(kc, url);
}

describe('KubeHttp.getJson', () => {
  it('parses a 200 and turns a Status error into KubeHttpError with its reason', async () => {
    let status = 200;
    const http = await apiserver((res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? '{"ok":true}' : '{"kind":"Status","message":"nope","reason":"Forbidden"}');
    });
    expect(await http.getJson('/x')).toEqual({ ok: true });
    status = 403;
    const error = await http.getJson('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeHttpError);
    expect(error).toMatchObject({ status: 403, message: 'nope', reason: 'Forbidden' });
  });

  it('fails a list whose body stalls after the headers (half-open connection) instead of hanging', async () => {
    const http = await apiserver((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[');
      stalled.push(res);
    });
    await expect(http.getJson('/apis/x/v1/things', { timeoutMs: 300 })).rejects.toThrow(/300 ms/);
  });
});
