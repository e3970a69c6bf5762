/**
 * A ServiceAccount allowed to read only some kinds: those kinds sync, the others report
 * `forbidden` (with the resource name to grant), and the server is still ready and useful.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binariesOrSkip } from '../harness/binaries.ts';
import { CRD_FILES, TestCluster } from '../harness/cluster.ts';
import { waitFor } from '../harness/kube-client.ts';
import { startStreamingServer, type LiveServer } from '../harness/live-server.ts';
import type { SseTestClient } from '../harness/sse-client.ts';

const binaries = binariesOrSkip();
const GW = 'gateway.networking.k8s.io';

describe.skipIf(!binaries.ok)('partial RBAC', () => {
  let cluster: TestCluster;
  let server: LiveServer;
  let stream: SseTestClient;

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir);
    const admin = cluster.admin;
    await admin.installCrds(CRD_FILES.gatewayApi);
    await cluster.createNamespace('viewer');
    await admin.apply(`/apis/${GW}/v1/namespaces/viewer/gateways`, {
      apiVersion: `${GW}/v1`,
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'viewer' },
      spec: { gatewayClassName: 'x', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
    });
    const token = await admin.serviceAccountWithRules('viewer', 'limited', 'limited-reader', [
      { apiGroups: [GW], resources: ['gateways', 'httproutes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['namespaces', 'services'], verbs: ['get', 'list', 'watch'] },
    ]);
    ({ server, stream } = await startStreamingServer(cluster.writeKubeconfig('limited', token)));
    await waitFor('first snapshot', () => stream.kinds.length > 0);
  });
  afterAll(async () => {
    stream?.close();
    await server?.stop();
    await cluster?.stop();
  });

  it('marks unreadable kinds forbidden and syncs the readable ones', () => {
    for (const kind of ['Gateway', 'HTTPRoute', 'Namespace', 'Service'])
      expect(stream.kind(kind)?.state, kind).toBe('synced');
    for (const kind of ['GRPCRoute', 'GatewayClass', 'ReferenceGrant', 'Secret', 'EndpointSlice']) {
      expect(stream.kind(kind)?.state, kind).toBe('forbidden');
    }
    expect(stream.kind('GRPCRoute')).toMatchObject({ resource: 'grpcroutes', group: GW, count: 0 });
    expect(stream.versionsOf('Gateway').map((v) => v.split('@')[0])).toEqual(['viewer/gw']);
    expect([...stream.objects.values()].some((o) => o['kind'] === 'Secret')).toBe(false);
  });

  it('reports the forbidden kinds in readyz and /metrics', async () => {
    const readyz = (await (await fetch(`${server.url}/api/readyz`)).json()) as {
      kinds: { kind: string; state: string }[];
    };
    expect(readyz.kinds.find((k) => k.kind === 'Secret')?.state).toBe('forbidden');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain(
      `gatescope_kind_sync_state{cluster="test",group="${GW}",kind="GRPCRoute",state="forbidden"} 1`,
    );
    expect(metrics).toContain(
      `gatescope_kind_sync_state{cluster="test",group="${GW}",kind="Gateway",state="synced"} 1`,
    );
  });
});
