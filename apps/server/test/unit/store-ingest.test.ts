import { describe, expect, it } from 'vitest';
import { normalizeObject } from '@gatescope/core/model/normalize';
import { ingest } from '../../src/kube/ingest.ts';
import type { WatchTarget } from '../../src/kube/kinds.ts';
import { ObjectStore, storedObject, type StoredObject } from '../../src/store/object-store.ts';
import { RingBuffer } from '../../src/stream/ring.ts';

const SERVICE: WatchTarget = {
  group: '',
  kind: 'Service',
  version: 'v1',
  resource: 'services',
  namespaced: true,
};
const SECRET: WatchTarget = {
  group: '',
  kind: 'Secret',
  version: 'v1',
  resource: 'secrets',
  namespaced: true,
  metadataOnly: true,
};
const SLICE: WatchTarget = {
  group: 'discovery.k8s.io',
  kind: 'EndpointSlice',
  version: 'v1',
  resource: 'endpointslices',
  namespaced: true,
};

function svc(name: string, rv: string): StoredObject {
  return storedObject({ metadata: { namespace: 'ns', name, resourceVersion: rv } });
}

describe('ingest', () => {
  it('gives list items their apiVersion/kind and strips managedFields and last-applied', () => {
    const out = ingest(SERVICE, {
      metadata: {
        name: 's',
        namespace: 'ns',
        managedFields: [{ manager: 'kubectl' }],
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', keep: 'me' },
      },
      spec: { ports: [{ port: 80 }] },
    });
    expect(out).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: 'ns', annotations: { keep: 'me' } },
      spec: { ports: [{ port: 80 }] },
    });
  });

  it('keeps only the metadata of a Secret, whatever the apiserver sent', () => {
    const out = ingest(SECRET, {
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadata',
      metadata: {
        name: 'tls',
        namespace: 'ns',
        managedFields: [{ fieldsV1: { 'f:data': { 'f:tls.key': {} } } }],
      },
      data: { 'tls.key': 'c2VjcmV0' },
      stringData: { x: 'secret' },
      type: 'kubernetes.io/tls',
    });
    expect(out).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls', namespace: 'ns' } });
    expect(JSON.stringify(out)).not.toContain('secret');
  });

  it('reduces an EndpointSlice to readiness and counts, without addresses', () => {
    const out = ingest(SLICE, {
      metadata: { name: 'web-abc', namespace: 'ns', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      ports: [{ port: 8080 }],
      endpoints: [
        { addresses: ['10.0.0.1'], conditions: { ready: true }, nodeName: 'n1' },
        { addresses: ['10.0.0.2'], conditions: { ready: false } },
        { addresses: ['10.0.0.3'] },
      ],
    });
    expect(out['endpointCounts']).toEqual({ ready: 2, total: 3 });
    expect(out).not.toHaveProperty('endpoints');
    expect(JSON.stringify(out)).not.toMatch(/10\.0\.0|nodeName/);
  });

  it('sends counts the core normalizer reads back as the same ready/total', () => {
    const endpoints = [{ conditions: { ready: false } }, {}, { conditions: { ready: null } }];
    const out = ingest(SLICE, { metadata: { name: 'web-x', namespace: 'ns' }, endpoints });
    const { object, diagnostics } = normalizeObject(out);
    expect(diagnostics).toEqual([]);
    expect(object).toMatchObject({ kind: 'EndpointSlice', ready: 2, total: 3 });
  });
});

