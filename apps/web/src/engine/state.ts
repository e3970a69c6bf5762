/**
 * The engine's state machine, free of Worker APIs so it can be unit-tested: it keeps the current
 * source (live objects or YAML files), an optional what-if overlay, the cluster filter and the
 * previous layout, and computes an EngineResult on demand.
 */
import { buildTopology, createSnapshot } from '@gatescope/core';
import type { Analysis, Diagnostic, GwObject, Snapshot, Topology } from '@gatescope/core';
import { aggregate } from './aggregate.ts';
import { layoutGraph } from './layout.ts';
import type { Point } from './layout.ts';
import { combineContexts } from './contexts.ts';
import {
  analyzeContexts,
  analyzeSnapshot,
  applyLiveChanges,
  liveClusters,
  loadFiles,
  selectClusters,
} from './pipeline.ts';
import type { LiveClusters } from './pipeline.ts';
import { ASSUMPTION_MARK } from './types.ts';
import type { SimRequest } from '@gatescope/core/matching/index';
import type { AnalyzeOptions } from '@gatescope/core/analysis/context';
import { liveAnalyzeOptions } from '@gatescope/core/analysis/live';
import { runRequests, TablesCache } from '../simulator/run.ts';
import type { EngineRequest, EngineResult, EngineView, Simulated, WhatIfBaseline } from './types.ts';

interface Loaded {
  readonly snapshot: Snapshot;
  readonly diagnostics: readonly Diagnostic[];
}

const EMPTY: Loaded = { snapshot: createSnapshot([]), diagnostics: [] };

/** What gets analysed: one snapshot, or several kube contexts kept apart (the all-contexts view). */
type Input =
  | { readonly kind: 'one'; readonly snapshot: Snapshot }
  | { readonly kind: 'contexts'; readonly contexts: ReadonlyMap<string, Snapshot> };

interface Computed {
  readonly analysis: Analysis;
  readonly topology: Topology;
  readonly contexts: ReadonlyMap<string, Analysis> | null;
  readonly analyzeMs: number;
  readonly topologyMs: number;
}

function now(): number {
  return globalThis.performance.now();
}

function clustersOf(snapshot: Snapshot): string[] {
  return [...new Set(snapshot.objects.map((o) => o.meta.cluster))].filter((c) => c !== '').sort();
}

function onlyClusters(snapshot: Snapshot, clusters: readonly string[] | null): Snapshot {
  if (clusters === null) return snapshot;
  const wanted = new Set(clusters);
  return createSnapshot(snapshot.objects.filter((o) => o.meta.cluster === '' || wanted.has(o.meta.cluster)));
}

/** The live snapshot with the overlay's objects on top (same key: the overlay wins). */
function withOverlay(base: Snapshot, overlay: Snapshot): Snapshot {
  const merged = new Map<string, GwObject>(base.objects.map((o) => [o.key, o]));
  for (const o of overlay.objects) merged.set(o.key, o);
  return createSnapshot(merged.values());
}

/** Node kinds that are parts of an object (they carry its key) rather than the object itself. */
const PARTS: ReadonlySet<string> = new Set(['Listener', 'Rule', 'Endpoints', 'Cluster']);

/** Keys of the sandbox's "assume it exists" stubs (sandbox/assumptions.ts writes the mark). */
function assumedKeys(analysis: Analysis): Set<string> {
  return new Set(
    analysis.snapshot.objects.filter((o) => o.meta.annotations[ASSUMPTION_MARK] === 'true').map((o) => o.key),
  );
}

function changedNodes(baseline: Topology, current: Topology): string[] {
  const before = new Map(baseline.nodes.map((n) => [n.id, n.health]));
  return current.nodes.filter((n) => before.get(n.id) !== n.health).map((n) => n.id);
}

export class EngineState {
  private source: 'live' | 'yaml' = 'live';
  private live: LiveClusters = new Map();
  /** The live input of the selected contexts, kept so that its identity is stable. */
  private liveView: Input | null = null;
  private yaml: Loaded = EMPTY;
  private overlay: Loaded | null = null;
  private clusters: readonly string[] | null = null;
  private expanded = new Set<string>();
  private positions = new Map<string, Point>();
  /** The last layout's topology id → shown node (which group held a node before it opened). */
  private shownAs: ReadonlyMap<string, string> = new Map();
  private revision = 0;
  private baselineCache: { input: Input; computed: Computed } | null = null;
  private loadMs = 0;
  /** What the live kinds' sync states imply (core's liveAnalyzeOptions, shared with /metrics). */
  private liveOptions: AnalyzeOptions = liveAnalyzeOptions([]);

  private last: { revision: number; analysis: Analysis } | null = null;
  private readonly tables = new TablesCache();

  /** Runs requests against the analysis of the latest computed result. */
  simulate(id: number, requests: readonly SimRequest[]): Simulated {
    if (this.last === null)
      return { id, revision: null, results: requests.map(() => ({ error: 'No analysis yet.' })) };
    const results = runRequests(this.tables.of(this.last.analysis), requests);
    return { id, revision: this.last.revision, results };
  }

