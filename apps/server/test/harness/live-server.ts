/** Starts the Gatescope server (live mode) against a kubeconfig, on a free loopback port. */
import { KubeConfig } from '@kubernetes/client-node';
import type { FastifyInstance } from 'fastify';
import { connect } from '../../src/kube/config.ts';
import { buildServer } from '../../src/server.ts';
import { LiveSource } from '../../src/source/live.ts';
import { waitFor } from './kube-client.ts';
import { SseTestClient } from './sse-client.ts';

export interface LiveServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly source: LiveSource;
  stop(): Promise<void>;
}

export async function startLiveServer(
  kubeconfigFile: string,
  discoveryIntervalMs = 1000,
): Promise<LiveServer> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigFile);
  const result = await connect({ kubeConfig });
  if (result.connections.length === 0)
    throw new Error(`server cannot reach the test cluster: ${result.reason ?? ''}`);
  const source = new LiveSource({
    connections: result.connections,
    contexts: result.contexts,
    // Fast retries so outages heal within the test's patience; the production defaults are slower.
    watcher: {
      discoveryIntervalMs,
      supervisor: { backoffBaseMs: 100, backoffMaxMs: 1500, watchTimeoutSeconds: 30 },
    },
  });
  await source.start();
  const app = await buildServer({ source });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    app,
    source,
    stop: async () => {
      source.stop();
      await app.close();
    },
  };
}

/** A live server that finished its first sync, and an SSE client that received its snapshot. */
export async function startStreamingServer(
  kubeconfigFile: string,
): Promise<{ readonly server: LiveServer; readonly stream: SseTestClient }> {
  const server = await startLiveServer(kubeconfigFile);
  await waitFor('server ready', async () => (await fetch(`${server.url}/api/readyz`)).status === 200);
  const stream = new SseTestClient(server.url);
  await stream.connect();
  await waitFor('first snapshot', () => stream.events.some((e) => e.event === 'snapshot'));
  return { server, stream };
}
