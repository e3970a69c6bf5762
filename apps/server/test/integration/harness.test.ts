import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binariesOrSkip } from '../harness/binaries.ts';
import { CRD_FILES, TestCluster } from '../harness/cluster.ts';

const binaries = binariesOrSkip();

describe.skipIf(!binaries.ok)('kube harness', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir);
    await cluster.admin.installCrds(CRD_FILES.gatewayApi);
    await cluster.admin.installCrds(CRD_FILES.mcs);
  });
  afterAll(async () => cluster?.stop());

  it('serves the project CRDs with preserved fields and a status subresource', async () => {
    const groups = (await cluster.admin.must('GET', '/apis/gateway.networking.k8s.io')) as {
      preferredVersion: { version: string };
    };
    expect(groups.preferredVersion.version).toBe('v1');
    await cluster.admin.apply('/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'h1' },
    });
    const route = await cluster.admin.apply('/apis/gateway.networking.k8s.io/v1/namespaces/h1/httproutes', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'r', namespace: 'h1' },
      spec: { parentRefs: [{ name: 'gw' }], hostnames: ['a.example.com'], someFutureField: { x: 1 } },
      status: { parents: [] },
    });
    expect(route['spec']).toMatchObject({ hostnames: ['a.example.com'], someFutureField: { x: 1 } });
    // status is a subresource: the main resource ignores it.
    expect(route['status']).toBeUndefined();
  });

  it('restarts the apiserver and etcd on the same ports with the data kept', async () => {
    await cluster.apiserver.stop();
    await cluster.etcd.stop();
    await cluster.startEtcd();
    await cluster.startApiserver();
    const list = await cluster.admin.list('/apis/gateway.networking.k8s.io/v1/namespaces/h1/httproutes');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['r']);
  });
});