describe('ObjectStore', () => {
  function recording(): { store: ObjectStore; changes: string[] } {
    const store = new ObjectStore();
    const changes: string[] = [];
    store.onChange((c) => {
      const object = JSON.parse(c.objectJson) as { metadata: { name: string; resourceVersion: string } };
      const m = object.metadata;
      changes.push(`${c.type} ${m.name}@${m.resourceVersion}`);
    });
    return { store, changes };
  }

  it('replaces a kind by diff: deletions for the missing, nothing for unchanged versions', () => {
    const { store, changes } = recording();
    store.replace('c', '/Service', [svc('a', '1'), svc('b', '1'), svc('c', '1')]);
    changes.length = 0;
    store.replace('c', '/Service', [svc('a', '1'), svc('b', '2'), svc('d', '1')]);
    expect(changes).toEqual(['DELETED c@1', 'MODIFIED b@2', 'ADDED d@1']);
    expect(store.count('c', '/Service')).toBe(3);
  });

  it('turns a repeated ADDED into MODIFIED and ignores deletes of unknown objects', () => {
    const { store, changes } = recording();
    store.apply('c', '/Service', 'ADDED', svc('a', '1'));
    store.apply('c', '/Service', 'ADDED', svc('a', '1'));
    store.apply('c', '/Service', 'ADDED', svc('a', '2'));
    store.apply('c', '/Service', 'DELETED', svc('zz', '9'));
    store.apply('c', '/Service', 'DELETED', svc('a', '3'));
    expect(changes).toEqual(['ADDED a@1', 'MODIFIED a@2', 'DELETED a@3']);
  });

  it('reports a change whenever the stored text differs, and the JSON it keeps parses back', () => {
    const { store, changes } = recording();
    const object = { metadata: { namespace: 'ns', name: 'a', resourceVersion: '1' }, spec: { x: 'ü' } };
    store.apply('c', '/Service', 'ADDED', storedObject(object));
    store.apply('c', '/Service', 'MODIFIED', storedObject({ ...object, spec: { x: 'y' } }));
    expect(changes).toEqual(['ADDED a@1', 'MODIFIED a@1']);
    expect(store.all()).toEqual([{ cluster: 'c', object: { ...object, spec: { x: 'y' } } }]);
    expect(store.allJson()).toEqual([
      { cluster: 'c', objectJson: JSON.stringify({ ...object, spec: { x: 'y' } }) },
    ]);
  });

  it('keeps clusters apart and lists everything sorted', () => {
    const { store } = recording();
    store.replace('b', '/Service', [svc('x', '1')]);
    store.replace('a', '/Service', [svc('y', '1'), svc('x', '1')]);
    expect(store.all().map((o) => `${o.cluster}:${(o.object['metadata'] as { name: string }).name}`)).toEqual(
      ['a:x', 'a:y', 'b:x'],
    );
    store.clear('a', '/Service');
    expect(store.all()).toHaveLength(1);
  });
});

describe('RingBuffer', () => {
  it('is bounded by entries and by bytes, and says when it cannot replay', () => {
    const ring = new RingBuffer(5, 40);
    for (let seq = 1; seq <= 6; seq++) ring.push({ seq, frame: 'x'.repeat(10) });
    expect(ring.size).toBe(4); // 5 entries would be 50 bytes > 40
    expect(ring.byteSize).toBe(40);
    expect(ring.since(3, 6)?.map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(ring.since(2, 6)?.map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    expect(ring.since(1, 6)).toBeUndefined();
    expect(ring.since(6, 6)).toEqual([]);
    const few = new RingBuffer(2, 1000);
    for (let seq = 1; seq <= 3; seq++) few.push({ seq, frame: 'x' });
    expect(few.since(1, 3)?.map((e) => e.seq)).toEqual([2, 3]);
    expect(few.since(0, 3)).toBeUndefined();
  });

  it('keeps no frame above a quarter of its bytes, and nothing from before it', () => {
    const ring = new RingBuffer(100, 40);
    ring.push({ seq: 1, frame: 'x'.repeat(10) });
    ring.push({ seq: 2, frame: 'x'.repeat(11) }); // a burst: resuming across it needs a snapshot
    ring.push({ seq: 3, frame: 'x'.repeat(10) });
    expect(ring.byteSize).toBe(10);
    expect(ring.since(0, 3)).toBeUndefined();
    expect(ring.since(1, 3)).toBeUndefined();
    expect(ring.since(2, 3)?.map((e) => e.seq)).toEqual([3]);
    expect(ring.since(3, 3)).toEqual([]);
  });
});
