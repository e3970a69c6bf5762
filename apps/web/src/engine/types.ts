/**
 * The engine's messages and result. The engine runs the core pipeline in a Web Worker:
 * normalize → analyze → buildTopology → aggregate → layout. Everything here is structured-clone
 * safe (plain objects, arrays and Maps).
 */
import type { Analysis, DeltaPayload, Diagnostic, SnapshotPayload, Topology } from '@gatescope/core';
import type { SimRequest } from '@gatescope/core/matching/index';
import type { SimOutcome } from '../simulator/run.ts';
import type { ViewEdge, ViewNode } from './aggregate.ts';
import type { Point } from './layout.ts';

/** Annotation of the sandbox's "assume it exists" stubs; such objects are marked in the graph. */
export const ASSUMPTION_MARK = 'gatescope.dev/assumption';

/** One input file or pasted buffer (same shape as the core's ManifestFile). */
export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

export type EngineRequest =
  | { readonly type: 'live-snapshot'; readonly payload: SnapshotPayload }
  | { readonly type: 'live-delta'; readonly payload: DeltaPayload }
  /** Sandbox input; also makes YAML the active source. */
  | { readonly type: 'yaml'; readonly files: readonly SourceFile[] }
  /** Which input the result shows: the live snapshot (plus overlay) or the sandbox YAML. */
  | { readonly type: 'source'; readonly source: 'live' | 'yaml' }
  | { readonly type: 'overlay'; readonly files: readonly SourceFile[] | null }
  /** Only objects of these kube contexts (null: all, the multi-cluster view). */
  | { readonly type: 'clusters'; readonly clusters: readonly string[] | null }
  /** Aggregation groups the user opened (keys from ViewNode.group.expandKey). */
  | { readonly type: 'expanded'; readonly keys: readonly string[] }
  /** Simulate against the latest result's analysis (large inputs; answered by 'simulated'). */
  | { readonly type: 'simulate'; readonly id: number; readonly requests: readonly SimRequest[] };

export interface PositionedNode extends ViewNode {
  readonly position: Point;
}

export interface EngineView {
  readonly nodes: readonly PositionedNode[];
  readonly edges: readonly ViewEdge[];
  readonly aggregated: boolean;
  /** Topology node id → the view node that shows it (itself, or its aggregate group). */
  readonly shownAs: ReadonlyMap<string, string>;
}

export interface WhatIfBaseline {
  readonly analysis: Analysis;
  readonly topology: Topology;
  /** Node ids that are new or whose health differs from the baseline. */
  readonly changedNodes: readonly string[];
}

export interface EngineTimings {
  readonly loadMs: number;
  readonly analyzeMs: number;
  readonly topologyMs: number;
  readonly layoutMs: number;
}

export interface EngineResult {
  readonly revision: number;
  readonly source: 'live' | 'yaml';
  readonly analysis: Analysis;
  readonly topology: Topology;
  /**
   * Several kube contexts shown together: each context's own Analysis (node ids in `topology`
   * are then prefixed with the context, see contexts.ts). null for one context or YAML.
   */
  readonly contexts: ReadonlyMap<string, Analysis> | null;
  readonly view: EngineView;
  /** Parse and normalize problems (YAML and overlay input; live objects that failed to load). */
  readonly parseDiagnostics: readonly Diagnostic[];
  /** In what-if mode (live + overlay): the live state without the overlay. */
  readonly baseline: WhatIfBaseline | null;
  /** Kube contexts present in the input (for the context picker). */
  readonly clusters: readonly string[];
  readonly timings: EngineTimings;
}

export interface Simulated {
  readonly id: number;
  /** The result revision whose analysis answered (null: no result yet). */
  readonly revision: number | null;
  readonly results: readonly SimOutcome[];
}

export type EngineResponse =
  | { readonly type: 'result'; readonly result: EngineResult }
  | ({ readonly type: 'simulated' } & Simulated)
  | { readonly type: 'error'; readonly message: string };
