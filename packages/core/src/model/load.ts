/** parse → normalize → Snapshot, for manifests given as text (sandbox, CLI, tests). */
import type { Diagnostic } from '../diagnostics/types.ts';
import { parseManifests } from '../manifest/parse.ts';
import type { ManifestFile } from '../manifest/types.ts';
import { normalizeDocuments } from './normalize.ts';
import { createSnapshot, type Snapshot } from './snapshot.ts';

export interface LoadResult {
  readonly snapshot: Snapshot;
  /** Parse diagnostics first, then normalize diagnostics, each in input order. */
  readonly diagnostics: Diagnostic[];
}

export function loadManifests(
  files: readonly ManifestFile[],
  options: { readonly cluster?: string } = {},
): LoadResult {
  const parsed = parseManifests(files);
  const normalized = normalizeDocuments(parsed.docs, options);
  return {
    snapshot: createSnapshot(normalized.objects),
    diagnostics: [...parsed.diagnostics, ...normalized.diagnostics],
  };
}
