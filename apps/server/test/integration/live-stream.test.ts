/**
 * The server against a real kube-apiserver: objects created, changed and deleted appear in the
 * SSE stream in order; the streamed state equals the apiserver's lists; Secrets are only ever
 * requested as metadata; a CRD installed after start is discovered and watched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binariesOrSkip } from '../harness/binaries.ts';
import { CRD_FILES, TestCluster } from '../harness/cluster.ts';
import { waitFor, type KubeObject } from '../harness/kube-client.ts';
import { startStreamingServer, type LiveServer } from '../harness/live-server.ts';
import type { RecordingProxy } from '../harness/proxy.ts';
import { SseTestClient } from '../harness/sse-client.ts';
import { listVersions } from '../harness/compare.ts';

const binaries = binariesOrSkip();
const GW = 'gateway.networking.k8s.io';
const ROUTES = `/apis/${GW}/v1/namespaces/app/httproutes`;

function route(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'app', labels },
    spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'svc', port: 80 }] }] },
  };
}

describe.skipIf(!binaries.ok)('live server against kube-apiserver', () => {
  let cluster: TestCluster;
  let proxy: RecordingProxy;
  let server: LiveServer;
  let stream: SseTestClient;

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir);
    await cluster.admin.installCrds(CRD_FILES.gatewayApi);
    await cluster.createNamespace('app');
    await cluster.admin.apply('/api/v1/namespaces/app/secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'tls-cert', namespace: 'app' },
      stringData: { 'tls.key': 'TOP-SECRET-KEY-MATERIAL' },
    });
    proxy = await cluster.startProxy((path) => path.includes('/secrets'));
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

  it('streams create, change and delete in order, and the stream equals the apiserver', async () => {
    const first = stream.changes.length;
    await cluster.admin.apply(ROUTES, route('r1'));
    await cluster.admin.apply(ROUTES, route('r1', { stage: 'two' }));
    await cluster.admin.remove(`${ROUTES}/r1`);
    await cluster.admin.apply(ROUTES, route('r2'));
    await waitFor('r2 streamed', () =>
      stream.objects.has('test|gateway.networking.k8s.io/v1|HTTPRoute|app/r2'),
    );

    const seen = stream.changes
      .slice(first)
      .filter((c) => c.object['kind'] === 'HTTPRoute')
      .map((c) => {
        const meta = c.object['metadata'] as { name: string; labels?: Record<string, string> };
        return `${c.type} ${meta.name}${meta.labels?.['stage'] ? ` stage=${meta.labels['stage']}` : ''}`;
      });
    // A deletion carries the object's last state.
    expect(seen).toEqual(['ADDED r1', 'MODIFIED r1 stage=two', 'DELETED r1 stage=two', 'ADDED r2']);

    // Event ids are epoch:seq with increasing seq.
    const seqs = stream.events.filter((e) => e.id !== undefined).map((e) => Number(e.id?.split(':')[1]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    for (const [kind, path] of [
      ['HTTPRoute', `/apis/${GW}/v1/httproutes`],
      ['Namespace', '/api/v1/namespaces'],
      ['Service', '/api/v1/services'],
    ] as const) {
      expect(stream.versionsOf(kind), kind).toEqual(await listVersions(cluster.admin, path));
    }
    const snapshot = (await (await fetch(`${server.url}/api/snapshot`)).json()) as { objects: unknown[] };
    expect(snapshot.objects.length).toBe(stream.objects.size);
  });

  it('chooses versions by discovery: TCPRoute at v1 (preferred), ReferenceGrant v1', () => {
    expect(stream.kind('TCPRoute')).toMatchObject({ version: 'v1', state: 'synced' });
    expect(stream.kind('ReferenceGrant')).toMatchObject({ version: 'v1', state: 'synced' });
    expect(stream.kind('ServiceImport')).toMatchObject({ state: 'absent' });
  });

  it('requests Secrets as metadata only and never holds their data', async () => {
    const secretRequests = proxy.requests.filter((r) => r.path.startsWith('/api/v1/secrets'));
    expect(secretRequests.length).toBeGreaterThanOrEqual(2); // the list and at least one watch
    for (const r of secretRequests)
      expect(r.accept).toMatch(/^application\/json;as=PartialObjectMetadata(List)?;g=meta\.k8s\.io;v=v1$/);
    const listed = secretRequests.find((r) => r.body !== undefined && !r.path.includes('watch=true'));
    expect(listed?.body).toContain('tls-cert');
    expect(listed?.body).not.toContain('TOP-SECRET');
    expect(listed?.body).not.toContain('"data"');
    const secret = [...stream.objects.values()].find((o) => o['kind'] === 'Secret');
    expect(secret).toBeDefined();
    expect(Object.keys(secret ?? {}).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(secret?.['apiVersion']).toBe('v1');
    const everything = JSON.stringify(await (await fetch(`${server.url}/api/snapshot`)).json());
    expect(everything).not.toContain('TOP-SECRET');
    expect(everything).not.toContain('managedFields');
  });

  it('discovers and watches a CRD installed after start', async () => {
    await cluster.admin.installCrds(CRD_FILES.mcs);
    await cluster.admin.apply('/apis/multicluster.x-k8s.io/v1alpha1/namespaces/app/serviceimports', {
      apiVersion: 'multicluster.x-k8s.io/v1alpha1',
      kind: 'ServiceImport',
      metadata: { name: 'db', namespace: 'app' },
      spec: { type: 'ClusterSetIP', ports: [{ port: 5432, protocol: 'TCP' }] },
    });
    await waitFor('ServiceImport streamed', () => stream.versionsOf('ServiceImport').length === 1, 30_000);
    expect(stream.kind('ServiceImport')).toMatchObject({ version: 'v1alpha1', state: 'synced', count: 1 });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain(
      'gatescope_objects{cluster="test",group="multicluster.x-k8s.io",kind="ServiceImport"} 1',
    );
    expect(metrics).toContain(
      'gatescope_kind_sync_state{cluster="test",group="multicluster.x-k8s.io",kind="ServiceImport",state="synced"} 1',
    );
  });

  it('drops a kind whose CRD is deleted: its objects are deleted from the stream and it reports absent', async () => {
    await cluster.admin.remove(
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/serviceimports.multicluster.x-k8s.io',
    );
    await waitFor(
      'ServiceImport gone from the stream',
      () => stream.versionsOf('ServiceImport').length === 0,
      30_000,
    );
    await waitFor('ServiceImport absent', () => stream.kind('ServiceImport')?.state === 'absent', 30_000);
    expect(stream.changes.filter((c) => c.object['kind'] === 'ServiceImport').map((c) => c.type)).toEqual([
      'ADDED',
      'DELETED',
    ]);
  });

  it('exposes the analysis health in /metrics', async () => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    // r2 and r3 name a Gateway that does not exist: not accepted; no Gateways at all.
    expect(metrics).toMatch(/^gatescope_routes\{accepted="false"\} [1-9]/m);
    expect(metrics).toContain('gatescope_gateways{programmed="true"} 0');
    expect(metrics).toMatch(/^gatescope_diagnostics\{code="[^"]+",severity="error"\} [1-9]/m);
    expect(metrics).toContain('gatescope_ready 1');
  });

  it('resumes from Last-Event-ID without a snapshot, and falls back to one for an unknown id', async () => {
    const resumed = new SseTestClient(server.url);
    await resumed.connect(stream.lastId);
    await cluster.admin.apply(ROUTES, route('r3'));
    await waitFor('r3 on the resumed stream', () =>
      resumed.changes.some((c) => (c.object['metadata'] as { name: string }).name === 'r3'),
    );
    expect(resumed.events.some((e) => e.event === 'snapshot')).toBe(false);
    resumed.close();
    const stale = new SseTestClient(server.url);
    await stale.connect('older-epoch:5');
    await waitFor('fresh snapshot', () => stale.events.some((e) => e.event === 'snapshot'));
    stale.close();
  });
});
