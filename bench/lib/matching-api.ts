/**
 * The simulator's entry points (packages/core/src/matching): compileRouteTables, simulate,
 * explain, an optional incremental table update, and the reference sorted scan kept in the repo.
 */
import type { Analysis } from '../../packages/core/src/analysis/types.ts';
import type { Loaded } from './core-api.ts';
import { PATHS, loadFunctions } from './core-api.ts';

export type Tables = unknown;
export type SimulateFn = (tables: Tables, request: unknown) => SimAnswer;

/** The fields of a simulate result that the indexed and reference paths must agree on. */
export interface SimAnswer {
  readonly status: number | null;
  readonly listener: string | null;
  readonly route: { readonly kind: string; readonly namespace: string; readonly name: string } | null;
  readonly rule: number | null;
  readonly backends: readonly unknown[];
  readonly redirect: unknown;
  readonly upstreamRequest: unknown;
  readonly responseHeaders: unknown;
  readonly mirrors: readonly unknown[];
  readonly explanation?: readonly string[];
}

export interface MatchingApi {
  readonly compileRouteTables: (analysis: Analysis) => Tables;
  readonly simulate: SimulateFn;
  readonly explain: ((tables: Tables, request: unknown) => unknown) | null;
  /** Incremental update of the tables after a change, when the module offers one. */
  readonly update: { readonly name: string; readonly fn: (...args: unknown[]) => Tables } | null;
  readonly reference: { readonly name: string; readonly fn: SimulateFn } | null;
}

const REFERENCE_PATH = 'packages/core/src/matching/reference.ts';
const REFERENCE_NAMES = [
  'simulateReference',
  'referenceSimulate',
  'simulateByScan',
  'scanSimulate',
  'simulateScan',
];
const UPDATE_NAMES = ['updateRouteTables', 'patchRouteTables', 'applyRouteTablesChange'];

function firstFunction(
  mod: Record<string, unknown>,
  names: readonly string[],
): { name: string; fn: never } | null {
  for (const name of names) if (typeof mod[name] === 'function') return { name, fn: mod[name] as never };
  return null;
}

export async function loadMatching(root: string): Promise<Loaded<MatchingApi>> {
  const main = await loadFunctions<Record<string, unknown>>(root, PATHS.matching, [
    'compileRouteTables',
    'simulate',
  ]);
  if (!main.ok) return main;
  const ref = await loadFunctions<Record<string, unknown>>(root, REFERENCE_PATH, []);
  const api = main.api;
  const reference =
    firstFunction(api, REFERENCE_NAMES) ?? (ref.ok ? firstFunction(ref.api, REFERENCE_NAMES) : null);
  return {
    ok: true,
    api: {
      compileRouteTables: api['compileRouteTables'] as MatchingApi['compileRouteTables'],
      simulate: api['simulate'] as SimulateFn,
      explain: typeof api['explain'] === 'function' ? (api['explain'] as MatchingApi['explain']) : null,
      update: firstFunction(api, UPDATE_NAMES),
      reference,
    },
  };
}

/** The answer without the human trace (the two paths may word their traces differently). */
export function comparable(answer: SimAnswer): string {
  const { status, listener, route, rule, backends, redirect, upstreamRequest, responseHeaders, mirrors } =
    answer;
  return JSON.stringify({
    status,
    listener,
    route,
    rule,
    backends,
    redirect,
    upstreamRequest,
    responseHeaders,
    mirrors,
  });
}
