/**
 * The snapshot frame, serialized once per (epoch, seq) and shared by every subscriber. At 10k
 * routes the frame is ~11 MB: serializing it per client (and encoding the string into a new
 * socket buffer per client) made 50 clients cost >1 GB. One Buffer written to N sockets is held
 * by reference, not copied.
 */
import type { SnapshotPayload } from '@gatescope/core/wire';
import { sseFrame } from './sse.ts';

/** Turns a snapshot into its wire bytes (the hub's options let tests count the calls). */
export type SnapshotSerializer = (payload: SnapshotPayload, id: string) => Uint8Array;

export const serializeSnapshot: SnapshotSerializer = (payload, id) =>
  Buffer.from(sseFrame('snapshot', payload, id), 'utf8');

interface Entry {
  readonly seq: number;
  /** source + kinds as JSON: they can change without a new seq (e.g. a context turns unreachable). */
  readonly header: string;
  readonly frame: Uint8Array;
}

export class SnapshotCache {
  private entry: Entry | undefined;

  constructor(private readonly serialize: SnapshotSerializer) {}

  /**
   * The frame for this seq: reused when seq and header match, else built from `payload()` (called
   * only on a miss, so the store is not walked and sorted per subscriber).
   */
  frame(seq: number, header: string, payload: () => SnapshotPayload): Uint8Array {
    const cached = this.entry;
    if (cached !== undefined && cached.seq === seq && cached.header === header) return cached.frame;
    const snapshot = payload();
    const frame = this.serialize(snapshot, `${snapshot.epoch}:${snapshot.seq}`);
    this.entry = { seq, header, frame };
    return frame;
  }

  /** Drops the frame once seq moves, so an outdated 11 MB buffer is not kept alive. */
  invalidate(): void {
    this.entry = undefined;
  }
}
