/**
 * What the health worker computes, and the messages it exchanges with the main thread. Its input
 * is the snapshot payload's JSON as bytes (GET /api/snapshot's format, its `kinds` being the ones
 * /metrics reports): the main thread only copies the store's JSON texts into one buffer and
 * transfers it, so every parse and the whole analysis happen in the worker's own heap.
 */
import { visibilityFromKinds } from '@gatescope/core/analysis/visibility';
import type { SnapshotPayload } from '@gatescope/core/wire';
import { analyzeLive, healthOf, type AnalysisHealth } from './live-analysis.ts';

/** The worker's one answer (structured clone keeps the diagnostics Map). */
export type HealthReply =
  { readonly ok: true; readonly health: AnalysisHealth } | { readonly ok: false; readonly message: string };

/** The health of the objects in a snapshot payload's JSON bytes. */
export function healthOfSnapshotJson(bytes: Uint8Array): AnalysisHealth {
  const payload = JSON.parse(new TextDecoder().decode(bytes)) as SnapshotPayload;
  // Without read access to Secrets/ConfigMaps their absence proves nothing: same rule as the UI.
  return healthOf(analyzeLive(payload.objects, visibilityFromKinds(payload.kinds)));
}

/** Never throws: a failure becomes a reply the main thread reports (not a stack trace). */
export function healthReply(bytes: Uint8Array): HealthReply {
  try {
    return { ok: true, health: healthOfSnapshotJson(bytes) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
