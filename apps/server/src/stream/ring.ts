/**
 * Recent stream events for Last-Event-ID resume, bounded by count and by bytes so a burst of big
 * deltas cannot grow memory without limit, and without frames bigger than a quarter of the byte
 * bound. Events older than the buffer, or from before a frame it did not keep, force a fresh
 * snapshot.
 */
export interface RingEntry {
  readonly seq: number;
  /** The frame; the hub stores it encoded (length = bytes), a string counts its UTF-16 units. */
  readonly frame: string | Uint8Array;
}

export class RingBuffer {
  private entries: RingEntry[] = [];
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  push(entry: RingEntry): void {
    if (entry.frame.length > this.maxBytes / 4) {
      // A big delta (initial sync, mass rollout) is not kept: a client that missed it gets a
      // snapshot, which costs about as much to send. Keeping it would make every such frame
      // outlive the young generation and wait, with all its bytes, for a full GC. The entries
      // before it cannot be replayed across the gap, so they go too.
      this.entries = [];
      this.bytes = 0;
      return;
    }
    this.entries.push(entry);
    this.bytes += entry.frame.length;
    while (this.entries.length > this.maxEntries || (this.bytes > this.maxBytes && this.entries.length > 1)) {
      const dropped = this.entries.shift();
      if (dropped) this.bytes -= dropped.frame.length;
    }
  }

  /**
   * Everything after `seq`, or undefined when some of it is gone (the caller sends a snapshot).
   * `currentSeq` is the newest seq issued: asking for exactly that is an empty, valid replay.
   */
  since(seq: number, currentSeq: number): RingEntry[] | undefined {
    if (seq === currentSeq) return [];
    if (seq > currentSeq) return undefined;
    const first = this.entries[0];
    if (first === undefined || first.seq > seq + 1) return undefined;
    return this.entries.filter((entry) => entry.seq > seq);
  }

  get size(): number {
    return this.entries.length;
  }

  get byteSize(): number {
    return this.bytes;
  }
}
