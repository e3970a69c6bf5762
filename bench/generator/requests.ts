/**
 * Requests with a known mix: hits (a probe of one route), 404s (a gateway host with a path no
 * route has, or a host no listener or route claims), and header-only discrimination (a probe
 * whose route differs from its neighbours only by a header value). Request JSON follows the
 * CLI's simulate contract in DESIGN.md.
 */
import type { GeneratedCluster } from './cluster.ts';
import { createPrng } from './prng.ts';

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
  readonly expect: { readonly kind: 'hit' | 'miss' | 'header'; readonly route: string | null };
}

export interface RequestMix {
  readonly hits: number;
  readonly misses: number;
  readonly headerOnly: number;
}

export const DEFAULT_MIX: RequestMix = { hits: 0.7, misses: 0.2, headerOnly: 0.1 };

export function generateRequests(
  cluster: GeneratedCluster,
  count: number,
  seed: number,
  mix: RequestMix = DEFAULT_MIX,
): BenchRequest[] {
  const prng = createPrng(seed);
  const plain = cluster.probes.filter((p) => !p.headerOnly);
  const byHeader = cluster.probes.filter((p) => p.headerOnly);
  const out: BenchRequest[] = [];
  for (let i = 0; i < count; i++) {
    const roll = prng.next() * (mix.hits + mix.misses + mix.headerOnly);
    const id = `r${i}`;
    if (roll < mix.hits + mix.headerOnly && (plain.length > 0 || byHeader.length > 0)) {
      const wantHeader = roll >= mix.hits ? byHeader.length > 0 : plain.length === 0;
      const probe = prng.pick(wantHeader ? byHeader : plain);
      out.push({
        id,
        gateway: probe.gateway,
        port: probe.port,
        protocol: probe.protocol ?? 'HTTP',
        host: probe.host,
        method: probe.method ?? 'GET',
        path: probe.path,
        headers: { ...probe.headers },
        expect: { kind: probe.headerOnly ? 'header' : 'hit', route: probe.route },
      });
      continue;
    }
    const gw = prng.pick(cluster.gateways);
    const unknownHost = prng.chance(0.5);
    out.push({
      id,
      gateway: gw.gateway,
      port: gw.port,
      protocol: gw.protocol ?? 'HTTP',
      host: unknownHost ? `nobody-${prng.int(1000)}.invalid.test` : gw.host,
      method: 'GET',
      path: `/zz-no-route-${prng.int(100000)}`,
      headers: {},
      expect: { kind: 'miss', route: null },
    });
  }
  return out;
}
