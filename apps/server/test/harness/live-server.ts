/** Starts the Gatescope server (live mode) against a kubeconfig, on a free loopback port. */
import { KubeConfig } from '@kubernetes/client-node';
import type { FastifyInstance } from 'fastify';
import { connect } from '../../src/kube/config.ts';
import { buildServer } from '../../src/server.ts';
import { LiveSource } from '../../src/source/live.ts';

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
