/**
 * `gatescope serve` started while its cluster is down serves the demo, keeps probing, and turns
 * live by itself once the apiserver answers: the snapshot then holds the cluster's objects and an
 * open event stream is ended so that the browser reconnects to the live one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningServer } from '../../src/cli/serve.ts';
import { binariesOrSkip } from '../harness/binaries.ts';
import { TestCluster } from '../harness/cluster.ts';
import { waitFor } from '../harness/kube-client.ts';
import { SseTestClient } from '../harness/sse-client.ts';

const binaries = binariesOrSkip();

interface Snapshot {
  readonly source: { readonly mode: string };
  readonly objects: readonly { readonly object: { readonly metadata: { readonly name: string } } }[];
}

describe.skipIf(!binaries.ok)('demo mode turns live when the cluster comes up', () => {
  let cluster: TestCluster;
  let running: RunningServer | undefined;
  const savedKubeconfig = process.env['KUBECONFIG'];

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir);
    await cluster.admin.apply('/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'came-up-later' },
    });
    process.env['KUBECONFIG'] = cluster.writeKubeconfig('serve', cluster.adminToken);
    await cluster.apiserver.stop();
  });
  afterAll(async () => {
    process.env['KUBECONFIG'] = savedKubeconfig;
    if (savedKubeconfig === undefined) delete process.env['KUBECONFIG'];
    await running?.close();
    await cluster?.stop();
  });

  it('serves the demo while the apiserver is down, then the cluster without a restart', async () => {
    const options = { host: '127.0.0.1', port: 0, contexts: [], noCluster: false, allowedHosts: [] };
    running = await startServe({ ...options, reprobeMs: 200 }, () => undefined);
    const snapshot = async (): Promise<Snapshot> =>
      (await (await fetch(`${running?.url ?? ''}/api/snapshot`)).json()) as Snapshot;
    expect((await snapshot()).source.mode).toBe('demo');
    const demoStream = new SseTestClient(running.url);
    await demoStream.connect();

    await cluster.startApiserver();
    await waitFor('live mode', async () => (await snapshot()).source.mode === 'live', 60_000);
    await waitFor('demo stream ended', async () => demoStream.ended, 10_000);
    demoStream.close();
    await waitFor('cluster objects served', async () =>
      (await snapshot()).objects.some((o) => o.object.metadata.name === 'came-up-later'),
    );
  });
});
