/**
 * Demo mode that turns live when a cluster becomes reachable: `gatescope serve` started before
 * the cluster (a laptop waking up, `kind create cluster` still running, a VPN not yet up) would
 * otherwise stay on the demo until restarted. Only used when the user did not ask for
 * --no-cluster.
 *
 * The switch is a new source with a new epoch: the demo's stream is closed, browsers reconnect
 * (EventSource does so by itself), and their old Last-Event-ID belongs to another epoch, so they
 * get a fresh snapshot that says `mode: live`. Live never switches back: a live source reports
 * unreachable clusters itself.
 */
import type { KindStatus, SourceInfo, WireObject } from '@gatescope/core/wire';
import type { StreamHub } from '../stream/hub.ts';
import type { DataSource } from './types.ts';
import { safeErrorText } from '../kube/error-text.ts';

/** Connects and starts a live source, or says why it could not (nothing reachable yet). */
export type LiveProbe = () => Promise<DataSource | undefined>;

export interface ReprobingOptions {
  readonly probe: LiveProbe;
  /** Time between probes; each probe waits for the previous one to finish. */
  readonly intervalMs: number;
  readonly log: (message: string) => void;
}

export class ReprobingSource implements DataSource {
  private current: DataSource;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private inFlight: Promise<boolean> | undefined;

  constructor(
    demo: DataSource,
    private readonly options: ReprobingOptions,
  ) {
    this.current = demo;
    this.schedule();
  }

  /** Routes read the hub per request, so new streams always reach the current source. */
  get hub(): StreamHub {
    return this.current.hub;
  }

  get mode(): SourceInfo['mode'] {
    return this.current.info().mode;
  }

  /**
   * One probe; true when the server is now live. The timer calls it, tests may too; a call while
   * a probe runs shares it, so two live sources are never started.
   */
  reprobe(): Promise<boolean> {
    this.inFlight ??= this.probeOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async probeOnce(): Promise<boolean> {
    if (this.stopped || this.mode === 'live') return this.mode === 'live';
    let live: DataSource | undefined;
    try {
      live = await this.options.probe();
    } catch (error) {
      this.options.log(`cluster probe failed: ${safeErrorText(error)}`);
    }
    if (live === undefined) return false;
    if (this.stopped) {
      live.stop();
      return false;
    }
    const demo = this.current;
    this.current = live;
    demo.stop();
    this.options.log('a cluster is reachable now → switched from demo to live mode');
    return true;
  }

  info(): SourceInfo {
    return this.current.info();
  }

  kinds(): KindStatus[] {
    return this.current.kinds();
  }

  objects(): WireObject[] {
    return this.current.objects();
  }

  readiness(): { readonly ready: boolean; readonly waiting: readonly string[] } {
    return this.current.readiness();
  }

  metrics(): { readonly watchRelists: number; readonly discoveryFailures: number } {
    return this.current.metrics();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.current.stop();
  }

  private schedule(): void {
    if (this.stopped || this.mode === 'live') return;
    this.timer = setTimeout(() => {
      void this.reprobe().then(() => this.schedule());
    }, this.options.intervalMs);
    // A pending probe never keeps the process alive on its own.
    this.timer.unref?.();
  }
}
