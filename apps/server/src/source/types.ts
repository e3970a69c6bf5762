/** What the HTTP layer needs from wherever the objects come from (live clusters or the demo). */
import type { KindStatus, SourceInfo, WireObject } from '@gatescope/core/wire';
import type { StreamHub } from '../stream/hub.ts';

export interface DataSource {
  readonly hub: StreamHub;
  info(): SourceInfo;
  kinds(): KindStatus[];
  objects(): WireObject[];
  readiness(): { readonly ready: boolean; readonly waiting: readonly string[] };
  /** Counters for /metrics. */
  metrics(): { readonly watchRelists: number; readonly discoveryFailures: number };
  stop(): void;
}

export function newEpoch(): string {
  // Distinct per server start so that a Last-Event-ID from an older process never resumes.
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
