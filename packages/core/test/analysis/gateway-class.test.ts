/** GatewayClass SupportedVersion: predicted only when the input carries Gateway API CRDs. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadManifests } from '../../src/model/load.ts';

const GC = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
`;

function crd(name: string, version?: string): string {
  const annotations = version === undefined ? '{}' : `{gateway.networking.k8s.io/bundle-version: ${version}}`;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${name}, annotations: ${annotations}}
spec: {group: example, names: {kind: X, plural: xs}, scope: Namespaced}
`;
}

function supportedVersion(...docs: string[]): string | undefined {
  const a = analyze(loadManifests([{ name: 'in.yaml', text: [GC, ...docs].join('---\n') }]).snapshot);
  const s = [...a.predicted.values()].find((x) => x.kind === 'GatewayClass');
  if (s?.kind !== 'GatewayClass') throw new Error('no GatewayClass status');
  expect(s.conditions[0]).toMatchObject({ type: 'Accepted', status: 'True' });
  const c = s.conditions.find((x) => x.type === 'SupportedVersion');
  return c === undefined ? undefined : `${c.status}/${c.reason}`;
}

describe('GatewayClass SupportedVersion', () => {
  it('is not invented when no Gateway API CRD is in the input', () => {
    expect(supportedVersion()).toBeUndefined();
    expect(supportedVersion(crd('widgets.example.com', 'v0.0.1'))).toBeUndefined();
  });

  it('is True when every Gateway API CRD carries a v1.6 bundle version', () => {
    expect(
      supportedVersion(
        crd('gateways.gateway.networking.k8s.io', 'v1.6.1'),
        crd('xlistenersets.gateway.networking.x-k8s.io', 'v1.6.0'),
      ),
    ).toBe('True/SupportedVersion');
  });

  it('is True for a v1.7 bundle too, False when v1.6 and v1.7 CRDs are mixed', () => {
    expect(
      supportedVersion(
        crd('gateways.gateway.networking.k8s.io', 'v1.7.0'),
        crd('tcproutes.gateway.networking.k8s.io', 'v1.7.0'),
      ),
    ).toBe('True/SupportedVersion');
    expect(
      supportedVersion(
        crd('gateways.gateway.networking.k8s.io', 'v1.7.0'),
        crd('httproutes.gateway.networking.k8s.io', 'v1.6.1'),
      ),
    ).toBe('False/UnsupportedVersion');
  });

  it('is False when one lacks the annotation or names another version', () => {
    expect(supportedVersion(crd('gatewayclasses.gateway.networking.k8s.io'))).toBe(
      'False/UnsupportedVersion',
    );
    expect(
      supportedVersion(
        crd('gateways.gateway.networking.k8s.io', 'v1.6.1'),
        crd('httproutes.gateway.networking.k8s.io', 'v1.5.0'),
      ),
    ).toBe('False/UnsupportedVersion');
    expect(supportedVersion(crd('gatewayclasses.gateway.networking.k8s.io', 'garbage'))).toBe(
      'False/UnsupportedVersion',
    );
  });
});
