/**
 * Loads the teammates' stages by path at run time, so each bench runs the parts that exist and
 * names the ones that do not (instead of failing to compile while the code is still landing).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  { readonly ok: true; readonly api: T } | { readonly ok: false; readonly reason: string };

/** Imports `rel` (repo-relative) and returns the named functions, or why they are unavailable. */
export async function loadFunctions<T>(
  root: string,
  rel: string,
  names: readonly string[],
): Promise<Loaded<T>> {
  const file = join(root, rel);
  if (!existsSync(file)) return { ok: false, reason: `${rel} does not exist yet` };
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, reason: `${rel} failed to load: ${String(error).split('\n')[0]}` };
  }
  const absent = names.filter((n) => typeof mod[n] !== 'function');
  if (absent.length > 0) return { ok: false, reason: `${rel} does not export ${absent.join(', ')}` };
  return { ok: true, api: mod as T };
}

export interface LoadApi {
  loadManifests(files: readonly ManifestFile[]): { snapshot: Snapshot; diagnostics: readonly Diagnostic[] };
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
  applyWatchEvent(snapshot: Snapshot, event: WatchEventInput, options?: { cluster?: string }): Snapshot;
}

/** analyzeIncremental's state is opaque to the bench: it is only handed back on the next call. */
export interface IncrementalApi {
  analyzeIncremental(
    previous: unknown,
    snapshot: Snapshot,
    options?: unknown,
  ): { analysis: Analysis; state: unknown };
}

export interface TopologyApi {
  buildTopology(analysis: Analysis): { nodes: readonly unknown[]; edges: readonly unknown[] };
}

export const PATHS = {
  parse: 'packages/core/src/manifest/parse.ts',
  load: 'packages/core/src/model/load.ts',
  analyze: 'packages/core/src/analysis/analyze.ts',
  store: 'packages/core/src/store/apply.ts',
  incremental: 'packages/core/src/analysis/incremental/analyze-incremental.ts',
  matching: 'packages/core/src/matching/index.ts',
  topology: 'packages/core/src/topology/index.ts',
} as const;

export const loadParse = (root: string): Promise<Loaded<ParseApi>> =>
  loadFunctions<ParseApi>(root, PATHS.parse, ['parseManifests']);
export const loadLoad = (root: string): Promise<Loaded<LoadApi>> =>
  loadFunctions<LoadApi>(root, PATHS.load, ['loadManifests']);
export const loadAnalyze = (root: string): Promise<Loaded<AnalyzeApi>> =>
  loadFunctions<AnalyzeApi>(root, PATHS.analyze, ['analyze']);
export const loadStore = (root: string): Promise<Loaded<StoreApi>> =>
  loadFunctions<StoreApi>(root, PATHS.store, ['applyWatchEvent']);
export const loadIncremental = (root: string): Promise<Loaded<IncrementalApi>> =>
  loadFunctions<IncrementalApi>(root, PATHS.incremental, ['analyzeIncremental']);
export const loadTopology = (root: string): Promise<Loaded<TopologyApi>> =>
  loadFunctions<TopologyApi>(root, PATHS.topology, ['buildTopology']);
