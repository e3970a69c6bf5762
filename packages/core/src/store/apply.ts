/**
 * Live updates: apply Kubernetes watch events to a Snapshot, purely (a new Snapshot each time,
 * the old one untouched). resourceVersion is opaque and compared for equality only: an event
 * carrying the version we already hold changes nothing.
 */
import { normalizeObject } from '../model/normalize.ts';
import { createSnapshot, type Snapshot } from '../model/snapshot.ts';
import type { GwObject } from '../model/types.ts';
import type { ObjectKey } from '../model/identity.ts';

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

/** A batch (e.g. one coalescing window): one new Snapshot however many events. */
export function applyWatchEvents(
  snapshot: Snapshot,
  events: readonly WatchEvent[],
  options: ApplyOptions = {},
): Snapshot {
  const objects = new Map<ObjectKey, GwObject>(snapshot.byKey);
  let nextOrder = maxOrder(snapshot) + 1;
  let changed = false;
  for (const event of events) {
    // Objects that cannot be identified (no kind/name) cannot be applied; the server logs them.
    const { object } = normalizeObject(event.object, { cluster: options.cluster ?? '', order: nextOrder });
    if (object === undefined) continue;
    const current = objects.get(object.key);
    if (event.type === 'DELETED') {
      changed = objects.delete(object.key) || changed;
      continue;
    }
    if (current !== undefined && sameVersion(current, object)) continue;
    // An update keeps the object's place in creation order; a new object goes last.
    objects.set(object.key, current === undefined ? object : { ...object, order: current.order });
    if (current === undefined) nextOrder += 1;
    changed = true;
  }
  return changed ? createSnapshot(objects.values()) : snapshot;
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
