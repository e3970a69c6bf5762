/**
 * The analysis health behind /metrics, computed at most once per stream sequence number and off
 * the main thread (health-in-worker.ts).
 *
 * Semantics:
 * - A scrape at the seq of the last successful computation gets its result.
 * - Otherwise, when no computation runs, one starts over the state at the current seq (pending
 *   stream changes are flushed first, so the objects are exactly that seq's).
 * - While one runs, every scrape shares it: at most one worker exists at a time, and the answer is
 *   never older than the state when that computation began. The next scrape sees the newer seq.
 * - A scrape waits for a running computation at most `waitMs` (the metrics sidecar gives up after
 *   5 s), then answers with the last successful health, or "pending" before there is one.
 * - A failure (worker error, crash, out of memory, timeout) is answered with the last successful
 *   health and a failed flag, so alerts keep the last known state instead of going silent. It is
 *   retried after `retryAfterMs` even when nothing changed (a transient failure must not stick on
 *   a quiet cluster), and not sooner (a broken analysis costs one worker per interval, not one
 *   per scrape).
 * - close() (server shutdown) ends a running worker at once and answers waiting scrapes.
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

/**
 * What a scrape reports. `health` is the newest successful analysis (absent before the first);
 * `failed` says the newest attempt failed; `current` says `health` is the analysis of the state
 * the scrape asked about.
 */
export interface HealthOutcome {
  readonly health: AnalysisHealth | undefined;
  readonly failed: boolean;
  readonly current: boolean;
}

/** Computes the health of input bytes (health-input.ts; default: in a worker). */
export type ComputeHealth = (input: Uint8Array, signal: AbortSignal) => Promise<AnalysisHealth>;

export interface CachedHealthOptions {
  readonly compute?: ComputeHealth;
  /** Where a failure's reason goes (the server log; never the scrape's answer). */
  readonly log?: (message: string) => void;
  /** How long a scrape waits for a running computation. */
  readonly waitMs?: number;
  /** How long a failure stands before the same state is analysed again. */
  readonly retryAfterMs?: number;
  /** Milliseconds clock (tests). */
  readonly now?: () => number;
}

interface Attempt {
  readonly key: string;
  readonly at: number;
  readonly ok: boolean;
}

export class CachedHealth {
  private good: { readonly key: string; readonly health: AnalysisHealth } | undefined;
  private lastAttempt: Attempt | undefined;
  private running: Promise<void> | undefined;
  private readonly stop = new AbortController();
  private readonly compute: ComputeHealth;
  private readonly log: (message: string) => void;
  private readonly waitMs: number;
  private readonly retryAfterMs: number;
  private readonly now: () => number;
  /** Computations started (tests check "at most once per seq"). */
  runs = 0;

  constructor(options: CachedHealthOptions = {}) {
    this.compute = options.compute ?? ((bytes, signal) => healthInWorker(bytes, { signal }));
    this.log = options.log ?? (() => undefined);
    this.waitMs = options.waitMs ?? 4_000;
    this.retryAfterMs = options.retryAfterMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** The health for the current seq; `kinds` are the ones /metrics reports (for visibility). */
  async get(state: HealthStateSource, kinds: readonly KindStatus[]): Promise<HealthOutcome> {
    const key = `${state.epoch}:${state.currentSeq}`;
    if (!this.stop.signal.aborted && this.running === undefined && this.shouldRun(key)) {
      this.running = this.run(state, kinds).finally(() => {
        this.running = undefined;
      });
    }
    if (this.running !== undefined) await this.waitFor(this.running);
    return this.outcome(`${state.epoch}:${state.currentSeq}`);
  }

  /** Ends a running computation (server shutdown); scrapes get what is known. */
  close(): void {
    this.stop.abort();
  }

  private shouldRun(key: string): boolean {
    if (this.good?.key === key) return false;
    const attempt = this.lastAttempt;
    return (
      attempt === undefined ||
      attempt.ok ||
      attempt.key !== key ||
      this.now() - attempt.at >= this.retryAfterMs
    );
  }

  private outcome(key: string): HealthOutcome {
    const health = this.good?.health;
    const failed = this.lastAttempt !== undefined && !this.lastAttempt.ok;
    return { health, failed, current: this.good?.key === key && !failed };
  }

  private async waitFor(running: Promise<void>): Promise<void> {
    if (this.stop.signal.aborted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.waitMs);
      timer.unref();
    });
    const stopped = new Promise<void>((resolve) =>
      this.stop.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
    await Promise.race([running, timeout, stopped]);
    clearTimeout(timer);
  }

  private async run(state: HealthStateSource, kinds: readonly KindStatus[]): Promise<void> {
    this.runs++;
    let key = `${state.epoch}:${state.currentSeq}`;
    try {
      const parts = state.snapshotParts();
      key = `${parts.epoch}:${parts.seq}`;
      const health = await this.compute(healthInputBytes(kinds, parts.objects), this.stop.signal);
      this.good = { key, health };
      this.lastAttempt = { key, at: this.now(), ok: true };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log(`/metrics analysis failed at ${key}: ${reason}`);
      this.lastAttempt = { key, at: this.now(), ok: false };
    }
  }
}
