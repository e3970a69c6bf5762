/**
 * The server on the built-in demo source (no cluster), for tests that call its HTTP API: with
 * `inject()` (`useDemoApp`) or over a real socket (`startDemoApp` + `listen`).
 */
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/server.ts';
import { DemoSource } from '../../src/source/demo.ts';

/** The Host header a loopback client sends (the security plugin checks it). */
export const LOCAL = { host: '127.0.0.1:7080' };

export interface DemoApp {
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export async function startDemoApp(options: Omit<ServerOptions, 'source'> = {}): Promise<DemoApp> {
  const source = await DemoSource.load('/nonexistent/demo.yaml', 'test', [], () => {});
  const app = await buildServer({ ...options, source });
  return {
    app,
    close: async () => {
      source.stop();
      await app.close();
    },
  };
}

/** One demo server for the calling test file, started before its tests and closed after. */
export function useDemoApp(options: Omit<ServerOptions, 'source'> = {}): () => FastifyInstance {
  let running: DemoApp | undefined;
  beforeAll(async () => {
    running = await startDemoApp(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (running === undefined) throw new Error('the demo app is used before beforeAll ran');
    return running.app;
  };
}
