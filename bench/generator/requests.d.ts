/**
 * Requests with a known mix: hits (a probe of one route), 404s (a gateway host with a path no
 * route has, or a host no listener or route claims), and header-only discrimination (a probe
 * whose route differs from its neighbours only by a header value). Request JSON follows the
 * CLI's simulate contract in DESIGN.md.
 */
import type { GeneratedCluster } from './cluster.ts';
export interface BenchRequest {
  readonly id: string;
  readonly gateway: string;
  readonly port: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** What the generator knows: the route that must win (`namespace/name`), or null for a 404. */
  readonly expect: {
    readonly kind: 'hit' | 'miss' | 'header';
    readonly route: string | null;
  };
}
export interface RequestMix {
  readonly hits: number;
  readonly misses: number;
  readonly headerOnly: number;
}
export declare const DEFAULT_MIX: RequestMix;
export declare function generateRequests(
  cluster: GeneratedCluster,
  count: number,
  seed: number,
  mix?: RequestMix,
): BenchRequest[];
