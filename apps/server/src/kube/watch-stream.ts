/**
 * One watch request: streams JSON lines until the apiserver ends it (timeoutSeconds), the
 * connection drops, or an ERROR event arrives (410 Expired → KubeHttpError 410 → relist).
 */
import { createInterface } from 'node:readline';
import { KubeHttpError, type KubeHttp } from './http.ts';
import type { RawObject } from './ingest.ts';

export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: RawObject;
}

export interface WatchOptions {
  readonly path: string;
  readonly resourceVersion: string;
  readonly accept: string;
  readonly timeoutSeconds: number;
  readonly signal: AbortSignal;
  /** Called when the stream is open (HTTP 200): the watch is live again. */
  readonly onOpen: () => void;
  readonly onEvent: (event: WatchEvent) => void;
  /** Each time the watch's resourceVersion moves (events and bookmarks): where to resume from. */
  readonly onResourceVersion: (resourceVersion: string) => void;
}

/** Resolves with the last resourceVersion seen when the server ends the watch normally. */
export async function runWatch(http: KubeHttp, opts: WatchOptions): Promise<string> {
  const query = new URLSearchParams({
    watch: 'true',
    resourceVersion: opts.resourceVersion,
    allowWatchBookmarks: 'true',
    timeoutSeconds: String(opts.timeoutSeconds),
  });
  const res = await http.open(`${opts.path}?${query.toString()}`, {
    accept: opts.accept,
    signal: opts.signal,
  });
  opts.onOpen();
  let rv = opts.resourceVersion;
  // A half-open connection (partition) sends nothing: give up well after the server's own timeout.
  const idleLimitMs = (opts.timeoutSeconds + 30) * 1000;
  return new Promise((resolve, reject) => {
    let failure: Error | undefined;
    const idle = setTimeout(() => res.destroy(new Error('watch idle too long')), idleLimitMs);
    const lines = createInterface({ input: res, crlfDelay: Infinity });
    lines.on('line', (line) => {
      if (failure || line.trim() === '') return;
      let event: { type?: string; object?: RawObject };
      try {
        event = JSON.parse(line) as typeof event;
      } catch {
        failure = new Error('malformed watch event');
        res.destroy(failure);
        return;
      }
      const object = event.object ?? {};
      const metadata = (object['metadata'] ?? {}) as { resourceVersion?: string };
      if (event.type === 'ERROR') {
        const status = object as { code?: number; message?: string; reason?: string };
        failure = new KubeHttpError(status.code ?? 500, status.message ?? 'watch error', status.reason);
        res.destroy();
        return;
      }
      if (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED') {
        opts.onEvent({ type: event.type, object });
      }
      if (metadata.resourceVersion) {
        rv = metadata.resourceVersion;
        opts.onResourceVersion(rv);
      }
      // BOOKMARK: only the resourceVersion moves on.
    });
    const onError = (error: Error): void => {
      failure ??= error;
    };
    res.on('error', onError);
    // readline re-emits its input's errors: without a listener they would crash the process.
    lines.on('error', onError);
    res.on('close', () => {
      clearTimeout(idle);
      lines.close();
      if (failure) reject(failure);
      else if (!res.complete) reject(new Error('watch connection lost'));
      else resolve(rv);
    });
  });
}
