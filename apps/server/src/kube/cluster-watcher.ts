/**
 * All watches of one cluster: API discovery (re-run periodically, so CRDs installed later are
 * picked up and removed ones dropped) and one KindSupervisor per served kind.
 */
import type { KindStatus } from '@gatescope/core/wire';
import { discover } from './discovery.ts';
import type { KubeHttp } from './http.ts';
import { groupKindId, guessResource, WANTED_KINDS, type WantedKind, type WatchTarget } from './kinds.ts';
import { KindSupervisor, type KindSink, type SupervisorOptions } from './supervisor.ts';
import { safeErrorText } from './error-text.ts';

export interface ClusterWatcherOptions {
  readonly cluster: string;
  readonly http: KubeHttp;
  readonly sink: KindSink & { count(cluster: string, kindId: string): number };
  /** Called whenever a kind's state, version or restart count changes. */
  readonly onStatus: () => void;
  readonly log?: (message: string) => void;
  readonly discoveryIntervalMs?: number;
  readonly wanted?: readonly WantedKind[];
  readonly supervisor?: Partial<
    Pick<SupervisorOptions, 'backoffBaseMs' | 'backoffMaxMs' | 'watchTimeoutSeconds' | 'random'>
  >;
}

export class ClusterWatcher {
  private readonly supervisors = new Map<string, KindSupervisor>();
  /** Whether each kind has reached a settled state once (readyz). */
  private readonly settled = new Set<string>();
  private discovered = false;
  private discoveryError: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  readonly stats = { discoveries: 0, discoveryFailures: 0 };

  constructor(private readonly opts: ClusterWatcherOptions) {}

  get cluster(): string {
    return this.opts.cluster;
  }

  private get wanted(): readonly WantedKind[] {
    return this.opts.wanted ?? WANTED_KINDS;
  }

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.opts.discoveryIntervalMs ?? 30_000);
    this.timer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const supervisor of this.supervisors.values()) supervisor.stop();
    this.supervisors.clear();
  }

  /** One discovery pass; an unreachable cluster keeps the watches it has (they retry on their own). */
  async refresh(): Promise<void> {
    let targets: ReadonlyMap<string, WatchTarget>;
    try {
      targets = (await discover(this.opts.http, this.wanted)).targets;
      this.stats.discoveries++;
      this.discoveryError = undefined;
    } catch (error) {
      this.stats.discoveryFailures++;
      this.discoveryError = safeErrorText(error);
      this.opts.log?.(`[${this.cluster}] discovery failed: ${this.discoveryError}`);
      return;
    }
    if (this.stopped) return;
    let changed = !this.discovered;
    this.discovered = true;
    for (const wanted of this.wanted) {
      const id = groupKindId(wanted);
      const target = targets.get(id);
      const running = this.supervisors.get(id);
      // Right after an apiserver restart discovery can omit CRD-served kinds for a while, so a
      // missing kind is dropped only once its own watch has confirmed it (404 → absent).
      if (running && !target && running.status.state !== 'absent') continue;
      if (
        running &&
        (!target || running.target.version !== target.version || running.target.resource !== target.resource)
      ) {
        running.stop();
        this.supervisors.delete(id);
        if (!target) this.opts.sink.clear(this.cluster, id);
        changed = true;
      }
      if (target && !this.supervisors.has(id)) {
        this.opts.log?.(
          `[${this.cluster}] watching ${target.resource}.${target.group || 'core'}/${target.version}`,
        );
        this.startSupervisor(id, target);
        changed = true;
      }
    }
    if (changed) this.opts.onStatus();
  }

  private startSupervisor(id: string, target: WatchTarget): void {
    const supervisor = new KindSupervisor({
      ...this.opts.supervisor,
      cluster: this.cluster,
      target,
      http: this.opts.http,
      sink: this.opts.sink,
      onState: (state) => {
        if (state.state !== 'syncing' && state.state !== 'degraded') this.settled.add(id);
        this.opts.onStatus();
      },
    });
    this.supervisors.set(id, supervisor);
    supervisor.start();
  }

  kinds(): KindStatus[] {
    return this.wanted.map((wanted) => {
      const id = groupKindId(wanted);
      const supervisor = this.supervisors.get(id);
      const count = this.opts.sink.count(this.cluster, id);
      if (!supervisor) {
        return {
          cluster: this.cluster,
          group: wanted.group,
          version: '',
          kind: wanted.kind,
          resource: guessResource(wanted.kind),
          state: this.discovered ? 'absent' : 'syncing',
          ...(this.discovered ? { message: 'not served by this cluster' } : {}),
          count,
          restarts: 0,
        } satisfies KindStatus;
      }
      const status = supervisor.status;
      return {
        cluster: this.cluster,
        group: wanted.group,
        version: supervisor.target.version,
        kind: wanted.kind,
        resource: supervisor.target.resource,
        state: status.state,
        ...(status.message === undefined ? {} : { message: status.message }),
        count,
        restarts: status.restarts,
      } satisfies KindStatus;
    });
  }

  /** The last discovery pass failed: the cluster is not answering right now (and why). */
  get unreachableReason(): string | undefined {
    return this.discoveryError;
  }

  relists(): number {
    let total = 0;
    for (const supervisor of this.supervisors.values()) total += supervisor.status.relists;
    return total;
  }

  /** Ready once discovery ran and every served kind has been synced, or is forbidden/absent. */
  readiness(): { ready: boolean; waiting: string[] } {
    if (!this.discovered)
      return {
        ready: false,
        waiting: [`${this.cluster}: discovery${this.discoveryError ? ` (${this.discoveryError})` : ''}`],
      };
    const waiting = [...this.supervisors.keys()]
      .filter((id) => !this.settled.has(id))
      .map((id) => `${this.cluster}: ${id}`);
    return { ready: waiting.length === 0, waiting };
  }
}
