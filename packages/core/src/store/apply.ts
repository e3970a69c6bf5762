/**
 * Live updates: apply Kubernetes watch events to a Snapshot, purely (a new Snapshot each time,
 * the old one untouched). resourceVersion is opaque and compared for equality only: an event
 * carrying the version we already hold changes nothing.
 */
import type { ObjectKey } from '../model/identity.ts';
import { normalizeObject } from '../model/normalize.ts';
import type { Snapshot } from '../model/snapshot.ts';
import type { GwObject } from '../model/types.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  readonly type: WatchEventType;
  readonly object: Readonly<Record<string, unknown>>;
}

export interface ApplyOptions {
  /** Kube context the events come from; "" for a single cluster. */
  readonly cluster?: string;
}

export function applyWatchEvent(snapshot: Snapshot, event: WatchEvent, options: ApplyOptions = {}): Snapshot {
  return applyWatchEvents(snapshot, [event], options);
}

/** What a batch does to each key it touches: the new object, or null when deleted. */
type Changes = Map<ObjectKey, GwObject | null>;

/** A batch (e.g. one coalescing window): one new Snapshot however many events. */
export function applyWatchEvents(
  snapshot: Snapshot,
  events: readonly WatchEvent[],
  options: ApplyOptions = {},
): Snapshot {
  const changes: Changes = new Map();
  let nextOrder = maxOrder(snapshot) + 1;
  for (const event of events) {
    // Objects that cannot be identified (no kind/name) cannot be applied; the server logs them.
    const { object } = normalizeObject(event.object, { cluster: options.cluster ?? '', order: nextOrder });
    if (object === undefined) continue;
    const current = changes.has(object.key) ? changes.get(object.key) : snapshot.byKey.get(object.key);
    if (event.type === 'DELETED') {
      if (current !== undefined && current !== null) changes.set(object.key, null);
      continue;
    }
    if (current !== undefined && current !== null && sameVersion(current, object)) continue;
    if (current === undefined || current === null) {
      changes.set(object.key, object); // a new object goes last in creation order
      nextOrder += 1;
    } else {
      changes.set(object.key, { ...object, order: current.order }); // an update keeps its place
    }
  }
  return changes.size === 0 ? snapshot : withChanges(snapshot, changes);
}

/** The sorted object list and the index, rebuilt in one pass (no re-sort of unchanged objects). */
function withChanges(snapshot: Snapshot, changes: Changes): Snapshot {
  const added = [...changes.values()]
    .filter((o): o is GwObject => o !== null && !snapshot.byKey.has(o.key))
    .sort((a, b) => compareKeys(a.key, b.key));
  const objects: GwObject[] = [];
  let next = 0;
  for (const existing of snapshot.objects) {
    while (next < added.length && compareKeys((added[next] as GwObject).key, existing.key) < 0) {
      objects.push(added[next] as GwObject);
      next++;
    }
    const change = changes.get(existing.key);
    if (change === undefined) objects.push(existing);
    else if (change !== null) objects.push(change);
  }
  for (; next < added.length; next++) objects.push(added[next] as GwObject);
  const byKey = new Map<ObjectKey, GwObject>();
  for (const object of objects) byKey.set(object.key, object);
  return { objects, byKey };
}

/** The order createSnapshot sorts by (plain string comparison of keys). */
function compareKeys(a: ObjectKey, b: ObjectKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameVersion(a: GwObject, b: GwObject): boolean {
  const rv = a.meta.resourceVersion;
  return rv !== undefined && rv === b.meta.resourceVersion && a.meta.cluster === b.meta.cluster;
}

function maxOrder(snapshot: Snapshot): number {
  let max = -1;
  for (const object of snapshot.objects) if (object.order > max) max = object.order;
  return max;
}
