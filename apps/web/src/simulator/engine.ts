/**
 * Simulation against the engine's latest Analysis. Route tables are compiled once per analysis,
 * then each request is a cheap lookup (DESIGN.md: simulate is microseconds, explain
 * milliseconds). For small inputs that happens on the main thread, synchronously; above
 * WORKER_ROUTES routes compiling would block the page, so compile + simulate run in the engine
 * Worker (which compiles its own tables: they hold functions and cannot be cloned).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Analysis } from '@gatescope/core';
import type { SimRequest, SimResult } from '@gatescope/core/matching/index';
import { useEngine } from '../engine/useEngine.ts';
import { routeCount, runRequests, TablesCache, WORKER_ROUTES } from './run.ts';
import type { SimOutcome } from './run.ts';

export type { SimOutcome } from './run.ts';

export interface Simulator {
  readonly analysis: Analysis | null;
  readonly revision: number;
}

export function useSimulator(): Simulator {
  const { result } = useEngine();
  return useMemo(() => ({ analysis: result?.analysis ?? null, revision: result?.revision ?? 0 }), [result]);
}

interface Remote {
  readonly revision: number | null;
  readonly requests: readonly SimRequest[];
  readonly results: readonly SimOutcome[];
}

/**
 * Results of `requests` (keep the array's identity stable) against the current analysis; null
 * while the Worker is still answering or before the first analysis.
 */
export function useSimulations(requests: readonly SimRequest[]): readonly SimOutcome[] | null {
  const { result, simulate } = useEngine();
  const analysis = result?.analysis ?? null;
  const revision = result?.revision ?? 0;
  const inWorker = useMemo(() => analysis !== null && routeCount(analysis) > WORKER_ROUTES, [analysis]);
  const cache = useMemo(() => new TablesCache(), []);
  const local = useMemo(
    () => (analysis === null || inWorker ? null : runRequests(cache.of(analysis), requests)),
    [analysis, inWorker, cache, requests],
  );
  const [remote, setRemote] = useState<Remote | null>(null);
  useEffect(() => {
    if (!inWorker || requests.length === 0) return;
    let current = true;
    void simulate(requests).then((answer) => {
      if (current) setRemote({ revision: answer.revision, requests, results: answer.results });
    });
    return () => {
      current = false;
    };
  }, [inWorker, requests, revision, simulate]);
  if (!inWorker) return local;
  if (requests.length === 0) return [];
  const fresh = remote !== null && remote.requests === requests && remote.revision === revision;
  return fresh ? remote.results : null;
}

export function isError(value: SimResult | { readonly error: string }): value is { readonly error: string } {
  return 'error' in value;
}
