/**
 * Adversarial shapes: the worst cases for an index (header-only discrimination, wildcards,
 * regular expressions) and for the parser (objects at the CRD's maximum sizes).
 */
import type { GeneratedCluster } from './cluster.ts';
import type { Prng } from './prng.ts';
/** N routes on one host and one path, told apart only by the value of one header. */
export declare function headerOnly(routes: number): GeneratedCluster;
/**
 * Routes at the CRD's limits: 16 hostnames, 16 rules with 7 matches each (the total must stay
 * under 128), 16 headers and 16 query params per match, 16 backendRefs per rule.
 */
export declare function maxSize(routes: number): GeneratedCluster;
/** Many wildcard listeners at several depths, and routes with wildcard hostnames under them. */
export declare function wildcards(prng: Prng, domains: number, routesPerDomain: number): GeneratedCluster;
/** RegularExpression path and header matches (bounded RE2 evaluation). */
export declare function regexHeavy(routes: number): GeneratedCluster;
