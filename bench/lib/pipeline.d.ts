/** Shared steps: generated cluster → YAML files → snapshot → analysis, as the product runs them. */
import type { GeneratedCluster } from '../generator/index.ts';
import type { ManifestFile } from './core-api.ts';
/** One YAML file per namespace-ish chunk, as a user would pass a directory of manifests. */
export declare function toFiles(cluster: GeneratedCluster, objectsPerFile?: number): ManifestFile[];
/** A single multi-document YAML text of at least `bytes` bytes, cut at a document boundary. */
export declare function bundleOfSize(cluster: GeneratedCluster, bytes: number): ManifestFile;
