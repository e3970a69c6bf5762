/**
 * Case tables in the style of the upstream conformance tests: a request and the response we
 * expect (status, backend, rewrites, headers, redirect Location, mirrors). `runCase` returns
 * the mismatches, so a table test reads `expect(runCase(t, c)).toEqual([])`.
 */
import { simulate } from '../../src/matching/simulate.ts';
import type { RouteTables } from '../../src/matching/tables.ts';
import type { SimRequest, SimResult } from '../../src/matching/types.ts';

export interface Expect {
  readonly status?: number | null;
  readonly listener?: string;
  /** `namespace/name` of the winning route, and the rule index. */
  readonly route?: string;
  readonly rule?: number;
  /** `namespace/name` of the one backend that gets all traffic. */
  readonly backend?: string;
  /** Share of traffic by backend `namespace/name`. */
  readonly shares?: Readonly<Record<string, number>>;
  readonly upstreamPath?: string;
  readonly upstreamHost?: string;
  readonly upstreamHeaders?: Readonly<Record<string, string>>;
  readonly absentUpstreamHeaders?: readonly string[];
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly absentResponseHeaders?: readonly string[];
  readonly location?: string;
  /** `namespace/name@percent` of every mirror. */
  readonly mirrors?: readonly string[];
  readonly grpcCode?: string;
}

export interface Case {
  readonly name: string;
  readonly request: Omit<SimRequest, 'gateway'> & { readonly gateway?: string };
  readonly expect: Expect;
}

const lower = (r: Readonly<Record<string, string>> | null | undefined): Map<string, string> =>
  new Map(Object.entries(r ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

export function runCase(tables: RouteTables, c: Case): { result: SimResult; problems: string[] } {
  const result = simulate(tables, { gateway: 'gw/web', ...c.request });
  return { result, problems: check(c.expect, result) };
}

function check(e: Expect, r: SimResult): string[] {
  const p: string[] = [];
  const eq = (what: string, got: unknown, want: unknown): void => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      p.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  if (e.status !== undefined) eq('status', r.status, e.status);
  if (e.listener !== undefined) eq('listener', r.listener, e.listener);
  if (e.route !== undefined) eq('route', r.route ? `${r.route.namespace}/${r.route.name}` : null, e.route);
  if (e.rule !== undefined) eq('rule', r.rule, e.rule);
  const live = r.backends.filter((b) => b.valid && b.probability > 0).map((b) => `${b.namespace}/${b.name}`);
  if (e.backend !== undefined) eq('backends with traffic', live, [e.backend]);
  if (e.shares) {
    const got: Record<string, number> = {};
    for (const b of r.backends)
      got[`${b.namespace}/${b.name}`] = (got[`${b.namespace}/${b.name}`] ?? 0) + b.probability;
    eq('shares', got, e.shares);
  }
  if (e.upstreamPath !== undefined) eq('upstream path', r.upstreamRequest?.path, e.upstreamPath);
  if (e.upstreamHost !== undefined) eq('upstream host', r.upstreamRequest?.host, e.upstreamHost);
  const up = lower(r.upstreamRequest?.headers);
  for (const [k, v] of Object.entries(e.upstreamHeaders ?? {}))
    eq(`upstream header ${k}`, up.get(k.toLowerCase()), v);
  for (const k of e.absentUpstreamHeaders ?? [])
    eq(`upstream header ${k} absent`, up.has(k.toLowerCase()), false);
  const resp = lower(r.responseHeaders);
  for (const [k, v] of Object.entries(e.responseHeaders ?? {}))
    eq(`response header ${k}`, resp.get(k.toLowerCase()), v);
  for (const k of e.absentResponseHeaders ?? [])
    eq(`response header ${k} absent`, resp.has(k.toLowerCase()), false);
  if (e.location !== undefined) eq('location', r.redirect?.location, e.location);
  if (e.mirrors !== undefined)
    eq(
      'mirrors',
      r.mirrors.map((m) => `${m.namespace}/${m.name}@${m.percent}`),
      e.mirrors,
    );
  if (e.grpcCode !== undefined) eq('grpcCode', r.grpcCode, e.grpcCode);
  return p;
}
