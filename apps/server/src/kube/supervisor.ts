/**
 * One supervisor per kind and cluster: list, then watch from the list's resourceVersion with
 * bookmarks; relist on 410; restart with jittered exponential backoff on any other error (the
 * client library's informer would stop for good there). Tracks the kind's sync state.
 */
import type { KindSyncState } from '@gatescope/core/wire';
import { ACCEPT_JSON, KubeHttpError, type KubeHttp } from './http.ts';
import { storedObject, type StoredObject } from '../store/object-store.ts';
import { ingest, isKept, type RawObject } from './ingest.ts';
import { collectionPath, groupKindId, type WatchTarget } from './kinds.ts';
import { runWatch } from './watch-stream.ts';
import { safeErrorText } from './error-text.ts';

const ACCEPT_METADATA_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
const ACCEPT_METADATA = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

/** Where a kind's objects go, already ingested and serialized (see store/object-store.ts). */
export interface KindSink {
  replace(cluster: string, kindId: string, items: readonly StoredObject[]): void;
  apply(cluster: string, kindId: string, type: 'ADDED' | 'MODIFIED' | 'DELETED', object: StoredObject): void;
  clear(cluster: string, kindId: string): void;
}

export interface SupervisorState {
  readonly state: KindSyncState;
  readonly message?: string;
  readonly restarts: number;
  readonly relists: number;
}

export interface SupervisorOptions {
  readonly cluster: string;
  readonly target: WatchTarget;
  readonly http: KubeHttp;
  readonly sink: KindSink;
  readonly onState: (state: SupervisorState) => void;
  readonly random?: () => number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  /** Server-side watch timeout; jittered ±25% so watches do not all renew at once. */
  readonly watchTimeoutSeconds?: number;
  readonly pageSize?: number;
}

export class KindSupervisor {
  private readonly abort = new AbortController();
  private current: SupervisorState = { state: 'syncing', restarts: 0, relists: 0 };
  private readonly kindId: string;
  private readonly random: () => number;

  constructor(private readonly opts: SupervisorOptions) {
    this.kindId = groupKindId(opts.target);
    this.random = opts.random ?? Math.random;
  }

  get target(): WatchTarget {
    return this.opts.target;
  }

  get status(): SupervisorState {
    return this.current;
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.abort.abort();
  }

  private publish(next: SupervisorState): void {
    const prev = this.current;
    this.current = next;
    const same =
      prev.state === next.state &&
      prev.message === next.message &&
      prev.restarts === next.restarts &&
      prev.relists === next.relists;
    if (!same) this.opts.onState(next);
  }

  /** A new state replaces the message too (a synced kind has none). */
  private setState(state: KindSyncState, message?: string, restarted = false): void {
    const { restarts, relists } = this.current;
    this.publish({
      state,
      restarts: restarts + (restarted ? 1 : 0),
      relists,
      ...(message === undefined ? {} : { message }),
    });
  }

  private countRelist(): void {
    this.publish({ ...this.current, restarts: this.current.restarts + 1, relists: this.current.relists + 1 });
  }

  private async run(): Promise<void> {
    let rv: string | undefined;
    let failures = 0;
    let expiredInARow = 0;
    const signal = this.abort.signal;
    while (!signal.aborted) {
      try {
        if (rv === undefined) {
          rv = await this.list();
          this.setState('synced');
        }
        rv = await runWatch(this.opts.http, {
          path: collectionPath(this.opts.target),
          resourceVersion: rv,
          accept: this.opts.target.metadataOnly ? ACCEPT_METADATA : ACCEPT_JSON,
          timeoutSeconds: this.watchTimeout(),
          signal,
          onOpen: () => {
            failures = 0;
            expiredInARow = 0;
            if (this.current.state !== 'synced') this.setState('synced');
          },
          // A dropped connection resumes from the last version seen, not from where it started.
          onResourceVersion: (version) => (rv = version),
          onEvent: (event) => {
            if (!isKept(this.opts.target, event.object)) return;
            this.opts.sink.apply(
              this.opts.cluster,
              this.kindId,
              event.type,
              storedObject(ingest(this.opts.target, event.object)),
            );
          },
        });
      } catch (error) {
        if (signal.aborted) return;
        const status = error instanceof KubeHttpError ? error.status : 0;
        if (status === 410) {
          // Expired resourceVersion (compaction, watch cache window): relist, do not back off.
          rv = undefined;
          this.countRelist();
          // Twice in a row without a watch in between: something is off, do not spin.
          if (++expiredInARow > 1) await this.sleep(this.backoff(expiredInARow - 1, false));
          continue;
        }
        failures++;
        const message = safeErrorText(error);
        if (status === 403 || status === 401) {
          rv = undefined;
          this.opts.sink.clear(this.opts.cluster, this.kindId);
          this.setState('forbidden', message);
        } else if (status === 404) {
          // Not cleared here: a restarting apiserver 404s custom resources until its CRDs load.
          // The cluster watcher clears the kind once discovery agrees that it is gone.
          rv = undefined;
          this.setState('absent', message);
        } else {
          this.setState('degraded', message, true);
        }
        await this.sleep(this.backoff(failures, status === 403 || status === 401));
      }
    }
  }

  private watchTimeout(): number {
    const base = this.opts.watchTimeoutSeconds ?? 300;
    return Math.max(1, Math.round(base * (0.75 + this.random() / 2)));
  }

  /** Full jitter between half and all of min(max, base·2^n); RBAC changes are polled slowly. */
  private backoff(failures: number, forbidden: boolean): number {
    const base = this.opts.backoffBaseMs ?? 500;
    const max = this.opts.backoffMaxMs ?? 30_000;
    const ceiling = forbidden ? max : Math.min(max, base * 2 ** Math.min(failures - 1, 16));
    return ceiling * (0.5 + this.random() / 2);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.abort.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** Paginated list; returns the list's resourceVersion to watch from. */
  private async list(): Promise<string> {
    // Serialized page by page: a 10k-object kind is never held as parsed objects all at once.
    const items: StoredObject[] = [];
    let token: string | undefined;
    let rv = '';
    do {
      const query = new URLSearchParams({ limit: String(this.opts.pageSize ?? 500) });
      if (token) query.set('continue', token);
      const page = await this.opts.http.getJson<{
        metadata?: { resourceVersion?: string; continue?: string };
        items?: RawObject[];
      }>(`${collectionPath(this.opts.target)}?${query.toString()}`, {
        accept: this.opts.target.metadataOnly ? ACCEPT_METADATA_LIST : ACCEPT_JSON,
        signal: this.abort.signal,
      });
      for (const item of page.items ?? [])
        if (isKept(this.opts.target, item)) items.push(storedObject(ingest(this.opts.target, item)));
      rv = page.metadata?.resourceVersion ?? rv;
      token = page.metadata?.continue || undefined;
    } while (token);
    this.opts.sink.replace(this.opts.cluster, this.kindId, items);
    return rv;
  }
}
