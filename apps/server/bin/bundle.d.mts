/** Types of bundle.mjs (for the server tests, which import it). */
export declare const BUNDLE: string;
export declare const ENTRY: string;
export declare const WORKER_ENTRY: string;
export declare function workerBundleOf(bundle: string): string;
export declare const BATCH_WORKER_ENTRY: string;
export declare function batchWorkerBundleOf(bundle: string): string;
export declare const SOURCES: readonly string[];
export declare function bundleIsFresh(bundle?: string, sources?: readonly string[]): boolean;
export declare function buildBundle(outfile?: string, entry?: string): Promise<void>;
