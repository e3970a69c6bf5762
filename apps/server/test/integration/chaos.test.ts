/**
 * Chaos: kube-apiserver (and etcd) are killed and restarted several times while objects churn.
 * The server must recover by itself and end with exactly the apiserver's objects: no ghosts
 * (objects deleted during an outage) and no losses (objects created during one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binariesOrSkip } from '../harness/binaries.ts';
import { CRD_FILES, TestCluster } from '../harness/cluster.ts';
import { listVersions } from '../harness/compare.ts';
import { waitFor } from '../harness/kube-client.ts';
import { startStreamingServer, type LiveServer } from '../harness/live-server.ts';
import type { SseTestClient } from '../harness/sse-client.ts';

const binaries = binariesOrSkip();
const GW = 'gateway.networking.k8s.io';
const ROUTES = `/apis/${GW}/v1/namespaces/churn/httproutes`;

describe.skipIf(!binaries.ok)('chaos: apiserver and etcd restarts during churn', () => {
  let cluster: TestCluster;
  let server: LiveServer;
  let stream: SseTestClient;

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir);
    await cluster.admin.installCrds(CRD_FILES.gatewayApi);
    await cluster.createNamespace('churn');
    // Never touched: the stream must never report it deleted (no flapping across restarts).
    await cluster.admin.apply(ROUTES, {
      apiVersion: `${GW}/v1`,
      kind: 'HTTPRoute',
      metadata: { name: 'anchor', namespace: 'churn' },
      spec: { parentRefs: [{ name: 'gw' }] },
    });
    ({ server, stream } = await startStreamingServer(cluster.writeKubeconfig('server', cluster.adminToken)));
  });
  afterAll(async () => {
    stream?.close();
    await server?.stop();
    await cluster?.stop();
  });

  it('recovers and converges to the apiserver state, with no ghost or lost objects', async () => {
    let done = false;
    let applied = 0;
    let failed = 0;
    // Create, relabel and delete routes r0..r14 in a fixed pattern; errors (apiserver down) are expected.
    const churn = (async () => {
      for (let i = 0; !done; i++) {
        const name = `r${i % 15}`;
        try {
          if (i % 4 === 3) await cluster.admin.remove(`${ROUTES}/${name}`);
          else {
            await cluster.admin.apply(ROUTES, {
              apiVersion: `${GW}/v1`,
              kind: 'HTTPRoute',
              metadata: { name, namespace: 'churn', labels: { step: String(i) } },
              spec: { parentRefs: [{ name: 'gw' }] },
            });
          }
          applied++;
        } catch {
          failed++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    })();

    for (let round = 1; round <= 4; round++) {
      const before = applied;
      await waitFor(`churn progressing (round ${round})`, () => applied >= before + 10);
      await cluster.apiserver.stop('SIGKILL');
      if (round === 1) {
        // While it is down, the source says so (from the periodic discovery pass).
        await waitFor('context reported unreachable', async () => {
          const snap = (await (await fetch(`${server.url}/api/snapshot`)).json()) as {
            source: { contexts: { reachable: boolean; reason?: string }[] };
          };
          return (
            snap.source.contexts[0]?.reachable === false && (snap.source.contexts[0].reason ?? '') !== ''
          );
        });
      }
      if (round % 2 === 0) {
        await cluster.etcd.stop('SIGKILL');
        await cluster.startEtcd();
      }
      await cluster.startApiserver();
    }
    const last = applied;
    await waitFor('churn after the last restart', () => applied >= last + 10);
    done = true;
    await churn;

    const expected = await listVersions(cluster.admin, `/apis/${GW}/v1/httproutes`);
    expect(expected.length).toBeGreaterThan(0);
    await waitFor(
      'stream converged to the apiserver',
      () => JSON.stringify(stream.versionsOf('HTTPRoute')) === JSON.stringify(expected),
      90_000,
    ).catch(() => undefined);
    expect(stream.versionsOf('HTTPRoute')).toEqual(expected);
    expect(stream.versionsOf('Namespace')).toEqual(await listVersions(cluster.admin, '/api/v1/namespaces'));

    // The snapshot endpoint agrees with the stream, and the kind is synced again after restarts.
    const snapshot = (await (await fetch(`${server.url}/api/snapshot`)).json()) as {
      objects: {
        object: { kind: string; metadata: { namespace: string; name: string; resourceVersion: string } };
      }[];
    };
    const fromSnapshot = snapshot.objects
      .filter((o) => o.object.kind === 'HTTPRoute')
      .map(
        (o) =>
          `${o.object.metadata.namespace}/${o.object.metadata.name}@${o.object.metadata.resourceVersion}`,
      )
      .sort();
    expect(fromSnapshot).toEqual(expected);
    await waitFor('HTTPRoute synced', () => stream.kind('HTTPRoute')?.state === 'synced');
    expect(stream.kind('HTTPRoute')?.restarts ?? 0).toBeGreaterThan(0);
    const anchorChanges = stream.changes.filter(
      (c) => (c.object['metadata'] as { name: string }).name === 'anchor',
    );
    expect(anchorChanges.filter((c) => c.type === 'DELETED')).toEqual([]);
    expect(failed).toBeGreaterThan(0); // the outages really happened during churn
  });
});
