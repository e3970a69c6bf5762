/**
 * The snapshot frame, serialized once per (epoch, seq) and shared by every subscriber. At 10k
 * routes the frame is ~11 MB: serializing it per client (and encoding the string into a new
 * socket buffer per client) made 50 clients cost >1 GB. One Buffer written to N sockets is held
 * by reference, not copied.
 *
 * The cache is for bursts (many browsers connecting or reconnecting at once), so it does not keep
 * the frame for long: a quiet cluster with one browser open would otherwise hold 11 MB forever.
 * The hub drops it when seq moves, when the last client leaves, and `holdMs` after it was last
 * used.
 */
import { snapshotBytes, type SnapshotParts } from './wire-json.ts';

/** Turns a snapshot into its wire bytes (the hub's options let tests count the calls). */
export type SnapshotSerializer = (parts: SnapshotParts, id: string) => Uint8Array;

export const serializeSnapshot: SnapshotSerializer = (parts, id) => snapshotBytes(parts, id);

interface Entry {
  readonly seq: number;
  /** source + kinds as JSON: they can change without a new seq (e.g. a context turns unreachable). */
  readonly header: string;
  readonly frame: Uint8Array;
}

export class SnapshotCache {
  private entry: Entry | undefined;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly serialize: SnapshotSerializer,
    private readonly holdMs: number,
  ) {}

  /**
   * The frame for this seq: reused when seq and header match, else built from `parts()` (called
   * only on a miss, so the store is not walked and sorted per subscriber).
   */
  frame(seq: number, header: string, parts: () => SnapshotParts): Uint8Array {
    const cached = this.entry;
    if (cached !== undefined && cached.seq === seq && cached.header === header) {
      this.holdFor();
      return cached.frame;
    }
    const snapshot = parts();
    const frame = this.serialize(snapshot, `${snapshot.epoch}:${snapshot.seq}`);
    this.entry = { seq, header, frame };
    this.holdFor();
    return frame;
  }

  /** Keeps the frame `holdMs` after its last use: as long as a burst of subscribers goes on. */
  private holdFor(): void {
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.invalidate(), this.holdMs);
    this.expiry.unref?.();
  }

  /** Drops the frame (sockets still sending it keep their own reference until done). */
  invalidate(): void {
    this.entry = undefined;
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = undefined;
  }

  get cached(): boolean {
    return this.entry !== undefined;
  }
}
