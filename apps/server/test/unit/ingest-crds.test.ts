/**
 * Live mode learns the Gateway API release and channel from the cluster's CRDs (v1.6 and v1.7
 * side by side): the server watches CRDs as metadata only, keeps only Gateway API ones and only
 * their bundle annotations, and the core reads them as it reads CRDs in pasted YAML.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLive } from '@gatescope/core/analysis/live';
import { ingest, isKept } from '../../src/kube/ingest.ts';
import { WANTED_KINDS, type WatchTarget } from '../../src/kube/kinds.ts';

const wanted = WANTED_KINDS.find((k) => k.kind === 'CustomResourceDefinition');
if (wanted === undefined) throw new Error('CRDs are not watched');
const CRD: WatchTarget = {
  ...wanted,
  version: 'v1',
  resource: 'customresourcedefinitions',
  namespaced: false,
};

function partialCrd(name: string, annotations: Record<string, string>): Record<string, unknown> {
  // What the apiserver answers for Accept: PartialObjectMetadata (no spec, no schemas).
  return {
    apiVersion: 'meta.k8s.io/v1',
    kind: 'PartialObjectMetadata',
    metadata: { name, resourceVersion: '7', uid: 'u', labels: { team: 'x' }, annotations },
  };
}

const BUNDLE = {
  'gateway.networking.k8s.io/bundle-version': 'v1.7.0',
  'gateway.networking.k8s.io/channel': 'standard',
  'meta.helm.sh/release-name': 'gateway-api',
};

describe('CRDs in live mode', () => {
  it('are requested as metadata only and keep only the Gateway API bundle annotations', () => {
    expect(CRD.metadataOnly).toBe(true);
    expect(CRD.optIn).toBeUndefined();
    const out = ingest(CRD, partialCrd('httproutes.gateway.networking.k8s.io', BUNDLE));
    expect(out).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: {
        name: 'httproutes.gateway.networking.k8s.io',
        resourceVersion: '7',
        uid: 'u',
        annotations: {
          'gateway.networking.k8s.io/bundle-version': 'v1.7.0',
          'gateway.networking.k8s.io/channel': 'standard',
        },
      },
    });
  });

  it('keeps Gateway API CRDs (standard and experimental groups) and drops every other CRD', () => {
    expect(isKept(CRD, partialCrd('httproutes.gateway.networking.k8s.io', {}))).toBe(true);
    expect(isKept(CRD, partialCrd('xlistenersets.gateway.networking.x-k8s.io', {}))).toBe(true);
    expect(isKept(CRD, partialCrd('certificates.cert-manager.io', {}))).toBe(false);
    expect(isKept(CRD, partialCrd('gateways.networking.istio.io', {}))).toBe(false);
  });

  it('let the analysis tell a v1.7 standard cluster from a v1.6 one (retry is standard only in v1.7)', () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'r', namespace: 'app' },
      spec: { rules: [{ retry: { attempts: 2 }, backendRefs: [{ name: 's', port: 80 }] }] },
    };
    const crdsAt = (version: string) =>
      ['httproutes', 'gateways', 'gatewayclasses'].map((plural) => ({
        cluster: 'c',
        object: ingest(
          CRD,
          partialCrd(`${plural}.gateway.networking.k8s.io`, {
            'gateway.networking.k8s.io/bundle-version': version,
            'gateway.networking.k8s.io/channel': 'standard',
          }),
        ),
      }));
    const codesAt = (version: string) =>
      analyzeLive([...crdsAt(version), { cluster: 'c', object: route }], []).flatMap((a) =>
        a.diagnostics.map((d) => d.code),
      );
    const experimental = (codes: string[]) => codes.filter((c) => c.startsWith('GS411'));
    expect(experimental(codesAt('v1.6.1'))).toHaveLength(1);
    expect(experimental(codesAt('v1.7.0'))).toEqual([]);
  });
});
