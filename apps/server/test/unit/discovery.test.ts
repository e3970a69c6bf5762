import { describe, expect, it } from 'vitest';
import { discover } from '../../src/kube/discovery.ts';
import type { KubeHttp } from '../../src/kube/http.ts';
import { compareVersionPriority } from '../../src/kube/versions.ts';

/** A fake apiserver discovery tree: path → JSON. */
function fakeHttp(tree: Record<string, unknown>): KubeHttp {
  return {
    getJson: async (path: string) => {
      if (!(path in tree)) throw Object.assign(new Error(`404 ${path}`), { status: 404 });
      return tree[path];
    },
  } as unknown as KubeHttp;
}

const GW = 'gateway.networking.k8s.io';
const resource = (name: string, kind: string) => ({
  name,
  kind,
  namespaced: true,
  verbs: ['get', 'list', 'watch'],
});

describe('version priority', () => {
  it('orders GA > beta > alpha, higher numbers first', () => {
    const sorted = ['v1alpha1', 'v1beta1', 'v2', 'v1', 'v1alpha2', 'v1beta2', 'weird'].sort(
      compareVersionPriority,
    );
    expect(sorted).toEqual(['v2', 'v1', 'v1beta2', 'v1beta1', 'v1alpha2', 'v1alpha1', 'weird']);
  });
});

describe('discover', () => {
  const base = {
    '/api': { versions: ['v1'] },
    '/api/v1': {
      resources: [
        resource('services', 'Service'),
        resource('services/status', 'Service'),
        { ...resource('namespaces', 'Namespace'), namespaced: false },
      ],
    },
  };

  it('takes the preferred version when it serves the kind, else the best version that does', async () => {
    const http = fakeHttp({
      ...base,
      '/apis': {
        groups: [
          {
            name: GW,
            versions: [{ version: 'v1' }, { version: 'v1alpha2' }],
            preferredVersion: { version: 'v1' },
          },
        ],
      },
      [`/apis/${GW}/v1`]: {
        resources: [resource('httproutes', 'HTTPRoute'), resource('tcproutes', 'TCPRoute')],
      },
      [`/apis/${GW}/v1alpha2`]: {
        resources: [resource('tcproutes', 'TCPRoute'), resource('udproutes', 'UDPRoute')],
      },
    });
    const { targets } = await discover(http);
    expect(targets.get(`${GW}/TCPRoute`)).toMatchObject({ version: 'v1', resource: 'tcproutes' });
    expect(targets.get(`${GW}/UDPRoute`)).toMatchObject({ version: 'v1alpha2' });
    expect(targets.get(`${GW}/HTTPRoute`)).toMatchObject({ version: 'v1' });
    expect(targets.get('/Namespace')).toMatchObject({ version: 'v1', namespaced: false });
    expect(targets.get('/Secret')).toBeUndefined();
    expect(targets.has(`${GW}/GRPCRoute`)).toBe(false);
  });

  it('skips a group version whose discovery fails and kinds that cannot be watched', async () => {
    const http = fakeHttp({
      ...base,
      '/apis': {
        groups: [
          {
            name: 'multicluster.x-k8s.io',
            versions: [{ version: 'v1beta1' }, { version: 'v1alpha1' }],
            preferredVersion: { version: 'v1beta1' },
          },
        ],
      },
      '/apis/multicluster.x-k8s.io/v1alpha1': {
        resources: [
          resource('serviceimports', 'ServiceImport'),
          { ...resource('serviceexports', 'ServiceExport'), verbs: ['get'] },
        ],
      },
    });
    const { targets } = await discover(http);
    expect(targets.get('multicluster.x-k8s.io/ServiceImport')).toMatchObject({ version: 'v1alpha1' });
    expect(targets.has('multicluster.x-k8s.io/ServiceExport')).toBe(false);
  });

  it('throws when the cluster cannot be reached at all', async () => {
    await expect(discover(fakeHttp({}))).rejects.toThrow();
  });
});
