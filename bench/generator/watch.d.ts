/**
 * A replayable watch stream: ADDED for every object (initial sync order), then churn that a busy
 * cluster produces — route edits (MODIFIED with a new resourceVersion), deletions and re-creations.
 */
import type { GeneratedCluster } from './cluster.ts';
import type { RawObject } from './objects.ts';
export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: RawObject;
}
export declare function watchStream(cluster: GeneratedCluster, churn: number, seed: number): WatchEvent[];
