import { describe, expect, it } from 'vitest';
import { findGrant } from '../../src/analysis/grants.ts';
import type { ObjectKey } from '../../src/model/identity.ts';
import type { ReferenceGrant } from '../../src/model/types.ts';

function grant(ns: string, from: ReferenceGrant['from'], to: ReferenceGrant['to']): ReferenceGrant {
  return {
    kind: 'ReferenceGrant',
    key: `ReferenceGrant.gateway.networking.k8s.io/${ns}/g` as ObjectKey,
    ref: { group: 'gateway.networking.k8s.io', kind: 'ReferenceGrant', namespace: ns, name: 'g' },
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    meta: { name: 'g', namespace: ns, labels: {}, annotations: {}, cluster: '' },
    order: 0,
    raw: {},
    from,
    to,
  };
}

const query = {
  fromGroup: 'gateway.networking.k8s.io',
  fromKind: 'HTTPRoute',
  fromNamespace: 'app',
  toGroup: '',
  toKind: 'Service',
  toNamespace: 'backend',
  toName: 'svc',
};

describe('findGrant', () => {
  const from = [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'app' }];
  it('permits by name, or every object of the kind when name is absent', () => {
    expect(
      findGrant([grant('backend', from, [{ group: '', kind: 'Service', name: 'svc' }])], query),
    ).not.toBeNull();
    expect(findGrant([grant('backend', from, [{ group: '', kind: 'Service' }])], query)).not.toBeNull();
  });
  it('denies another name, another kind, another source namespace or a grant in the wrong namespace', () => {
    expect(
      findGrant([grant('backend', from, [{ group: '', kind: 'Service', name: 'other' }])], query),
    ).toBeNull();
    expect(
      findGrant(
        [grant('backend', [{ ...from[0]!, kind: 'GRPCRoute' }], [{ group: '', kind: 'Service' }])],
        query,
      ),
    ).toBeNull();
    expect(
      findGrant(
        [grant('backend', [{ ...from[0]!, namespace: 'elsewhere' }], [{ group: '', kind: 'Service' }])],
        query,
      ),
    ).toBeNull();
    expect(findGrant([grant('app', from, [{ group: '', kind: 'Service' }])], query)).toBeNull();
  });
});
