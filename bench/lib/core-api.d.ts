import type { Analysis } from '../../packages/core/src/analysis/types.ts';
import type { Diagnostic } from '../../packages/core/src/diagnostics/types.ts';
import type { Snapshot } from '../../packages/core/src/model/snapshot.ts';
export interface ManifestFile {
  readonly name: string;
  readonly text: string;
}
export interface WatchEventInput {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: Record<string, unknown>;
}
export type Loaded<T> =
  | {
      readonly ok: true;
      readonly api: T;
    }
  | {
      readonly ok: false;
      readonly reason: string;
    };
/** Imports `rel` (repo-relative) and returns the named functions, or why they are unavailable. */
export declare function loadFunctions<T>(
  root: string,
  rel: string,
  names: readonly string[],
): Promise<Loaded<T>>;
export interface LoadApi {
  loadManifests(files: readonly ManifestFile[]): {
    snapshot: Snapshot;
    diagnostics: readonly Diagnostic[];
  };
}
export interface ParseApi {
  parseManifests(files: readonly ManifestFile[]): {
    docs: readonly unknown[];
    diagnostics: readonly Diagnostic[];
  };
}
export interface AnalyzeApi {
  analyze(snapshot: Snapshot, options?: unknown): Analysis;
}
export interface StoreApi {
  applyWatchEvent(
    snapshot: Snapshot,
    event: WatchEventInput,
    options?: {
      cluster?: string;
    },
  ): Snapshot;
}
export interface TopologyApi {
  buildTopology(analysis: Analysis): {
    nodes: readonly unknown[];
    edges: readonly unknown[];
  };
}
export declare const PATHS: {
  readonly parse: 'packages/core/src/manifest/parse.ts';
  readonly load: 'packages/core/src/model/load.ts';
  readonly analyze: 'packages/core/src/analysis/analyze.ts';
  readonly store: 'packages/core/src/store/apply.ts';
  readonly matching: 'packages/core/src/matching/index.ts';
  readonly topology: 'packages/core/src/topology/index.ts';
};
export declare const loadParse: (root: string) => Promise<Loaded<ParseApi>>;
export declare const loadLoad: (root: string) => Promise<Loaded<LoadApi>>;
export declare const loadAnalyze: (root: string) => Promise<Loaded<AnalyzeApi>>;
export declare const loadStore: (root: string) => Promise<Loaded<StoreApi>>;
export declare const loadTopology: (root: string) => Promise<Loaded<TopologyApi>>;
