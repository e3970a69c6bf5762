import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GATEWAY_GROUP, keyOf } from '../../src/model/identity.ts';
import { createSnapshot, getObject } from '../../src/model/snapshot.ts';
import { applyWatchEvent, applyWatchEvents, type WatchEvent } from '../../src/store/apply.ts';

function route(name: string, resourceVersion: string, hostname = 'a.example.com'): Record<string, unknown> {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'apps', resourceVersion, managedFields: [{ manager: 'x' }] },
    spec: { hostnames: [hostname], parentRefs: [{ name: 'gw' }] },
  };
}

const key = (name: string) => keyOf({ group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: 'apps', name });
const hostnames = (snapshot: ReturnType<typeof createSnapshot>, name: string): unknown => {
  const object = getObject(snapshot, key(name));
  return object?.kind === 'HTTPRoute' ? object.hostnames : undefined;
};

describe('applyWatchEvent', () => {
  it('adds, modifies and deletes objects without touching earlier snapshots', () => {
    const empty = createSnapshot([]);
    const added = applyWatchEvent(empty, { type: 'ADDED', object: route('r1', '1') });
    const modified = applyWatchEvent(added, { type: 'MODIFIED', object: route('r1', '2', 'b.example.com') });
    const deleted = applyWatchEvent(modified, { type: 'DELETED', object: route('r1', '2') });
    expect(empty.objects).toEqual([]);
    expect(hostnames(added, 'r1')).toEqual(['a.example.com']);
    expect(hostnames(modified, 'r1')).toEqual(['b.example.com']);
    expect(deleted.objects).toEqual([]);
    expect(getObject(added, key('r1'))?.raw['metadata']).not.toHaveProperty('managedFields');
  });

  it('keeps the snapshot (same value) when resourceVersion is unchanged', () => {
    const one = applyWatchEvent(createSnapshot([]), { type: 'ADDED', object: route('r1', '7') });
    const again = applyWatchEvent(one, { type: 'MODIFIED', object: route('r1', '7', 'ignored.example.com') });
    expect(again).toBe(one);
  });

  it('compares resourceVersion for equality only (a "smaller" version still applies)', () => {
    const one = applyWatchEvent(createSnapshot([]), { type: 'ADDED', object: route('r1', '100') });
    const next = applyWatchEvent(one, { type: 'MODIFIED', object: route('r1', '99', 'b.example.com') });
    expect(hostnames(next, 'r1')).toEqual(['b.example.com']);
  });

  it('treats MODIFIED of an unknown object as an add and DELETED of an unknown object as a no-op', () => {
    const base = createSnapshot([]);
    expect(applyWatchEvent(base, { type: 'MODIFIED', object: route('r1', '1') }).objects).toHaveLength(1);
    expect(applyWatchEvent(base, { type: 'DELETED', object: route('nope', '1') })).toBe(base);
  });

  it('ignores objects that cannot be identified', () => {
    const base = createSnapshot([]);
    expect(applyWatchEvent(base, { type: 'ADDED', object: { kind: 'HTTPRoute' } })).toBe(base);
  });

  it('gives new objects the next creation order and keeps it on update', () => {
    let snapshot = createSnapshot([]);
    snapshot = applyWatchEvent(snapshot, { type: 'ADDED', object: route('b', '1') });
    snapshot = applyWatchEvent(snapshot, { type: 'ADDED', object: route('a', '1') });
    snapshot = applyWatchEvent(snapshot, { type: 'MODIFIED', object: route('b', '2') });
    expect(snapshot.objects.map((o) => [o.ref.name, o.order])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
  });

  it('tags objects with the cluster they came from', () => {
    const snapshot = applyWatchEvent(
      createSnapshot([]),
      { type: 'ADDED', object: route('r', '1') },
      { cluster: 'east' },
    );
    expect(snapshot.objects[0]?.meta.cluster).toBe('east');
  });
});

describe('applyWatchEvents (batch)', () => {
  it('equals applying the events one by one, and stays sorted by key', () => {
    const events: WatchEvent[] = [
      { type: 'ADDED', object: route('c', '1') },
      { type: 'ADDED', object: route('a', '1') },
      { type: 'ADDED', object: route('b', '1') },
      { type: 'MODIFIED', object: route('a', '2', 'x.example.com') },
      { type: 'DELETED', object: route('c', '1') },
      { type: 'ADDED', object: route('c', '3') },
    ];
    const batched = applyWatchEvents(createSnapshot([]), events);
    const stepwise = events.reduce((s, e) => applyWatchEvent(s, e), createSnapshot([]));
    expect(batched.objects).toEqual(stepwise.objects);
    expect(batched.objects.map((o) => o.ref.name)).toEqual(['a', 'b', 'c']);
    expect(hostnames(batched, 'a')).toEqual(['x.example.com']);
    expect([...batched.byKey.keys()]).toHaveLength(3);
  });

  it('returns the same snapshot for an empty batch', () => {
    const base = createSnapshot([]);
    expect(applyWatchEvents(base, [])).toBe(base);
  });
});

describe('applyWatchEvents (property)', () => {
  const names = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  const event = fc.record({
    type: fc.constantFrom<WatchEvent['type']>('ADDED', 'MODIFIED', 'DELETED'),
    name: names,
    rv: fc.constantFrom('1', '2', '3'),
  });

  it('matches a straightforward model: last write wins per key, deletes remove, output sorted', () => {
    fc.assert(
      fc.property(fc.array(fc.array(event, { maxLength: 6 }), { maxLength: 6 }), (batches) => {
        let snapshot = createSnapshot([]);
        const model = new Map<string, string>();
        for (const batch of batches) {
          snapshot = applyWatchEvents(
            snapshot,
            batch.map((e) => ({
              type: e.type,
              object: route(e.name, e.rv, `${e.name}-${e.rv}.example.com`),
            })),
          );
          for (const e of batch) {
            if (e.type === 'DELETED') model.delete(e.name);
            else model.set(e.name, `${e.name}-${e.rv}.example.com`);
          }
        }
        const keys = snapshot.objects.map((o) => o.key);
        expect(keys).toEqual([...keys].sort());
        expect([...snapshot.byKey.keys()].sort()).toEqual([...keys].sort());
        expect(snapshot.objects.map((o) => o.ref.name)).toEqual([...model.keys()].sort());
        for (const [name, host] of model) expect(hostnames(snapshot, name)).toEqual([host]);
        const orders = snapshot.objects.map((o) => o.order);
        expect(new Set(orders).size).toBe(orders.length);
      }),
      { numRuns: 300 },
    );
  });
});
