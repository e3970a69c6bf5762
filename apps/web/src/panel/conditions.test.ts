import { describe, expect, it } from 'vitest';
import type { Condition } from '@gatescope/core';
import { EngineState } from '../engine/state.ts';
import { conditionSections, lineUp } from './conditions.ts';

function c(type: string, status: Condition['status'], reason: string): Condition {
  return { type, status, reason, message: '' };
}

describe('observed vs predicted conditions', () => {
  it('lines conditions up by type and marks rows where the controller disagrees', () => {
    const rows = lineUp(
      [
        c('Accepted', 'True', 'Accepted'),
        c('ResolvedRefs', 'True', 'ResolvedRefs'),
        c('Vendor', 'True', 'X'),
      ],
      [c('Accepted', 'True', 'Accepted'), c('ResolvedRefs', 'False', 'RefNotPermitted')],
    );
    expect(rows.map((r) => [r.type, r.differs])).toEqual([
      ['Accepted', false],
      ['ResolvedRefs', true],
      ['Vendor', false],
    ]);
    expect(rows[2]?.predicted).toBeUndefined();
  });

  it('shows predicted only when there is no observed status', () => {
    const rows = lineUp(undefined, [c('Accepted', 'False', 'NoMatchingListenerHostname')]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.observed).toBeUndefined();
    expect(rows[0]?.differs).toBe(false);
  });
});

const POLICY_YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/c }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: app }
spec:
  gatewayClassName: gc
  listeners: [{ name: web, port: 80, protocol: HTTP }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRefs: [{ name: gw }]
  rules: [{ backendRefs: [{ name: api, port: 443 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: app }
spec: { ports: [{ port: 443 }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: { name: tls, namespace: app }
spec:
  targetRefs: [{ group: "", kind: Service, name: api }]
  validation: { wellKnownCACertificates: System, hostname: api.example.com }
status:
  ancestors:
    - ancestorRef: { group: gateway.networking.k8s.io, kind: Gateway, namespace: app, name: gw }
      controllerName: example.com/c
      conditions:
        - { type: Accepted, status: "False", reason: NoValidCACertificate, message: "" }
    - ancestorRef: { group: gateway.networking.k8s.io, kind: Gateway, namespace: app, name: old }
      controllerName: example.com/c
      conditions:
        - { type: Accepted, status: "True", reason: Accepted, message: "" }
`;

describe('BackendTLSPolicy conditions', () => {
  it('shows one section per ancestor, predicted against the observed ancestor status', () => {
    const state = new EngineState();
    state.apply({ type: 'yaml', files: [{ name: 'p.yaml', text: POLICY_YAML }] });
    const result = state.compute();
    const node = result.topology.nodes.find((n) => n.realKind === 'BackendTLSPolicy');
    if (node === undefined) throw new Error('no policy node');
    const sections = conditionSections(node, result.analysis);
    expect(sections.map((s) => [s.title, s.hasObserved])).toEqual([
      ['ancestor Gateway app/gw', true],
      ['ancestor Gateway app/old (example.com/c)', true],
    ]);
    const accepted = sections[0]?.rows.find((r) => r.type === 'Accepted');
    expect(accepted?.observed?.reason).toBe('NoValidCACertificate');
    expect(accepted?.predicted?.status).toBe('True');
    expect(accepted?.differs).toBe(true);
  });

  it('says when no Gateway uses the policy targets', () => {
    const state = new EngineState();
    const unused = POLICY_YAML.replace('name: api, port: 443', 'name: other, port: 443');
    state.apply({
      type: 'yaml',
      files: [{ name: 'p.yaml', text: unused.slice(0, unused.indexOf('status:')) }],
    });
    const result = state.compute();
    const node = result.topology.nodes.find((n) => n.realKind === 'BackendTLSPolicy');
    if (node === undefined) throw new Error('no policy node');
    const sections = conditionSections(node, result.analysis);
    expect(sections).toHaveLength(1);
    expect(sections[0]?.title).toContain('no ancestor');
    expect(sections[0]?.rows.length).toBeGreaterThan(0);
  });
});
