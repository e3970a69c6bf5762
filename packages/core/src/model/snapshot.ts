/**
 * A Snapshot is the set of objects every later stage reads: sorted by key, indexed by key and
 * by model kind. It is a plain value (structured-clone safe) built once per change.
 */
import type { ObjectKey } from './identity.ts';
import type { GwObject, ModelKind } from './types.ts';

export interface Snapshot {
  /** Sorted by key (stable, deterministic output everywhere). */
  readonly objects: readonly GwObject[];
  readonly byKey: ReadonlyMap<ObjectKey, GwObject>;
}

export function createSnapshot(objects: Iterable<GwObject>): Snapshot {
  const byKey = new Map<ObjectKey, GwObject>();
  for (const object of objects) byKey.set(object.key, object);
  const sorted = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { objects: sorted, byKey };
}

export function getObject(snapshot: Snapshot, key: ObjectKey): GwObject | undefined {
  return snapshot.byKey.get(key);
}

export function objectsOfKind<K extends ModelKind>(
  snapshot: Snapshot,
  kind: K,
): Extract<GwObject, { kind: K }>[] {
  return snapshot.objects.filter((o): o is Extract<GwObject, { kind: K }> => o.kind === kind);
}
