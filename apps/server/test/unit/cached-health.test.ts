/**
 * CachedHealth's contract (analysis/cached-health.ts), with a controllable computation in place
 * of the worker: at most one analysis per stream seq, one computation at a time shared by every
 * scrape that arrives meanwhile, pending changes flushed so the analysed objects are the seq's,
 * failures answered with the last good health and retried after a change or a while, a bounded
 * wait for a running analysis, and close() ending it.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisHealth } from '../../src/analysis/live-analysis.ts';
import {
  CachedHealth,
  type HealthOutcome,
  type HealthStateSource,
} from '../../src/analysis/cached-health.ts';
import type { SnapshotParts } from '../../src/stream/wire-json.ts';
import { readHealthInput } from '../../src/analysis/health-input.ts';
import { syncedSecrets } from './kind-status.ts';

const current = (health: AnalysisHealth): HealthOutcome => ({ health, failed: false, current: true });

function healthWith(accepted: number): AnalysisHealth {
  return {
    routes: { accepted, notAccepted: 0 },
    gateways: { programmed: 0, notProgrammed: 0 },
    diagnostics: new Map(),
  };
}

/** A hub whose seq the test moves; `pending` changes are flushed (seq + 1) by snapshotParts. */
class FakeHub implements HealthStateSource {
  epoch = 'e1';
  currentSeq = 0;
  pending = false;
  objectCount = 1;

  snapshotParts(): SnapshotParts {
    if (this.pending) this.currentSeq++;
    this.pending = false;
    const objects = Array.from({ length: this.objectCount }, (_, i) => ({
      cluster: '',
      objectJson: JSON.stringify({ kind: 'HTTPRoute', metadata: { name: `r${i}` } }),
    }));
    return {
      epoch: this.epoch,
      seq: this.currentSeq,
      source: { mode: 'demo', contexts: [] },
      kinds: [],
      objects,
    };
  }
}

/** A computation the test finishes by hand; it reports the object count it was given. */
function manualCompute(): {
  compute: (bytes: Uint8Array, signal?: AbortSignal) => Promise<AnalysisHealth>;
  finish: (error?: Error) => void;
  calls: number;
} {
  const waiting: { bytes: Uint8Array; resolve: (h: AnalysisHealth) => void; reject: (e: Error) => void }[] =
    [];
  const control = {
    calls: 0,
    compute: (bytes: Uint8Array, signal?: AbortSignal): Promise<AnalysisHealth> => {
      control.calls++;
      return new Promise((resolve, reject) => {
        waiting.push({ bytes, resolve, reject });
        signal?.addEventListener('abort', () => reject(new Error('stopped')));
      });
    },
    finish: (error?: Error): void => {
      const next = waiting.shift();
      if (next === undefined) throw new Error('nothing is computing');
      if (error) next.reject(error);
      else next.resolve(healthWith(readHealthInput(next.bytes).objects.length));
    },
  };
  return control;
}

