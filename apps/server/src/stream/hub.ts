/**
 * The live stream: store changes coalesced into `delta` events (one per window of 100–250 ms),
 * `status` events when a kind's sync state changes, heartbeats, ids `epoch:seq`, resume from a
 * ring buffer. A client that stops reading is never buffered without bound: once its socket
 * buffer passes the limit it gets nothing more until it drains, and then a fresh snapshot. A
 * client with unsent bytes whose socket sends nothing for `stallTimeoutMs` is cut off, so a
 * stalled reader holds neither its buffer nor its connection for ever.
 */
import type { KindStatus, SourceInfo, StatusPayload, WatchChange } from '@gatescope/core/wire';
import { RingBuffer } from './ring.ts';
import { SnapshotCache, serializeSnapshot, type SnapshotSerializer } from './snapshot-cache.ts';
import { parseEventId, sseFrame } from './sse.ts';
import {
  deltaFrameBytes,
  snapshotBytes,
  type ObjectJson,
  type SerializedChange,
  type SnapshotParts,
} from './wire-json.ts';

export interface SseClient {
  /**
   * Returns false when the socket buffer is above its high-water mark. The same Uint8Array (the
   * shared snapshot frame) is passed to every client: implementations must not modify it.
   */
  write(chunk: string | Uint8Array): boolean;
  /** Bytes queued in the socket and not yet sent. */
  readonly bufferedBytes: number;
  onDrain(callback: () => void): void;
  /** Ends the response (server shutdown). */
  end(): void;
  /**
   * Bytes the socket has handed to the network so far (progress of a reader). Absent: progress
   * is seen only as a shrinking buffer.
   */
  readonly sentBytes?: number;
  /** Drops the connection at once, unsent bytes included (a stalled client). Absent: end(). */
  destroy?(): void;
}

export interface HubState {
  source(): SourceInfo;
  kinds(): KindStatus[];
  /** Every object with its JSON text, in snapshot order. */
  objectsJson(): readonly ObjectJson[];
}

export interface HubOptions {
  readonly epoch: string;
  readonly coalesceMs?: number;
  readonly heartbeatMs?: number;
  readonly ringEntries?: number;
  readonly ringBytes?: number;
  /** Above this many unsent bytes a client is dropped from deltas and resynced on drain. */
  readonly clientMaxBufferedBytes?: number;
  /** How a snapshot becomes bytes (tests count calls; the default is the real one). */
  readonly serializeSnapshot?: SnapshotSerializer;
  /** How long a built snapshot frame is kept for further subscribers at the same seq. */
  readonly snapshotHoldMs?: number;
  /** A client with unsent bytes and no progress for this long is cut off. */
  readonly stallTimeoutMs?: number;
}

/** Default stall cut-off: an 11 MB snapshot at a slow 1 Mbit/s still makes progress every second. */
export const STALL_TIMEOUT_MS = 30_000;

interface ClientState {
  resyncPending: boolean;
  /** Progress marks at the last stall check. */
  lastSent: number | undefined;
  lastBuffered: number;
  /** When the client was first seen with unsent bytes and no progress (ms since epoch). */
  stalledSince: number | undefined;
}

export class StreamHub {
  readonly epoch: string;
  private seq = 0;
  /** Changes of the current window, their objects as JSON text. */
  private pending: SerializedChange[] = [];
  private statusDirty = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly stallCheck: ReturnType<typeof setInterval>;
  private readonly stallTimeoutMs: number;
  private readonly ring: RingBuffer;
  private readonly clients = new Map<SseClient, ClientState>();
  private readonly coalesceMs: number;
  private readonly clientLimit: number;
  private readonly snapshots: SnapshotCache;
  /** Counters for /metrics. */
  readonly stats = { deltas: 0, resyncs: 0, stalledCut: 0 };

