/**
 * Several contexts at once: one kubeconfig with two contexts (here two routes to one apiserver,
 * one through a proxy) → both are watched, objects carry their context as `cluster`, and the
 * per-kind states are per context. An unreachable third context is reported, not fatal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { binariesOrSkip } from '../harness/binaries.ts';
import { CRD_FILES, TestCluster } from '../harness/cluster.ts';
import { waitFor } from '../harness/kube-client.ts';
import type { RecordingProxy } from '../harness/proxy.ts';
import { connect } from '../../src/kube/config.ts';
import { LiveSource } from '../../src/source/live.ts';

const binaries = binariesOrSkip();

describe.skipIf(!binaries.ok)('several contexts at once', () => {
  let cluster: TestCluster;
  let proxy: RecordingProxy;
  let source: LiveSource | undefined;

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir);
    await cluster.admin.installCrds(CRD_FILES.gatewayApi);
    proxy = await cluster.startProxy();
  });
  afterAll(async () => {
    source?.stop();
    await proxy?.stop();
    await cluster?.stop();
  });

  it('watches every selected reachable context and labels objects with it', async () => {
    const user = { name: 'admin', user: { token: cluster.adminToken } };
    const ca = cluster.pki.caCert;
    const file = join(cluster.dir, 'multi.kubeconfig');
    writeFileSync(
      file,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          { name: 'east', cluster: { server: cluster.server, 'certificate-authority': ca } },
          { name: 'west', cluster: { server: proxy.url, 'certificate-authority': ca } },
          { name: 'gone', cluster: { server: 'https://127.0.0.1:1', 'certificate-authority': ca } },
        ],
        users: [user],
        contexts: ['east', 'west', 'gone'].map((name) => ({
          name,
          context: { cluster: name, user: 'admin' },
        })),
        'current-context': 'east',
      }),
    );
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(file);
    const result = await connect({ kubeConfig, contexts: ['east', 'west', 'gone'] });
    expect(result.connections.map((c) => c.name)).toEqual(['east', 'west']);
    expect(result.contexts.find((c) => c.name === 'gone')).toMatchObject({ reachable: false });

    const live = new LiveSource({ connections: result.connections, contexts: result.contexts });
    source = live;
    await live.start();
    await waitFor('both contexts synced', () => live.readiness().ready);
    const namespacesOf = (name: string): string[] =>
      live
        .objects()
        .filter((o) => o.object['kind'] === 'Namespace' && o.cluster === name)
        .map((o) => String((o.object['metadata'] as { name: string }).name));
    // The apiserver creates its system namespaces just after start: wait for both watches to agree.
    await waitFor('same namespaces through both contexts', () => {
      const east = namespacesOf('east');
      return east.includes('kube-system') && JSON.stringify(namespacesOf('west')) === JSON.stringify(east);
    });
    expect(namespacesOf('west')).toEqual(namespacesOf('east'));
    const gateways = live.kinds().filter((k) => k.kind === 'Gateway');
    expect(gateways.map((k) => `${k.cluster}:${k.state}`).sort()).toEqual(['east:synced', 'west:synced']);
    expect(live.info()).toMatchObject({ mode: 'live' });
    expect(
      live
        .info()
        .contexts.map((c) => c.name)
        .sort(),
    ).toEqual(['east', 'gone', 'west']);
  });
});
