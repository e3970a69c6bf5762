/**
 * Gateway and GatewayClass tests new in v1.7.0 (kubernetes-sigs/gateway-api
 * conformance/tests/<name>.go). Tests that change objects over time are steps, as in
 * table-steps.ts.
 */
import type { Cond, ConformanceCase, Expectation } from './table-types.ts';
import { F, T } from './table-types.ts';

const V17 = ['v1.7.0'] as const;
type Raw = Record<string, unknown>;

const latest = (name: string, conditions: readonly Cond[] = []): Expectation => ({
  what: 'gateway',
  name,
  latestGeneration: true,
  conditions,
});

/** Upstream StaleConditionType: a condition type no Gateway API controller owns (our stand-in). */
const FOREIGN_TYPE = 'example.net/Seeded';
const seeded = (observedGeneration: number) => ({
  type: FOREIGN_TYPE,
  status: 'True',
  reason: 'Seeded',
  message: '',
  observedGeneration,
  lastTransitionTime: '2030-01-01T00:00:00Z',
});

export const GATEWAY_V17_CASES: readonly ConformanceCase[] = [
  {
    test: 'GatewayNameMaximumLength',
    versions: V17,
    manifests: ['gateway-name-maximum-length.yaml'],
    source: 'conformance/tests/gateway-name-maximum-length.go',
    expectations: [
      latest(`gateway-name-maximum-length-${'a'.repeat(253 - 'gateway-name-maximum-length-'.length)}`),
    ],
  },
  {
    test: 'GatewayInfrastructure',
    versions: V17,
    manifests: ['gateway-infrastructure.yaml'],
    source:
      'conformance/tests/gateway-infrastructure.go (status part; the label/annotation propagation is on generated objects)',
    expectations: [latest('gateway-with-infrastructure-metadata', [T('Accepted')])],
  },
  {
    test: 'GatewayOptionalAddressValue',
    versions: V17,
    manifests: ['gateway-optional-address-value.yaml'],
    source:
      'conformance/tests/gateway-optional-address-value.go (GatewayMustHaveLatestConditions; the address the implementation assigns is not predictable offline)',
    expectations: [latest('gateway-without-address-value')],
  },
  {
    test: 'GatewayStaticAddresses',
    versions: V17,
    manifests: ['gateway-static-addresses.yaml'],
    source:
      'conformance/tests/gateway-static-addresses.go (PLACEHOLDER_* values stay as written: the suite substitutes addresses of its network)',
    expectations: [
      latest('gateway-static-addresses'),
      {
        what: 'gateway',
        name: 'gateway-static-addresses',
        conditions: [F('Accepted', 'UnsupportedAddress')],
      },
    ],
    knownGaps: {
      1: 'A domain-prefixed address type is implementation-specific: the real implementation may support it, so the engine does not predict UnsupportedAddress (precision over this expectation).',
    },
    steps: [
      {
        change: 'remove the address of type test/fake-invalid-type',
        object: { kind: 'Gateway', name: 'gateway-static-addresses' },
        mutate: (raw) => {
          const spec = raw['spec'] as Raw;
          spec['addresses'] = (spec['addresses'] as Raw[]).filter(
            (a) => a['type'] !== 'test/fake-invalid-type',
          );
        },
        expectations: [
          latest('gateway-static-addresses', [T('Accepted', 'Accepted')]),
          {
            what: 'gateway',
            name: 'gateway-static-addresses',
            conditions: [F('Programmed', 'AddressNotUsable')],
          },
        ],
        knownGaps: {
          1: 'Which static address the network can use is not knowable offline (the suite is told by the implementation); the engine predicts Programmed=True.',
        },
      },
      {
        change: 'remove the unusable address',
        object: { kind: 'Gateway', name: 'gateway-static-addresses' },
        mutate: (raw) => {
          const spec = raw['spec'] as Raw;
          spec['addresses'] = (spec['addresses'] as Raw[]).filter(
            (a) => a['value'] !== 'PLACEHOLDER_UNUSABLE_ADDRS',
          );
        },
        expectations: [
          latest('gateway-static-addresses', [T('Accepted', 'Accepted'), T('Programmed', 'Programmed')]),
          {
            what: 'gateway',
            name: 'gateway-static-addresses',
            listeners: [
              {
                name: 'http',
                supportedKinds: ['HTTPRoute'],
                conditions: [T('Accepted'), T('ResolvedRefs')],
                attachedRoutes: 0,
              },
            ],
          },
        ],
      },
    ],
  },
  {
    test: 'GatewayPreserveForeignConditions',
    versions: V17,
    manifests: ['gateway-preserve-foreign-conditions.yaml'],
    source:
      'conformance/tests/gateway-preserve-foreign-conditions.go (StaleConditionType is our stand-in; our own conditions are seeded as the controller wrote them)',
    expectations: [latest('gateway-preserve-foreign-conditions')],
    steps: [
      {
        change:
          'seed a foreign condition on the Gateway and on listener http, then set listeners[0].hostname',
        object: { kind: 'Gateway', name: 'gateway-preserve-foreign-conditions' },
        mutate: (raw) => {
          const own = (type: string, reason: string) => ({
            type,
            status: 'True',
            reason,
            message: '',
            observedGeneration: 1,
            lastTransitionTime: '2030-01-01T00:00:00Z',
          });
          raw['status'] = {
            conditions: [own('Accepted', 'Accepted'), own('Programmed', 'Programmed'), seeded(1)],
            listeners: [
              {
                name: 'http',
                attachedRoutes: 0,
                supportedKinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }],
                conditions: [
                  own('Accepted', 'Accepted'),
                  own('Programmed', 'Programmed'),
                  own('ResolvedRefs', 'ResolvedRefs'),
                  seeded(1),
                ],
              },
            ],
          };
          (((raw['spec'] as Raw)['listeners'] as Raw[])[0] as Raw)['hostname'] = 'second.example.com';
        },
        expectations: [
          {
            what: 'gateway',
            name: 'gateway-preserve-foreign-conditions',
            latestGeneration: true,
            foreignConditions: [
              { type: FOREIGN_TYPE, reason: 'Seeded', observedGeneration: 1 },
              { type: FOREIGN_TYPE, reason: 'Seeded', observedGeneration: 1, listener: 'http' },
            ],
            agreesWithObserved: true,
          },
        ],
      },
    ],
  },
  {
    test: 'GatewayClassObservedGenerationBump',
    versions: V17,
    manifests: ['gatewayclass-observed-generation-bump.yaml'],
    source: 'conformance/tests/gatewayclass-observed-generation-bump.go',
    expectations: [
      {
        what: 'gatewayClass',
        name: 'gatewayclass-observed-generation-bump',
        conditions: [T('Accepted')],
        latestGeneration: true,
      },
    ],
    steps: [
      {
        change: 'spec.description = new',
        object: { kind: 'GatewayClass', name: 'gatewayclass-observed-generation-bump' },
        mutate: (raw) => {
          (raw['spec'] as Raw)['description'] = 'new';
        },
        expectations: [
          {
            what: 'gatewayClass',
            name: 'gatewayclass-observed-generation-bump',
            conditions: [T('Accepted')],
            latestGeneration: true,
          },
        ],
      },
    ],
  },
];