describe('CachedHealth', () => {
  it('analyses once per seq, and again after the seq changes', async () => {
    const hub = new FakeHub();
    const control = manualCompute();
    const health = new CachedHealth({ compute: control.compute });
    const first = health.get(hub, []);
    control.finish();
    expect(await first).toEqual(current(healthWith(1)));
    expect(await health.get(hub, [])).toEqual(current(healthWith(1)));
    expect(control.calls).toBe(1);
    hub.currentSeq++;
    hub.objectCount = 3;
    const second = health.get(hub, []);
    control.finish();
    expect(await second).toEqual(current(healthWith(3)));
    expect(control.calls).toBe(2);
  });

  it('shares one running computation between scrapes, also those after a newer change', async () => {
    const hub = new FakeHub();
    const control = manualCompute();
    const health = new CachedHealth({ compute: control.compute });
    const a = health.get(hub, []);
    const b = health.get(hub, []);
    hub.currentSeq++;
    hub.objectCount = 2;
    const c = health.get(hub, []);
    expect(control.calls).toBe(1);
    control.finish();
    // All three get the analysis that ran; a change came in meanwhile, so it is no longer current.
    expect(await Promise.all([a, b, c])).toEqual(
      Array(3).fill({ health: healthWith(1), failed: false, current: false }),
    );
    // The newer seq is analysed by the next scrape.
    const d = health.get(hub, []);
    expect(control.calls).toBe(2);
    control.finish();
    expect(await d).toEqual(current(healthWith(2)));
  });

  it('flushes pending changes first and caches under the flushed seq', async () => {
    const hub = new FakeHub();
    hub.pending = true;
    const control = manualCompute();
    const health = new CachedHealth({ compute: control.compute });
    const first = health.get(hub, []);
    control.finish();
    await first;
    expect(hub.currentSeq).toBe(1);
    await health.get(hub, []);
    expect(control.calls).toBe(1);
  });

  it('answers a failure with the last good health, keeps it a while for that seq, retries after a change', async () => {
    const hub = new FakeHub();
    const control = manualCompute();
    const logged: string[] = [];
    const health = new CachedHealth({ compute: control.compute, log: (m) => logged.push(m) });
    const first = health.get(hub, []);
    control.finish();
    await first;
    hub.currentSeq++;
    const failed = health.get(hub, []);
    control.finish(new Error('worker ran out of memory'));
    const stale = { health: healthWith(1), failed: true, current: false };
    expect(await failed).toEqual(stale);
    expect(await health.get(hub, [])).toEqual(stale);
    expect(control.calls).toBe(2);
    expect(logged).toEqual(['/metrics analysis failed at e1:1: worker ran out of memory']);
    hub.currentSeq++;
    hub.objectCount = 4;
    const retried = health.get(hub, []);
    control.finish();
    expect(await retried).toEqual(current(healthWith(4)));
  });

  it('retries a failure after retryAfterMs even when nothing changed (a quiet cluster)', async () => {
    const hub = new FakeHub();
    const control = manualCompute();
    let now = 1_000;
    const health = new CachedHealth({ compute: control.compute, retryAfterMs: 30_000, now: () => now });
    const failed = health.get(hub, []);
    control.finish(new Error('timeout'));
    expect(await failed).toEqual({ health: undefined, failed: true, current: false });
    now += 29_999;
    expect(await health.get(hub, [])).toEqual({ health: undefined, failed: true, current: false });
    expect(control.calls).toBe(1);
    now += 1;
    const retried = health.get(hub, []);
    expect(control.calls).toBe(2);
    control.finish();
    expect(await retried).toEqual(current(healthWith(1)));
  });

  it('waits for a running analysis at most waitMs, then answers with what is known', async () => {
    const hub = new FakeHub();
    const control = manualCompute();
    const health = new CachedHealth({ compute: control.compute, waitMs: 20 });
    expect(await health.get(hub, [])).toEqual({ health: undefined, failed: false, current: false });
    control.finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await health.get(hub, [])).toEqual(current(healthWith(1)));
    hub.currentSeq++;
    expect(await health.get(hub, [])).toEqual({ health: healthWith(1), failed: false, current: false });
    expect(control.calls).toBe(2);
  });

  it('close() ends a running analysis and answers the scrapes waiting for it', async () => {
    const hub = new FakeHub();
    let signal: AbortSignal | undefined;
    let calls = 0;
    const health = new CachedHealth({
      waitMs: 60_000,
      compute: (_bytes, s) => {
        calls++;
        signal = s;
        return new Promise<AnalysisHealth>(() => undefined); // never answers by itself
      },
    });
    const waiting = health.get(hub, []);
    health.close();
    const answer = await waiting;
    expect(signal?.aborted).toBe(true);
    expect(answer.health).toBeUndefined();
    expect(answer.current).toBe(false);
    // Stopped: nothing new starts.
    await health.get(hub, []);
    expect(calls).toBe(1);
  });

  it('treats a new epoch (another source) as a change', async () => {
    const hub = new FakeHub();
    const control = manualCompute();
    const health = new CachedHealth({ compute: control.compute });
    const first = health.get(hub, []);
    control.finish();
    await first;
    hub.epoch = 'e2';
    const second = health.get(hub, []);
    control.finish();
    await second;
    expect(control.calls).toBe(2);
  });

  it('passes the reported kinds to the analysis (Secret/ConfigMap visibility)', async () => {
    const hub = new FakeHub();
    let seen: unknown;
    const health = new CachedHealth({
      compute: async (bytes) => {
        seen = readHealthInput(bytes).kinds;
        return healthWith(0);
      },
    });
    const secrets = syncedSecrets('c');
    await health.get(hub, [secrets]);
    expect(seen).toEqual([secrets]);
  });
});
