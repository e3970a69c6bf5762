import { describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serveSource, type ServeOptions } from '../../src/cli/serve.ts';
import { DemoSource } from '../../src/source/demo.ts';

const OPTIONS: ServeOptions = {
  host: '127.0.0.1',
  port: 0,
  contexts: [],
  noCluster: false,
  allowedHosts: [],
  webRoot: '/nonexistent',
};

async function demo(): Promise<DemoSource> {
  return DemoSource.load('/nonexistent/demo.yaml', 'test', [], () => undefined);
}

describe('serveSource', () => {
  it('serves the source and stops it on close', async () => {
    const source = await demo();
    const stop = vi.spyOn(source, 'stop');
    const running = await serveSource(source, OPTIONS, () => undefined);
    const res = await fetch(`${running.url}/api/healthz`);
    expect(res.status).toBe(200);
    await running.close();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('stops the source when the port is taken (its watches would keep the process alive)', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    const source = await demo();
    const stop = vi.spyOn(source, 'stop');
    try {
      await expect(serveSource(source, { ...OPTIONS, port }, () => undefined)).rejects.toThrow(/EADDRINUSE/);
      expect(stop).toHaveBeenCalledTimes(1);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
