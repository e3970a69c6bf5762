/**
 * Realistic cluster shapes. Sizes are parameters so the smoke test can run every preset tiny;
 * the defaults are the sizes named in DESIGN.md's performance section.
 */
import type { GeneratedCluster } from './cluster.ts';
import type { Prng } from './prng.ts';
/**
 * Envoy Gateway's scale test shape (test/benchmark): one Gateway, N HTTPRoutes on one host,
 * each a single PathPrefix rule to the same backend.
 */
export declare function envoyScale(routes: number): GeneratedCluster;
/** Teams sharing one Gateway by namespace label: N namespaces × M routes, services, a few faults. */
export declare function teams(prng: Prng, namespaces: number, routesPerNs: number): GeneratedCluster;
/** Tenants bringing their own listeners through ListenerSets attached to one edge Gateway. */
export declare function listenerSets(tenants: number, routesPerTenant: number): GeneratedCluster;
/** Very large cluster: N namespaces, each with one Service and M routes, over 10 Gateways. */
export declare function huge(namespaces: number, routesPerNs: number): GeneratedCluster;
