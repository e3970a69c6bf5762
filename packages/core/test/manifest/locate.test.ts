import { describe, expect, it } from 'vitest';
import { locateField, splitPath } from '../../src/manifest/locate.ts';
import { parseManifests } from '../../src/manifest/parse.ts';

function locate(name: string, text: string, path: string, index = 0) {
  const { docs } = parseManifests([{ name, text }]);
  const doc = docs[index];
  if (doc === undefined) throw new Error('no document');
  const pos = locateField(doc.object, path);
  return pos === undefined ? undefined : [pos.line, pos.column];
}

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  labels:
    app.kubernetes.io/name: edge
spec:
  listeners:
  - name: a
    port: 80
  - name: b
    port: abc
`;

describe('splitPath', () => {
  it('splits keys and indexes', () => {
    expect(splitPath('spec.rules[0].matches[12].path')).toEqual(['spec', 'rules', 0, 'matches', 12, 'path']);
    expect(splitPath('metadata.labels.app.kubernetes.io/name')).toEqual([
      'metadata',
      'labels',
      'app',
      'kubernetes',
      'io/name',
    ]);
  });
});

describe('locateField', () => {
  it('finds keys and list items of a YAML document', () => {
    expect(locate('g.yaml', GATEWAY, 'spec.listeners[1].port')).toEqual([12, 5]);
    expect(locate('g.yaml', GATEWAY, 'spec.listeners[1]')).toEqual([11, 5]);
    expect(locate('g.yaml', GATEWAY, 'spec')).toEqual([7, 1]);
  });

  it('finds keys that contain dots (label keys)', () => {
    expect(locate('g.yaml', GATEWAY, 'metadata.labels.app.kubernetes.io/name')).toEqual([6, 5]);
  });

  it('falls back to the deepest part of the path that exists', () => {
    expect(locate('g.yaml', GATEWAY, 'spec.listeners[1].tls.mode')).toEqual([11, 5]);
    expect(locate('g.yaml', GATEWAY, 'spec.listeners[7].port')).toEqual([8, 3]);
  });

  it('works for the second document, List items and JSON', () => {
    const two = `apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n${GATEWAY}`;
    expect(locate('t.yaml', two, 'spec.listeners[1].port', 1)).toEqual([16, 5]);
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n  spec: {ports: [{port: x}]}\n`;
    expect(locate('l.yaml', list, 'spec.ports[0].port', 1)).toEqual([10, 19]);
    const json =
      '{"apiVersion":"v1","kind":"Service",\n"metadata":{"name":"j"},\n"spec":{"ports":[{"port":"x"}]}}';
    expect(locate('j.json', json, 'spec.ports[0].port')).toEqual([3, 20]);
  });

  it('works when the file was read document by document after a syntax error', () => {
    const text = `key: [unclosed\n---\n${GATEWAY}`;
    expect(locate('e.yaml', text, 'spec.listeners[1].port')).toEqual([14, 5]);
  });

  it('knows nothing about objects that did not come from parseManifests', () => {
    expect(locateField({ spec: {} }, 'spec')).toBeUndefined();
  });
});
