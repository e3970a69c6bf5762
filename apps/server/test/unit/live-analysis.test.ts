import { describe, expect, it } from 'vitest';
import type { WireObject } from '@gatescope/core/wire';
import { analyzeLive, healthOf } from '../../src/analysis/live-analysis.ts';

const gatewayClass = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'GatewayClass',
  metadata: { name: 'shared' },
  spec: { controllerName: 'example.com/gateway' },
};

function gateway(port: number): Record<string, unknown> {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'edge', namespace: 'infra' },
    spec: { gatewayClassName: 'shared', listeners: [{ name: 'http', port, protocol: 'HTTP' }] },
  };
}

function inCluster(cluster: string, ...objects: Record<string, unknown>[]): WireObject[] {
  return objects.map((object) => ({ cluster, object }));
}

describe('analyzeLive', () => {
  it('analyses each kube context apart, so same-named objects never collide', () => {
    const objects = [
      ...inCluster('east', gatewayClass, gateway(80)),
      ...inCluster('west', gatewayClass, gateway(8080)),
    ];
    const analyses = analyzeLive(objects, []);
    expect(analyses).toHaveLength(2);
    const ports = analyses.flatMap((a) => a.listeners.map((l) => l.port)).sort((a, b) => a - b);
    expect(ports).toEqual([80, 8080]);
    expect(healthOf(analyses).gateways).toEqual({ programmed: 2, notProgrammed: 0 });
  });

  it('keeps a single source in one analysis with cluster-less keys', () => {
    const analyses = analyzeLive(inCluster('only', gatewayClass, gateway(80)), []);
    expect(analyses).toHaveLength(1);
    expect([...analyses[0]!.predicted.keys()]).toContain('Gateway.gateway.networking.k8s.io/infra/edge');
  });
});
