/** Live mode: one ClusterWatcher per reachable context feeding one store and one stream. */
import type { ContextInfo, KindStatus, SourceInfo, WireObject } from '@gatescope/core/wire';
import { ClusterWatcher, type ClusterWatcherOptions } from '../kube/cluster-watcher.ts';
import type { ClusterConnection } from '../kube/config.ts';
import { ObjectStore } from '../store/object-store.ts';
import { StreamHub, type HubOptions } from '../stream/hub.ts';
import type { ObjectJson } from '../stream/wire-json.ts';
import { newEpoch, type DataSource } from './types.ts';

export interface LiveSourceOptions {
  readonly connections: readonly ClusterConnection[];
  readonly contexts: readonly ContextInfo[];
  readonly log?: (message: string) => void;
  readonly hub?: Partial<HubOptions>;
  readonly watcher?: Partial<Pick<ClusterWatcherOptions, 'discoveryIntervalMs' | 'supervisor' | 'wanted'>>;
}

export class LiveSource implements DataSource {
  readonly hub: StreamHub;
  private readonly store = new ObjectStore();
  private readonly watchers: ClusterWatcher[];

  constructor(private readonly opts: LiveSourceOptions) {
    this.hub = new StreamHub(this, { epoch: newEpoch(), ...opts.hub });
    this.store.onChange((change) => this.hub.pushSerialized(change));
    this.watchers = opts.connections.map(
      (conn) =>
        new ClusterWatcher({
          ...opts.watcher,
          cluster: conn.name,
          http: conn.http,
          sink: this.store,
          onStatus: () => this.hub.statusChanged(),
          ...(opts.log ? { log: opts.log } : {}),
        }),
    );
  }

  /** Starts discovery and watches; resolves after the first discovery pass of every cluster. */
  async start(): Promise<void> {
    await Promise.all(this.watchers.map((w) => w.start()));
  }

  stop(): void {
    for (const watcher of this.watchers) watcher.stop();
    this.hub.close();
  }

  /** Contexts as connected at start, updated with what the latest discovery pass found. */
  source(): SourceInfo {
    const contexts = this.opts.contexts.map((ctx) => {
      const reason = this.watchers.find((w) => w.cluster === ctx.name)?.unreachableReason;
      return reason === undefined ? ctx : { ...ctx, reachable: false, reason };
    });
    return { mode: 'live', contexts };
  }

  info(): SourceInfo {
    return this.source();
  }

  kinds(): KindStatus[] {
    return this.watchers.flatMap((w) => w.kinds());
  }

  /** Parsed on demand (the store keeps JSON text): for the analysis behind /metrics. */
  objects(): WireObject[] {
    return this.store.all();
  }

  objectsJson(): ObjectJson[] {
    return this.store.allJson();
  }

  readiness(): { ready: boolean; waiting: string[] } {
    const states = this.watchers.map((w) => w.readiness());
    return { ready: states.every((s) => s.ready), waiting: states.flatMap((s) => s.waiting) };
  }

  metrics(): { watchRelists: number; discoveryFailures: number } {
    return {
      watchRelists: this.watchers.reduce((n, w) => n + w.relists(), 0),
      discoveryFailures: this.watchers.reduce((n, w) => n + w.stats.discoveryFailures, 0),
    };
  }
}
