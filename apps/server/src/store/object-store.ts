/**
 * The server's current objects, per cluster and group/kind, with every change reported in order
 * to one listener (the stream hub). A relist replaces a kind by diff, so consumers see exactly the
 * ADDED/MODIFIED/DELETED that turn their copy into the apiserver's list: no ghosts, no losses.
 */
import type { WatchChange, WireObject } from '@gatescope/core/wire';
import { metaOf, type RawObject } from '../kube/ingest.ts';

export type ChangeListener = (change: WatchChange) => void;

function objectId(object: RawObject): string {
  const { namespace, name } = metaOf(object);
  return `${namespace}/${name}`;
}

export class ObjectStore {
  /** cluster → group/kind → namespace/name → object */
  private readonly clusters = new Map<string, Map<string, Map<string, RawObject>>>();
  private listener: ChangeListener = () => {};

  onChange(listener: ChangeListener): void {
    this.listener = listener;
  }

  private kindMap(cluster: string, kindId: string): Map<string, RawObject> {
    let kinds = this.clusters.get(cluster);
    if (!kinds) this.clusters.set(cluster, (kinds = new Map()));
    let objects = kinds.get(kindId);
    if (!objects) kinds.set(kindId, (objects = new Map()));
    return objects;
  }

  apply(cluster: string, kindId: string, type: WatchChange['type'], object: RawObject): void {
    const objects = this.kindMap(cluster, kindId);
    const id = objectId(object);
    if (type === 'DELETED') {
      if (!objects.delete(id)) return;
    } else {
      const previous = objects.get(id);
      objects.set(id, object);
      // ADDED after a reconnect may repeat an object we hold: report what changed for us.
      type = previous ? 'MODIFIED' : 'ADDED';
      if (previous && metaOf(previous).resourceVersion === metaOf(object).resourceVersion) return;
    }
    this.listener({ type, cluster, object });
  }

  /** Makes a kind equal to a fresh list, emitting the difference. */
  replace(cluster: string, kindId: string, items: readonly RawObject[]): void {
    const objects = this.kindMap(cluster, kindId);
    const fresh = new Map(items.map((item) => [objectId(item), item]));
    for (const [id, old] of [...objects]) {
      if (!fresh.has(id)) {
        objects.delete(id);
        this.listener({ type: 'DELETED', cluster, object: old });
      }
    }
    for (const item of fresh.values()) this.apply(cluster, kindId, 'ADDED', item);
  }

  clear(cluster: string, kindId: string): void {
    this.replace(cluster, kindId, []);
  }

  count(cluster: string, kindId: string): number {
    return this.clusters.get(cluster)?.get(kindId)?.size ?? 0;
  }

  /** Every object, sorted by cluster, group/kind, namespace/name (deterministic snapshots). */
  all(): WireObject[] {
    const out: WireObject[] = [];
    for (const cluster of [...this.clusters.keys()].sort()) {
      const kinds = this.clusters.get(cluster) ?? new Map<string, Map<string, RawObject>>();
      for (const kindId of [...kinds.keys()].sort()) {
        const objects = kinds.get(kindId) ?? new Map<string, RawObject>();
        for (const id of [...objects.keys()].sort()) {
          const object = objects.get(id);
          if (object) out.push({ cluster, object });
        }
      }
    }
    return out;
  }
}
