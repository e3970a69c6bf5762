import { describe, expect, it } from 'vitest';
import type { KindStatus } from '@gatescope/core';
import { mergeKinds, rbacRuleFor, rbacRulesForForbidden, syncProgress } from './kinds.ts';

function kind(name: string, state: KindStatus['state'], group = 'gateway.networking.k8s.io'): KindStatus {
  return {
    cluster: 'c',
    group,
    version: 'v1',
    kind: name,
    resource: name === 'GatewayClass' ? 'gatewayclasses' : `${name.toLowerCase()}s`,
    state,
    count: 0,
    restarts: 0,
  };
}

describe('per-kind sync state', () => {
  it('counts progress over the kinds that can sync', () => {
    const p = syncProgress([
      kind('Gateway', 'synced'),
      kind('HTTPRoute', 'syncing'),
      kind('Secret', 'forbidden', ''),
      kind('TCPRoute', 'absent'),
    ]);
    expect(p).toEqual({ synced: 1, total: 2, forbidden: 1, degraded: 0, done: false });
    expect(syncProgress([kind('Gateway', 'synced'), kind('HTTPRoute', 'degraded')]).done).toBe(true);
  });

  it('merges status updates by cluster, group and kind', () => {
    const merged = mergeKinds(
      [kind('Gateway', 'syncing'), kind('HTTPRoute', 'syncing')],
      [kind('Gateway', 'synced')],
    );
    expect(merged.map((k) => `${k.kind}:${k.state}`)).toEqual(['Gateway:synced', 'HTTPRoute:syncing']);
  });

  it('suggests a read-only RBAC rule for a forbidden kind', () => {
    const rule = rbacRuleFor(kind('HTTPRoute', 'forbidden'));
    expect(rule).toContain('apiGroups: ["gateway.networking.k8s.io"]');
    expect(rule).toContain('resources: ["httproutes"]');
    expect(rule).toContain('verbs: ["get", "list", "watch"]');
  });

  it('combines every forbidden kind into one rule per API group', () => {
    const rules = rbacRulesForForbidden([
      kind('HTTPRoute', 'forbidden'),
      kind('GatewayClass', 'forbidden'),
      kind('Gateway', 'synced'),
      kind('Service', 'forbidden', ''),
    ]);
    expect(rules).toBe(
      [
        '- apiGroups: [""]',
        '  resources: ["services"]',
        '  verbs: ["get", "list", "watch"]',
        '- apiGroups: ["gateway.networking.k8s.io"]',
        '  resources: ["gatewayclasses", "httproutes"]',
        '  verbs: ["get", "list", "watch"]',
      ].join('\n'),
    );
  });
});
