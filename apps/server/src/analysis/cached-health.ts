/**
 * The analysis health behind /metrics, computed at most once per stream sequence number and off
 * the main thread (health-in-worker.ts).
 *
 * Semantics:
 * - A scrape at the seq of the last finished computation gets its result (health or failure).
 * - Otherwise, when no computation runs, one starts over the state at the current seq (pending
 *   stream changes are flushed first, so the objects are exactly that seq's).
 * - While one runs, every scrape waits for it and gets its result, even when changes arrived
 *   after it started: at most one worker exists at a time, and the answer is never older than
 *   the state when that computation began. The next scrape after it sees the newer seq.
 * - A failure (worker error, crash, out of memory, timeout) is a result too: it is not retried
 *   until the seq changes, so a broken analysis costs one worker per change, not one per scrape.
 */
import type { KindStatus } from '@gatescope/core/wire';
import type { SnapshotParts } from '../stream/wire-json.ts';
import { healthInWorker } from './health-in-worker.ts';
import { healthInputBytes } from './health-input.ts';
import type { AnalysisHealth } from './live-analysis.ts';

/** What the health is computed from: the stream hub of the current source. */
export interface HealthStateSource {
  readonly epoch: string;
  readonly currentSeq: number;
  snapshotParts(): SnapshotParts;
}

export type HealthOutcome =
  { readonly ok: true; readonly health: AnalysisHealth } | { readonly ok: false; readonly reason: string };

/** Computes the health of input bytes (health-input.ts; default: in a worker). */
export type ComputeHealth = (input: Uint8Array) => Promise<AnalysisHealth>;

export interface CachedHealthOptions {
  readonly compute?: ComputeHealth;
  /** Where a failure's reason goes (the server log; never the scrape's answer). */
  readonly log?: (message: string) => void;
}

export class CachedHealth {
  private last: { readonly key: string; readonly outcome: HealthOutcome } | undefined;
  private running: Promise<HealthOutcome> | undefined;
  private readonly compute: ComputeHealth;
  private readonly log: (message: string) => void;
  /** Computations started (tests check "at most once per seq"). */
  runs = 0;

  constructor(options: CachedHealthOptions = {}) {
    this.compute = options.compute ?? ((bytes) => healthInWorker(bytes));
    this.log = options.log ?? (() => undefined);
  }

  /** The health at the current seq; `kinds` are the ones /metrics reports (for visibility). */
  get(state: HealthStateSource, kinds: readonly KindStatus[]): Promise<HealthOutcome> {
    const last = this.last;
    if (last?.key === `${state.epoch}:${state.currentSeq}`) return Promise.resolve(last.outcome);
    this.running ??= this.run(state, kinds).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(state: HealthStateSource, kinds: readonly KindStatus[]): Promise<HealthOutcome> {
    this.runs++;
    let key = `${state.epoch}:${state.currentSeq}`;
    let outcome: HealthOutcome;
    try {
      const parts = state.snapshotParts();
      key = `${parts.epoch}:${parts.seq}`;
      outcome = { ok: true, health: await this.compute(healthInputBytes(kinds, parts.objects)) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log(`/metrics analysis failed at ${key}: ${reason}`);
      outcome = { ok: false, reason };
    }
    this.last = { key, outcome };
    return outcome;
  }
}