  constructor(
    private readonly state: HubState,
    options: HubOptions,
  ) {
    this.epoch = options.epoch;
    this.coalesceMs = options.coalesceMs ?? 100;
    this.clientLimit = options.clientMaxBufferedBytes ?? 4 * 1024 * 1024;
    this.snapshots = new SnapshotCache(
      options.serializeSnapshot ?? serializeSnapshot,
      options.snapshotHoldMs ?? 5000,
    );
    // 4 MB of deltas: a resume after a short disconnect needs a few KB at normal churn, and after
    // a burst bigger than that (initial sync, mass rollout) a snapshot (~11 MB at 10k routes) is
    // about as cheap to send as the replay, so more ring only costs memory.
    this.ring = new RingBuffer(options.ringEntries ?? 1000, options.ringBytes ?? 4 * 1024 * 1024);
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 20_000);
    this.heartbeat.unref?.();
    this.stallTimeoutMs = options.stallTimeoutMs ?? STALL_TIMEOUT_MS;
    this.stallCheck = setInterval(() => this.cutStalled(), Math.min(5000, this.stallTimeoutMs / 2));
    this.stallCheck.unref?.();
  }

  get currentSeq(): number {
    return this.seq;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** The largest number of unsent bytes any client has (a gauge for /metrics). */
  maxClientBufferedBytes(): number {
    let max = 0;
    for (const client of this.clients.keys()) max = Math.max(max, client.bufferedBytes);
    return max;
  }

  push(change: WatchChange): void {
    this.pushSerialized({
      type: change.type,
      cluster: change.cluster,
      objectJson: JSON.stringify(change.object),
    });
  }

  /** A change whose object is already JSON text (the store's): no parse, no second copy. */
  pushSerialized(change: SerializedChange): void {
    this.pending.push(change);
    this.schedule();
  }

  statusChanged(): void {
    this.statusDirty = true;
    this.schedule();
  }

  private schedule(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), this.coalesceMs);
  }

  /** Emits what is pending now (also before a snapshot, so the snapshot is the state at its seq). */
  flush(): void {
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.length > 0) {
      const changes = this.pending;
      this.pending = [];
      this.stats.deltas++;
      this.emit(deltaFrameBytes(this.epoch, ++this.seq, changes));
    }
    if (this.statusDirty) {
      this.statusDirty = false;
      const payload: StatusPayload = { epoch: this.epoch, seq: ++this.seq, kinds: this.state.kinds() };
      this.emit(Buffer.from(sseFrame('status', payload, this.id()), 'utf8'));
    }
  }

  /** The current state (pending changes flushed first, so it is the state at its seq). */
  snapshotParts(): SnapshotParts {
    this.flush();
    return {
      epoch: this.epoch,
      seq: this.seq,
      source: this.state.source(),
      kinds: this.state.kinds(),
      objects: this.state.objectsJson(),
    };
  }

  /** The SnapshotPayload as JSON bytes (GET /api/snapshot). */
  snapshotJson(): Buffer {
    return snapshotBytes(this.snapshotParts());
  }

  /** Adds a client: replays from Last-Event-ID when the ring still has it, else a snapshot. */
  subscribe(client: SseClient, lastEventId?: string): 'resumed' | 'snapshot' {
    this.flush();
    const last = parseEventId(lastEventId);
    const replay = last && last.epoch === this.epoch ? this.ring.since(last.seq, this.seq) : undefined;
    this.clients.set(client, {
      resyncPending: false,
      lastSent: client.sentBytes,
      lastBuffered: client.bufferedBytes,
      stalledSince: undefined,
    });
    if (replay) {
      for (const entry of replay) client.write(entry.frame);
      return 'resumed';
    }
    this.sendSnapshot(client);
    return 'snapshot';
  }

  unsubscribe(client: SseClient): void {
    this.clients.delete(client);
    // Nobody left to share the snapshot frame with.
    if (this.clients.size === 0) this.snapshots.invalidate();
  }

  /** Whether a snapshot frame is held for the next subscriber (memory tests). */
  get holdsSnapshotFrame(): boolean {
    return this.snapshots.cached;
  }

  close(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.stallCheck);
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.snapshots.invalidate();
    for (const client of this.clients.keys()) client.end();
    this.clients.clear();
  }

  private id(): string {
    return `${this.epoch}:${this.seq}`;
  }

  /** One serialization per (seq, source, kinds), shared by every client that needs a snapshot. */
  private sendSnapshot(client: SseClient): void {
    this.flush();
    const source = this.state.source();
    const kinds = this.state.kinds();
    const header = JSON.stringify([source, kinds]);
    const frame = this.snapshots.frame(this.seq, header, () => ({
      epoch: this.epoch,
      seq: this.seq,
      source,
      kinds,
      objects: this.state.objectsJson(),
    }));
    client.write(frame);
  }

  /** Encoded once: every client (and the ring) shares the same bytes. */
  private emit(frame: Buffer): void {
    this.snapshots.invalidate();
    this.ring.push({ seq: this.seq, frame });
    for (const [client, state] of this.clients) this.deliver(client, state, frame);
  }

  private deliver(client: SseClient, state: ClientState, frame: Uint8Array): void {
    if (state.resyncPending) return;
    if (client.bufferedBytes > this.clientLimit) {
      // Slow reader: stop queueing for it; when its socket drains it gets a fresh snapshot.
      state.resyncPending = true;
      this.stats.resyncs++;
      client.onDrain(() => {
        if (!this.clients.has(client)) return;
        state.resyncPending = false;
        this.sendSnapshot(client);
      });
      return;
    }
    client.write(frame);
  }

  /** Cuts off clients with unsent bytes that made no progress for stallTimeoutMs. */
  cutStalled(now = Date.now()): void {
    for (const [client, state] of this.clients) {
      const buffered = client.bufferedBytes;
      const sent = client.sentBytes;
      const progress = buffered === 0 || buffered < state.lastBuffered || sent !== state.lastSent;
      state.lastBuffered = buffered;
      state.lastSent = sent;
      if (progress) {
        state.stalledSince = undefined;
        continue;
      }
      state.stalledSince ??= now;
      if (now - state.stalledSince < this.stallTimeoutMs) continue;
      this.stats.stalledCut++;
      this.clients.delete(client);
      if (client.destroy) client.destroy();
      else client.end();
    }
    if (this.clients.size === 0) this.snapshots.invalidate();
  }

  private beat(): void {
    const frame = sseFrame('heartbeat', { epoch: this.epoch, seq: this.seq });
    for (const [client, state] of this.clients) {
      if (!state.resyncPending && client.bufferedBytes <= this.clientLimit) client.write(frame);
    }
  }
}
