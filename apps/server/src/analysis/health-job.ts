/**
 * What the health worker computes (health-worker.ts), and its answer to the main thread.
 */
import type { KindStatus, WireObject } from '@gatescope/core/wire';
import { analyzeLive, healthOf, type AnalysisHealth } from './live-analysis.ts';

/** The worker's one answer (structured clone keeps the diagnostics Map). */
export type HealthReply =
  { readonly ok: true; readonly health: AnalysisHealth } | { readonly ok: false; readonly message: string };

export function healthOfObjects(
  kinds: readonly KindStatus[],
  objects: readonly WireObject[],
): AnalysisHealth {
  return healthOf(analyzeLive(objects, kinds));
}

/** A failure as a reply the main thread reports: its message, no stack. */
export function failureReply(error: unknown): HealthReply {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

/** Never throws: the core does not throw for user data, but a bug must not kill the answer. */
export function replyOf(compute: () => AnalysisHealth): HealthReply {
  try {
    return { ok: true, health: compute() };
  } catch (error) {
    return failureReply(error);
  }
}
