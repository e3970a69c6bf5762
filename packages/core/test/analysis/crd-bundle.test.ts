/**
 * The release and channel come from the input's Gateway API CRDs: retry is experimental in v1.6
 * and standard in v1.7, so the channel check flags it only against v1.6 standard CRDs.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { AnalyzeOptions } from '../../src/analysis/context.ts';
import { crdBundle } from '../../src/analysis/crd-bundle.ts';
import { loadManifests } from '../../src/model/load.ts';

function crd(name: string, version: string, channel: string): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${name}
  annotations: {gateway.networking.k8s.io/bundle-version: ${version}, gateway.networking.k8s.io/channel: ${channel}}
spec: {group: gateway.networking.k8s.io, names: {kind: X, plural: xs}, scope: Namespaced}
`;
}

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  rules:
    - retry: {attempts: 2, codes: [503]}
      sessionPersistence: {sessionName: s, type: Cookie}
      backendRefs: [{name: svc, port: 80}]
`;

function channelFields(docs: string[], options: AnalyzeOptions = {}): string[] {
  const { snapshot } = loadManifests([{ name: 'in.yaml', text: [...docs, ROUTE].join('---\n') }]);
  return analyze(snapshot, options)
    .diagnostics.filter((d) => d.code.endsWith('-ExperimentalFieldOnStandardChannel'))
    .map((d) => /uses ([^\s,]+)/.exec(d.message)?.[1] ?? d.message)
    .sort();
}

describe('CRD bundle: release and channel of the input', () => {
  const v16 = [crd('httproutes.gateway.networking.k8s.io', 'v1.6.1', 'standard')];
  const v17 = [crd('httproutes.gateway.networking.k8s.io', 'v1.7.0', 'standard')];

  it('reads major.minor and channel from the annotations', () => {
    const objects = (docs: string[]) =>
      loadManifests([{ name: 'x', text: docs.join('---\n') }]).snapshot.objects;
    expect(crdBundle(objects(v17))).toEqual({ version: '1.7', channel: 'standard' });
    expect(
      crdBundle(objects([...v16, crd('grpcroutes.gateway.networking.k8s.io', 'v1.6.1', 'experimental')])),
    ).toEqual({
      version: '1.6',
      channel: 'experimental',
    });
    expect(crdBundle(objects([...v16, ...v17.map((d) => d.replace('httproutes', 'gateways'))]))).toEqual({
      channel: 'standard',
    });
    expect(crdBundle(objects([]))).toEqual({});
  });

  it('flags retry on v1.6 standard CRDs, not on v1.7 ones (sessionPersistence stays experimental)', () => {
    expect(channelFields(v16)).toEqual(['spec.rules[0].retry', 'spec.rules[0].sessionPersistence']);
    expect(channelFields(v17)).toEqual(['spec.rules[0].sessionPersistence']);
  });

  it('takes the channel from the CRDs unless the caller says otherwise', () => {
    expect(channelFields([crd('httproutes.gateway.networking.k8s.io', 'v1.7.0', 'experimental')])).toEqual(
      [],
    );
    expect(channelFields(v17, { channel: 'experimental' })).toEqual([]);
    // No CRDs: only an explicit standard channel enables the check, with the v1.6 field list.
    expect(channelFields([])).toEqual([]);
    expect(channelFields([], { channel: 'standard' })).toEqual([
      'spec.rules[0].retry',
      'spec.rules[0].sessionPersistence',
    ]);
  });
});
