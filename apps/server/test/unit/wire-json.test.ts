import { describe, expect, it } from 'vitest';
import type { SnapshotPayload, WatchChange } from '@gatescope/core/wire';
import { sseFrame } from '../../src/stream/sse.ts';
import { deltaFrameBytes, snapshotBytes, type SnapshotParts } from '../../src/stream/wire-json.ts';

// Multi-byte UTF-8 (2, 3 and 4 bytes), JSON escapes and an odd cluster name: the byte counting
// must agree with what is written, and the text with JSON.stringify.
const OBJECTS = [
  { cluster: 'kind-"a"', object: { kind: 'Service', metadata: { name: 'ü-€-😀', namespace: 'ns' } } },
  { cluster: 'kind-"a"', object: { kind: 'HTTPRoute', spec: { hostnames: ['a\nb', 'tab\there'] } } },
  { cluster: 'other', object: {} },
];

function partsOf(payload: SnapshotPayload): SnapshotParts {
  return {
    ...payload,
    objects: payload.objects.map((o) => ({ cluster: o.cluster, objectJson: JSON.stringify(o.object) })),
  };
}

describe('wire JSON from stored object text', () => {
  const payload: SnapshotPayload = {
    epoch: 'E',
    seq: 7,
    source: { mode: 'live', contexts: [{ name: 'kind-"a"', reachable: true }] },
    kinds: [],
    objects: OBJECTS,
  };

  it('writes the snapshot exactly as JSON.stringify of the payload', () => {
    expect(snapshotBytes(partsOf(payload)).toString('utf8')).toBe(JSON.stringify(payload));
    expect(snapshotBytes(partsOf({ ...payload, objects: [] })).toString('utf8')).toBe(
      JSON.stringify({ ...payload, objects: [] }),
    );
  });

  it('writes the snapshot frame exactly as sseFrame would', () => {
    expect(snapshotBytes(partsOf(payload), 'E:7').toString('utf8')).toBe(
      sseFrame('snapshot', payload, 'E:7'),
    );
  });

  it('writes a delta frame exactly as sseFrame of the DeltaPayload would', () => {
    const changes: WatchChange[] = OBJECTS.map((o, i) => ({
      type: (['ADDED', 'MODIFIED', 'DELETED'] as const)[i % 3] ?? 'ADDED',
      cluster: o.cluster,
      object: o.object,
    }));
    const serialized = changes.map((c) => ({
      type: c.type,
      cluster: c.cluster,
      objectJson: JSON.stringify(c.object),
    }));
    const bytes = deltaFrameBytes('E', 8, serialized);
    expect(bytes.toString('utf8')).toBe(sseFrame('delta', { epoch: 'E', seq: 8, changes }, 'E:8'));
    expect(bytes.length).toBe(Buffer.byteLength(bytes.toString('utf8')));
  });
});
