/**
 * A test client for GET /api/events: parses SSE frames, keeps every event in order and a local
 * copy of the objects built only from the stream (snapshot, then deltas), like the browser does.
 */
import { request, type ClientRequest } from 'node:http';
import type {
  DeltaPayload,
  KindStatus,
  SnapshotPayload,
  StatusPayload,
  WatchChange,
} from '@gatescope/core/wire';

export interface StreamEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: unknown;
}

type Raw = Readonly<Record<string, unknown>>;

export function objectId(cluster: string, object: Raw): string {
  const meta = (object['metadata'] ?? {}) as { namespace?: string; name?: string };
  return `${cluster}|${String(object['apiVersion'])}|${String(object['kind'])}|${meta.namespace ?? ''}/${meta.name ?? ''}`;
}

export class SseTestClient {
  readonly events: StreamEvent[] = [];
  readonly changes: WatchChange[] = [];
  readonly objects = new Map<string, Raw>();
  kinds: readonly KindStatus[] = [];
  lastId: string | undefined;
  /** The server ended the stream (shutdown, or a demo source that turned live). */
  ended = false;
  private req: ClientRequest | undefined;
  private buffer = '';

  constructor(private readonly baseUrl: string) {}

  connect(lastEventId?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const url = new URL('/api/events', this.baseUrl);
      this.req = request(
        url,
        {
          headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        },
        (res) => {
          if (res.statusCode !== 200) reject(new Error(`SSE status ${res.statusCode}`));
          res.setEncoding('utf8');
          res.on('error', () => {}); // the server going away ends the stream; tests look at what arrived
          res.on('data', (chunk: string) => this.feed(chunk));
          res.on('end', () => {
            this.ended = true;
          });
          resolve();
        },
      );
      this.req.on('error', () => {});
      this.req.end();
    });
  }

  close(): void {
    this.req?.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(frame);
    }
  }

  private parse(frame: string): void {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0) return;
    const payload: unknown = JSON.parse(data.join('\n'));
    this.events.push({ ...(id === undefined ? {} : { id }), event, data: payload });
    if (id !== undefined) this.lastId = id;
    if (event === 'snapshot') {
      const snapshot = payload as SnapshotPayload;
      this.objects.clear();
      for (const item of snapshot.objects) this.objects.set(objectId(item.cluster, item.object), item.object);
      this.kinds = snapshot.kinds;
    } else if (event === 'delta') {
      for (const change of (payload as DeltaPayload).changes) {
        this.changes.push(change);
        const key = objectId(change.cluster, change.object);
        if (change.type === 'DELETED') this.objects.delete(key);
        else this.objects.set(key, change.object);
      }
    } else if (event === 'status') {
      this.kinds = (payload as StatusPayload).kinds;
    }
  }

  kind(kind: string): KindStatus | undefined {
    return this.kinds.find((k) => k.kind === kind);
  }

  /** `namespace/name@resourceVersion` of every streamed object of a kind, sorted. */
  versionsOf(kind: string): string[] {
    return [...this.objects.values()]
      .filter((o) => o['kind'] === kind)
      .map((o) => {
        const m = o['metadata'] as { namespace?: string; name: string; resourceVersion: string };
        return `${m.namespace ?? ''}/${m.name}@${m.resourceVersion}`;
      })
      .sort();
  }
}