  /** Applies one request; returns false when nothing visible can have changed. */
  apply(request: Exclude<EngineRequest, { type: 'simulate' }>): boolean {
    const start = now();
    switch (request.type) {
      case 'live-snapshot':
        this.live = liveClusters(request.payload.objects);
        this.liveView = null;
        this.liveOptions = liveAnalyzeOptions(request.payload.kinds);
        break;
      case 'live-delta':
        this.live = applyLiveChanges(this.live, request.payload.changes);
        this.liveView = null;
        break;
      case 'yaml':
        this.source = 'yaml';
        this.yaml = loadFiles(request.files);
        break;
      case 'source':
        this.source = request.source;
        break;
      case 'overlay':
        this.overlay = request.files === null ? null : loadFiles(request.files);
        break;
      case 'clusters':
        this.clusters = request.clusters;
        this.liveView = null;
        break;
      case 'expanded':
        this.expanded = new Set(request.keys);
        break;
    }
    this.loadMs = now() - start;
    // Live traffic while the sandbox YAML is shown changes nothing on screen.
    return !(this.source === 'yaml' && request.type.startsWith('live-'));
  }

  /** Sandbox YAML is files, never a whole cluster: the defaults (everything visible, nothing complete). */
  private options(): AnalyzeOptions {
    return this.source === 'yaml' ? {} : this.liveOptions;
  }

  private baseline(input: Input): Computed {
    if (this.baselineCache?.input !== input) this.baselineCache = { input, computed: this.run(input, null) };
    return this.baselineCache.computed;
  }

  private liveInput(): Input {
    const selected = selectClusters(this.live, this.clusters);
    if (selected.size > 1) return { kind: 'contexts', contexts: selected };
    return { kind: 'one', snapshot: [...selected.values()][0] ?? createSnapshot([]) };
  }

  private baseInput(): { input: Input; diagnostics: readonly Diagnostic[] } {
    if (this.source === 'yaml') {
      const snapshot = onlyClusters(this.yaml.snapshot, this.clusters);
      return { input: { kind: 'one', snapshot }, diagnostics: this.yaml.diagnostics };
    }
    this.liveView ??= this.liveInput();
    return { input: this.liveView, diagnostics: [] };
  }

  /** Analysis and topology of the input; an overlay applies to every context. */
  private run(input: Input, overlay: Snapshot | null): Computed {
    const on = (s: Snapshot): Snapshot => (overlay === null ? s : withOverlay(s, overlay));
    let t = now();
    if (input.kind === 'contexts') {
      const contexts = analyzeContexts(
        new Map([...input.contexts].map(([c, s]) => [c, on(s)])),
        this.options(),
      );
      const analyzeMs = now() - t;
      t = now();
      return { ...combineContexts(contexts), contexts, analyzeMs, topologyMs: now() - t };
    }
    const analysis = analyzeSnapshot(on(input.snapshot), this.options());
    const analyzeMs = now() - t;
    t = now();
    return { analysis, topology: buildTopology(analysis), contexts: null, analyzeMs, topologyMs: now() - t };
  }

  private knownClusters(): string[] {
    if (this.source === 'yaml') return clustersOf(this.yaml.snapshot);
    return [...this.live.keys()].filter((c) => c !== '').sort();
  }

  compute(): EngineResult {
    const { input, diagnostics } = this.baseInput();
    const whatIf = this.source === 'live' && this.overlay !== null ? this.overlay : null;
    const current = this.run(input, whatIf?.snapshot ?? null);
    const { analysis, topology } = current;
    const t = now();
    const view = this.layout(topology, assumedKeys(analysis));
    const layoutMs = now() - t;

    let baseline: WhatIfBaseline | null = null;
    if (whatIf !== null) {
      const b = this.baseline(input);
      baseline = {
        analysis: b.analysis,
        topology: b.topology,
        changedNodes: changedNodes(b.topology, topology),
      };
    }
    this.revision++;
    this.last = { revision: this.revision, analysis };
    return {
      revision: this.revision,
      source: this.source,
      analysis,
      topology,
      contexts: current.contexts,
      view,
      parseDiagnostics: [...diagnostics, ...(whatIf?.diagnostics ?? [])],
      baseline,
      clusters: this.knownClusters(),
      timings: {
        loadMs: this.loadMs,
        analyzeMs: current.analyzeMs,
        topologyMs: current.topologyMs,
        layoutMs,
      },
    };
  }

  private layout(topology: Topology, assumed: ReadonlySet<string>): EngineView {
    const graph = aggregate(topology, this.expanded);
    // Stability matters for updates; a mostly new graph (another scenario, another source) gets a
    // fresh layout instead of being arranged around a few survivors.
    const kept = graph.nodes.filter((n) => this.positions.has(n.id)).length;
    const previous = kept * 2 >= graph.nodes.length ? this.positions : new Map<string, Point>();
    // An opened group's members start where the group was (then in natural order).
    const hints = new Map<string, number>();
    for (const n of graph.nodes) {
      if (previous.has(n.id)) continue;
      const group = this.shownAs.get(n.id);
      const at = group === undefined || group === n.id ? undefined : this.positions.get(group);
      if (at !== undefined) hints.set(n.id, at.y);
    }
    const positions = layoutGraph(graph.nodes, graph.edges, previous, hints);
    // Only nodes on screen keep a place: a slot freed by a removed node can be reused.
    this.positions = positions;
    this.shownAs = graph.shownAs;
    const nodes = graph.nodes.map((n) => {
      const position = positions.get(n.id) ?? { x: 0, y: 0 };
      const isAssumed = n.key !== undefined && !PARTS.has(n.kind) && assumed.has(n.key);
      return isAssumed ? { ...n, position, assumed: true } : { ...n, position };
    });
    return { nodes, edges: graph.edges, aggregated: graph.aggregated, shownAs: graph.shownAs };
  }
}
