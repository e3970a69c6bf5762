/**
 * The server's current objects, per cluster and group/kind, with every change reported in order
 * to one listener (the stream hub). A relist replaces a kind by diff, so consumers see exactly the
 * ADDED/MODIFIED/DELETED that turn their copy into the apiserver's list: no ghosts, no losses.
 *
 * Each object is kept as its JSON text, not as a parsed object graph: at 10k HTTPRoutes + 10k
 * Services + 10k Namespaces the graphs took about twice the bytes of the text, all of it in the
 * old generation the GC walks. The stream sends the text as it is (stream/wire-json.ts); only
 * /metrics needs parsed objects, and parses them on demand (`all()`).
 */
import type { WireObject } from '@gatescope/core/wire';
import { metaOf, type RawObject } from '../kube/ingest.ts';
import type { ObjectJson, SerializedChange } from '../stream/wire-json.ts';

/** An object ready for the store: its namespace/name and its JSON text. */
export interface StoredObject {
  readonly id: string;
  readonly json: string;
}

export function storedObject(object: RawObject): StoredObject {
  const { namespace, name } = metaOf(object);
  return { id: `${namespace}/${name}`, json: JSON.stringify(object) };
}

export type ChangeListener = (change: SerializedChange) => void;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class ObjectStore {
  /** cluster → group/kind → namespace/name → object JSON */
  private readonly clusters = new Map<string, Map<string, Map<string, string>>>();
  private listener: ChangeListener = () => {};

  onChange(listener: ChangeListener): void {
    this.listener = listener;
  }

  private kindMap(cluster: string, kindId: string): Map<string, string> {
    let kinds = this.clusters.get(cluster);
    if (!kinds) this.clusters.set(cluster, (kinds = new Map()));
    let objects = kinds.get(kindId);
    if (!objects) kinds.set(kindId, (objects = new Map()));
    return objects;
  }

  apply(cluster: string, kindId: string, type: SerializedChange['type'], object: StoredObject): void {
    const objects = this.kindMap(cluster, kindId);
    if (type === 'DELETED') {
      if (!objects.delete(object.id)) return;
    } else {
      const previous = objects.get(object.id);
      // Identical text means the same resourceVersion and content: nothing changed for us (an
      // ADDED repeated after a reconnect, or a relist of an unchanged object).
      if (previous === object.json) return;
      objects.set(object.id, object.json);
      // ADDED after a reconnect may repeat an object we hold: report what changed for us.
      type = previous === undefined ? 'ADDED' : 'MODIFIED';
    }
    this.listener({ type, cluster, objectJson: object.json });
  }

  /** Makes a kind equal to a fresh list, emitting the difference. */
  replace(cluster: string, kindId: string, items: readonly StoredObject[]): void {
    const objects = this.kindMap(cluster, kindId);
    const fresh = new Set(items.map((item) => item.id));
    for (const [id, json] of objects) {
      if (!fresh.has(id)) {
        objects.delete(id);
        this.listener({ type: 'DELETED', cluster, objectJson: json });
      }
    }
    for (const item of items) this.apply(cluster, kindId, 'ADDED', item);
  }

  clear(cluster: string, kindId: string): void {
    this.replace(cluster, kindId, []);
  }

  count(cluster: string, kindId: string): number {
    return this.clusters.get(cluster)?.get(kindId)?.size ?? 0;
  }

  /** Every object as JSON text, sorted by cluster, group/kind, namespace/name. */
  private *sorted(): Generator<readonly [cluster: string, json: string]> {
    for (const cluster of [...this.clusters.keys()].sort(byString)) {
      const kinds = this.clusters.get(cluster) ?? new Map<string, Map<string, string>>();
      for (const kindId of [...kinds.keys()].sort(byString)) {
        const objects = kinds.get(kindId) ?? new Map<string, string>();
        for (const id of [...objects.keys()].sort(byString)) {
          const json = objects.get(id);
          if (json !== undefined) yield [cluster, json];
        }
      }
    }
  }

  /** Every object, parsed, in snapshot order (deterministic): for the analysis behind /metrics. */
  all(): WireObject[] {
    const out: WireObject[] = [];
    for (const [cluster, json] of this.sorted()) {
      out.push({ cluster, object: JSON.parse(json) as Record<string, unknown> });
    }
    return out;
  }

  /** Every object with its JSON text, in snapshot order (what the stream sends). */
  allJson(): ObjectJson[] {
    const out: ObjectJson[] = [];
    for (const [cluster, objectJson] of this.sorted()) out.push({ cluster, objectJson });
    return out;
  }
}
