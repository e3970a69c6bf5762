/**
 * Running simulations against one Analysis, shared by the main thread (small inputs) and the
 * engine Worker (large ones). Route tables hold functions, so they never cross the Worker
 * boundary: each side compiles its own, once per Analysis.
 */
import { isRoute, type Analysis } from '@gatescope/core';
import {
  compileRouteTables,
  explain,
  type RouteTables,
  type SimRequest,
  type SimResult,
} from '@gatescope/core/matching/index';

export type SimOutcome = SimResult | { readonly error: string };

/** Above this many routes compile + simulate runs in the Worker, keeping the page responsive. */
export const WORKER_ROUTES = 2000;

export function routeCount(analysis: Analysis): number {
  let n = 0;
  for (const o of analysis.snapshot.objects) if (isRoute(o)) n++;
  return n;
}

export function runRequests(tables: RouteTables, requests: readonly SimRequest[]): SimOutcome[] {
  return requests.map((request) => {
    try {
      return explain(tables, request);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** Route tables of the last Analysis seen (compiled on first use). */
export class TablesCache {
  private analysis: Analysis | null = null;
  private tables: RouteTables | null = null;

  of(analysis: Analysis): RouteTables {
    if (this.analysis !== analysis || this.tables === null) {
      this.tables = compileRouteTables(analysis);
      this.analysis = analysis;
    }
    return this.tables;
  }
}
