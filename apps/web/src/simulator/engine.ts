/**
 * Simulation on the main thread from the engine's latest Analysis: route tables are compiled
 * once per engine revision (memoized), then each request is a cheap lookup (DESIGN.md: simulate
 * is microseconds, explain milliseconds).
 */
import { useMemo } from 'react';
import type { Analysis } from '@gatescope/core';
import {
  compileRouteTables,
  explain,
  type RouteTables,
  type SimRequest,
  type SimResult,
} from '@gatescope/core/matching/index';
import { useEngine } from '../engine/useEngine.ts';

export interface Simulator {
  readonly analysis: Analysis | null;
  readonly revision: number;
  readonly run: (request: SimRequest) => SimResult | { readonly error: string };
}

export function useSimulator(): Simulator {
  const { result } = useEngine();
  const analysis = result?.analysis ?? null;
  const tables = useMemo<RouteTables | null>(
    () => (analysis === null ? null : compileRouteTables(analysis)),
    [analysis],
  );
  return useMemo<Simulator>(
    () => ({
      analysis,
      revision: result?.revision ?? 0,
      run: (request) => {
        if (tables === null) return { error: 'No analysis yet.' };
        try {
          return explain(tables, request);
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      },
    }),
    [analysis, tables, result?.revision],
  );
}

export function isError(value: SimResult | { readonly error: string }): value is { readonly error: string } {
  return 'error' in value;
}
