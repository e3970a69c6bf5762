/**
 * Upstream tests that change objects over time, transcribed as steps: analyze the manifests,
 * then apply the test's patch with applyWatchEvent (generation bumped as the API server does)
 * and check the predicted status again. GatewayClassSupportedVersionCondition edits the
 * GatewayClass CRD, which the suite does not ship as a manifest: our own minimal CRD stands in.
 */
import { CLASS } from './harness.ts';
import type { ConformanceCase, Expectation, Version } from './table-types.ts';
import { INFRA, T, VERSIONS, gatewayAndRoutesAccepted } from './table-types.ts';

type Raw = Record<string, unknown>;

function spec(raw: Raw): Raw {
  return raw['spec'] as Raw;
}

function listeners(raw: Raw): Raw[] {
  return spec(raw)['listeners'] as Raw[];
}

const LISTENER_UP = [T('Accepted'), T('ResolvedRefs')];

function listener(name: string, attachedRoutes: number) {
  return { name, supportedKinds: ['HTTPRoute'], conditions: LISTENER_UP, attachedRoutes };
}

function latestGateway(name: string): Expectation {
  return { what: 'gateway', name, latestGeneration: true };
}

const CRD_NAME = 'gatewayclasses.gateway.networking.k8s.io';
const BUNDLE = 'gateway.networking.k8s.io/bundle-version';
const gatewayClassCRD = (version: Version): string => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${CRD_NAME}
  annotations:
    ${BUNDLE}: ${version}
spec:
  group: gateway.networking.k8s.io
  names: {kind: GatewayClass, plural: gatewayclasses}
  scope: Cluster
`;

function annotations(raw: Raw): Record<string, string> {
  const meta = raw['metadata'] as Raw;
  meta['annotations'] ??= {};
  return meta['annotations'] as Record<string, string>;
}

const crd = { kind: 'CustomResourceDefinition', name: CRD_NAME, namespace: '' };
const supportedVersion = (status: 'True' | 'False'): Expectation => ({
  what: 'gatewayClass',
  name: CLASS,
  conditions: [T('Accepted'), { type: 'SupportedVersion', status }],
});

export const STEP_CASES: readonly ConformanceCase[] = [
  {
    test: 'GatewayModifyListeners',
    manifests: ['gateway-modify-listeners.yaml'],
    source: 'conformance/tests/gateway-modify-listeners.go',
    expectations: [latestGateway('gateway-add-listener'), latestGateway('gateway-remove-listener')],
    steps: [
      {
        change: 'add listener http (port 80, hostname data.test.com, from All) to gateway-add-listener',
        object: { kind: 'Gateway', name: 'gateway-add-listener' },
        mutate: (raw) => {
          listeners(raw).push({
            name: 'http',
            port: 80,
            protocol: 'HTTP',
            hostname: 'data.test.com',
            allowedRoutes: { namespaces: { from: 'All' } },
          });
        },
        expectations: [
          {
            what: 'gateway',
            name: 'gateway-add-listener',
            listeners: [listener('https', 1), listener('http', 1)],
            latestGeneration: true,
          },
        ],
      },
      {
        change: 'remove listener https from gateway-remove-listener',
        object: { kind: 'Gateway', name: 'gateway-remove-listener' },
        mutate: (raw) => {
          spec(raw)['listeners'] = listeners(raw).filter((l) => l['name'] === 'http');
        },
        expectations: [
          {
            what: 'gateway',
            name: 'gateway-remove-listener',
            listeners: [listener('http', 1)],
            latestGeneration: true,
          },
        ],
      },
    ],
  },
  {
    test: 'GatewayObservedGenerationBump',
    manifests: ['gateway-observed-generation-bump.yaml'],
    source: 'conformance/tests/gateway-observed-generation-bump.go',
    expectations: [latestGateway('gateway-observed-generation-bump')],
    steps: [
      {
        change: 'add listener alternate (port 80, hostname foo.com, from All)',
        object: { kind: 'Gateway', name: 'gateway-observed-generation-bump' },
        mutate: (raw) => {
          listeners(raw).push({
            name: 'alternate',
            hostname: 'foo.com',
            port: 80,
            protocol: 'HTTP',
            allowedRoutes: { namespaces: { from: 'All' } },
          });
        },
        expectations: [latestGateway('gateway-observed-generation-bump')],
      },
    ],
  },
  {
    test: 'HTTPRouteObservedGenerationBump',
    manifests: ['httproute-observed-generation-bump.yaml'],
    source: 'conformance/tests/httproute-observed-generation-bump.go',
    expectations: [
      ...gatewayAndRoutesAccepted('same-namespace', ['observed-generation-bump']),
      { what: 'route', name: 'observed-generation-bump', latestGeneration: true },
    ],
    steps: [
      {
        change: 'spec.rules[0].backendRefs[0].name = infra-backend-v2',
        object: { kind: 'HTTPRoute', name: 'observed-generation-bump' },
        mutate: (raw) => {
          const rules = spec(raw)['rules'] as Raw[];
          const refs = rules[0]?.['backendRefs'] as Raw[];
          (refs[0] as Raw)['name'] = 'infra-backend-v2';
        },
        expectations: [
          {
            what: 'route',
            name: 'observed-generation-bump',
            namespace: INFRA,
            parent: { name: 'same-namespace' },
            conditions: [T('Accepted')],
            latestGeneration: true,
          },
        ],
      },
    ],
  },
  ...VERSIONS.map(supportedVersionCase),
];

/** The suite sets the bundle version it was built for: v1.6.1 or v1.7.0 (both supported). */
function supportedVersionCase(version: Version): ConformanceCase {
  return {
    test: 'GatewayClassSupportedVersionCondition',
    versions: [version],
    manifests: [],
    inline: gatewayClassCRD(version),
    source:
      'conformance/tests/gatewayclass-supported-version-condition.go (the GatewayClass CRD is our own stub carrying the bundle-version annotation)',
    expectations: [supportedVersion('True')],
    steps: [
      {
        change: `remove the ${BUNDLE} annotation from the GatewayClass CRD`,
        object: crd,
        mutate: (raw) => {
          delete annotations(raw)[BUNDLE];
        },
        expectations: [supportedVersion('False')],
      },
      {
        change: `set ${BUNDLE}: ${version}`,
        object: crd,
        mutate: (raw) => {
          annotations(raw)[BUNDLE] = version;
        },
        expectations: [supportedVersion('True')],
      },
      {
        change: `set ${BUNDLE}: v0.0.0`,
        object: crd,
        mutate: (raw) => {
          annotations(raw)[BUNDLE] = 'v0.0.0';
        },
        expectations: [supportedVersion('False')],
      },
      {
        change: `set ${BUNDLE}: ${version} again`,
        object: crd,
        mutate: (raw) => {
          annotations(raw)[BUNDLE] = version;
        },
        expectations: [supportedVersion('True')],
      },
    ],
  };
}
