/** Test helpers: YAML → loadManifests → analyze → compileRouteTables. */
import { analyze } from '../../src/analysis/analyze.ts';
import { compileRouteTables } from '../../src/matching/tables.ts';
import type { RouteTables } from '../../src/matching/tables.ts';
import { loadManifests } from '../../src/model/load.ts';

/** A GatewayClass, a Gateway `gw/web` with one HTTP listener on port 80, and Services. */
export const BASE = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gateway }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: gw }
spec:
  gatewayClassName: gc
  listeners:
  - { name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }
`;

export function services(namespace: string, ...names: string[]): string {
  return servicesOnPort(namespace, 8080, ...names);
}

export function servicesOnPort(namespace: string, port: number, ...names: string[]): string {
  return names
    .map(
      (name) => `
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${namespace} }
spec: { ports: [{ port: ${port} }] }`,
    )
    .join('');
}

export function tablesOf(...docs: string[]): RouteTables {
  const loaded = loadManifests(docs.map((text, i) => ({ name: `doc${i}.yaml`, text })));
  return compileRouteTables(analyze(loaded.snapshot));
}
