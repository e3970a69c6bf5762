/**
 * A replayable watch stream: ADDED for every object (initial sync order), then churn that a busy
 * cluster produces — route edits (MODIFIED with a new resourceVersion), deletions and re-creations.
 */
import type { GeneratedCluster } from './cluster.ts';
import type { RawObject } from './objects.ts';
import type { Json } from './yaml.ts';
import { createPrng } from './prng.ts';

export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: RawObject;
}

function withVersion(object: RawObject, rv: number, pathSuffix: string): RawObject {
  const metadata = { ...(object['metadata'] as Record<string, Json>), resourceVersion: String(rv) };
  const spec = object['spec'] as Record<string, Json> | undefined;
  const annotations = { 'bench.gatescope.dev/revision': pathSuffix };
  return { ...object, metadata: { ...metadata, annotations }, ...(spec ? { spec } : {}) };
}

export function watchStream(cluster: GeneratedCluster, churn: number, seed: number): WatchEvent[] {
  const prng = createPrng(seed);
  const events: WatchEvent[] = cluster.objects.map((object) => ({ type: 'ADDED', object }));
  const routes = cluster.objects.filter((o) => o['kind'] === 'HTTPRoute');
  if (routes.length === 0) return events;
  let rv = 1_000_000;
  for (let i = 0; i < churn; i++) {
    const route = prng.pick(routes);
    const roll = prng.next();
    if (roll < 0.9) {
      events.push({ type: 'MODIFIED', object: withVersion(route, rv++, `rev-${i}`) });
    } else {
      events.push({ type: 'DELETED', object: withVersion(route, rv++, `rev-${i}`) });
      events.push({ type: 'ADDED', object: withVersion(route, rv++, `rev-${i}`) });
    }
  }
  return events;
}
