/**
 * The generated cluster value shared by every preset: raw objects plus what the request
 * generator needs to know (which host/path/header reaches which route).
 */
import type { RawObject } from './objects.ts';

/** A concrete request shape that reaches one route, with the route it must select. */
export interface RouteProbe {
  /** `namespace/name` of the Gateway the request enters. */
  readonly gateway: string;
  readonly port: number;
  /** HTTP unless the listener on that port terminates TLS. */
  readonly protocol?: 'HTTP' | 'HTTPS';
  readonly host: string;
  readonly path: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** `namespace/name` of the HTTPRoute the request must be routed to. */
  readonly route: string;
  /** True when only a header value tells this route apart from its neighbours. */
  readonly headerOnly: boolean;
}

export interface GeneratedCluster {
  readonly preset: string;
  readonly description: string;
  readonly objects: readonly RawObject[];
  readonly probes: readonly RouteProbe[];
  /** Hosts known to the gateways (404 requests use them with unknown paths). */
  readonly gateways: readonly {
    readonly gateway: string;
    readonly port: number;
    readonly host: string;
    readonly protocol?: 'HTTP' | 'HTTPS';
  }[];
}
