/** Test helpers: YAML → loadManifests → analyze → compileRouteTables. */
import { analyze } from '../../src/analysis/analyze.ts';
import { compileRouteTables } from '../../src/matching/tables.ts';
import type { RouteTables } from '../../src/matching/tables.ts';
import { loadManifests } from '../../src/model/load.ts';

const ALL = '{ namespaces: { from: All } }';

/**
 * A GatewayClass `gc` and a Gateway `gw/web` with the given listeners, each a YAML flow mapping
 * without allowedRoutes (every listener admits routes from all namespaces).
 */
export function classAndGateway(...listeners: string[]): string {
  const items = listeners.map((l) => `  - ${l.replace(/ }$/, `, allowedRoutes: ${ALL} }`)}`);
  return `
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
${items.join('\n')}
`;
}

/** The class, a Gateway `gw/web` with one HTTP listener on port 80; add Services and routes. */
export const BASE = classAndGateway('{ name: http, port: 80, protocol: HTTP }');

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
