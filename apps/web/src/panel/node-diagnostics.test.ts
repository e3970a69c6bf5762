import { describe, expect, it } from 'vitest';
import { EngineState } from '../engine/state.ts';
import { diagnosticsFor } from './node-diagnostics.ts';

const YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/c }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: infra }
spec:
  gatewayClassName: gc
  listeners:
    - { name: web, port: 80, protocol: HTTP }
    - { name: tcp, port: 80, protocol: TCP }
    - { name: other, port: 81, protocol: HTTP }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: infra }
spec:
  parentRefs: [{ name: gw }]
  rules:
    - backendRefs: [{ name: present, port: 80 }]
    - backendRefs: [{ name: missing, port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: present, namespace: infra }
spec: { ports: [{ port: 80 }] }
`;

describe('diagnosticsFor', () => {
  const state = new EngineState();
  state.apply({ type: 'yaml', files: [{ name: 'a.yaml', text: YAML }] });
  const { analysis, topology } = state.compute();
  const node = (id: string) => {
    const found = topology.nodes.find((n) => n.id === id);
    if (found === undefined) throw new Error(`no node ${id}`);
    return found;
  };

  it('narrows a rule to the diagnostics at its own spec.rules[i]', () => {
    expect(diagnosticsFor(node('Rule/infra/HTTPRoute/r/0'), analysis)).toEqual([]);
    const second = diagnosticsFor(node('Rule/infra/HTTPRoute/r/1'), analysis);
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((d) => d.field?.startsWith('spec.rules[1]'))).toBe(true);
  });

  it('narrows a listener to the diagnostics at its own spec.listeners[i]', () => {
    expect(diagnosticsFor(node('Listener/infra/gw/web'), analysis).length).toBeGreaterThan(0);
    expect(diagnosticsFor(node('Listener/infra/gw/other'), analysis)).toEqual([]);
  });
});
