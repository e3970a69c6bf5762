/**
 * A 410 Gone (resourceVersion compacted away) leads to a relist, not a stuck watch. The watch
 * cache is off so the apiserver answers from etcd; a proxy cuts the server off while objects
 * change and etcd is compacted, then lets it back in with its now-expired resourceVersion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binariesOrSkip } from '../harness/binaries.ts';
import { CRD_FILES, TestCluster } from '../harness/cluster.ts';
import { listVersions } from '../harness/compare.ts';
import { waitFor, type KubeObject } from '../harness/kube-client.ts';
import { startStreamingServer, type LiveServer } from '../harness/live-server.ts';
import type { RecordingProxy } from '../harness/proxy.ts';
import type { SseTestClient } from '../harness/sse-client.ts';

const binaries = binariesOrSkip();
const GW = 'gateway.networking.k8s.io';
const ROUTES = `/apis/${GW}/v1/namespaces/app/httproutes`;

function route(name: string, step: number): KubeObject {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'app', labels: { step: String(step) } },
    spec: { parentRefs: [{ name: 'gw' }] },
  };
}

describe.skipIf(!binaries.ok)('410 Gone → relist', () => {
  let cluster: TestCluster;
  let proxy: RecordingProxy;
  let server: LiveServer;
  let stream: SseTestClient;

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir, { watchCache: false });
    await cluster.admin.installCrds(CRD_FILES.gatewayApi);
    await cluster.createNamespace('app');
    for (const name of ['keep', 'gone']) await cluster.admin.apply(ROUTES, route(name, 0));
    proxy = await cluster.startProxy();
    ({ server, stream } = await startStreamingServer(
      cluster.writeKubeconfig('server', cluster.adminToken, proxy.url),
    ));
  });
  afterAll(async () => {
    stream?.close();
    await server?.stop();
    await proxy?.stop();
    await cluster?.stop();
  });

  it('relists after the resourceVersion expired and ends equal to the apiserver', async () => {
    expect(stream.versionsOf('HTTPRoute')).toHaveLength(2);
    proxy.disconnect();
    for (let step = 1; step <= 5; step++) await cluster.admin.apply(ROUTES, route('keep', step));
    await cluster.admin.remove(`${ROUTES}/gone`);
    await cluster.admin.apply(ROUTES, route('new', 1));
    await cluster.compactEtcd();
    const cutAt = proxy.requests.length;
    proxy.restore();

    const expected = await listVersions(cluster.admin, `/apis/${GW}/v1/httproutes`);
    await waitFor(
      'stream equals apiserver',
      () => JSON.stringify(stream.versionsOf('HTTPRoute')) === JSON.stringify(expected),
      60_000,
    ).catch(() => undefined);
    expect(stream.versionsOf('HTTPRoute')).toEqual(expected);
    expect(expected.map((v) => v.split('@')[0])).toEqual(['app/keep', 'app/new']);

    // The watch from the old resourceVersion got 410 and a plain list (no watch=true) followed.
    const after = proxy.requests.slice(cutAt).filter((r) => r.path.startsWith(`/apis/${GW}/v1/httproutes`));
    const expiredWatch = after.findIndex((r) => r.path.includes('watch=true'));
    expect(expiredWatch).toBeGreaterThanOrEqual(0);
    expect(after.slice(expiredWatch).some((r) => !r.path.includes('watch=true'))).toBe(true);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const relists = Number(/^gatescope_watch_relists_total (\d+)$/m.exec(metrics)?.[1] ?? '0');
    expect(relists).toBeGreaterThanOrEqual(1);
    // The deletion that happened while cut off arrived as a DELETED change (no ghost).
    expect(
      stream.changes.some(
        (c) => c.type === 'DELETED' && (c.object['metadata'] as { name: string }).name === 'gone',
      ),
    ).toBe(true);
  });
});
