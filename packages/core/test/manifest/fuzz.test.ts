import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/manifest/parse.ts';
import { loadManifests } from '../../src/model/load.ts';

const SEED_DOC = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: apps
spec:
  parentRefs:
  - name: gw
    sectionName: http
  hostnames: ["a.example.com", '*.b.example.com']
  rules:
  - matches:
    - path: {type: PathPrefix, value: /api}
      headers:
      - {name: x-env, value: "yes"}
    backendRefs:
    - {name: api, port: 8080, weight: 3}
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: apps}
  spec:
    ports: [{port: 8080}]
`;

/** Insert, delete or replace a slice of the text: the mutations a typo or a bad merge makes. */
const mutation = fc.oneof(
  fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), insert: fc.string({ maxLength: 8 }) }),
  fc.record({
    at: fc.nat(),
    del: fc.constant(0),
    insert: fc.constantFrom(
      '\t',
      ':',
      '- ',
      '{',
      '[',
      '"',
      "'",
      '&a ',
      '*a',
      '---\n',
      '\r\n',
      '#',
      '|',
      '>',
      '!!str ',
      '<<: ',
    ),
  }),
);

function mutate(text: string, edits: readonly { at: number; del: number; insert: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.del);
  }
  return out;
}

function checkInvariants(files: { name: string; text: string }[]): void {
  const parsed = parseManifests(files);
  for (const d of parsed.diagnostics) {
    expect(d.source, d.message).toBeDefined();
    expect(d.source?.line).toBeGreaterThanOrEqual(1);
    expect(d.source?.column).toBeGreaterThanOrEqual(1);
    expect(d.message.startsWith(`${d.source?.file}:${d.source?.line}:${d.source?.column}: `)).toBe(true);
  }
  for (const doc of parsed.docs) {
    expect(typeof doc.object['apiVersion']).toBe('string');
    expect(doc.source.line).toBeGreaterThanOrEqual(1);
  }
  // Normalize never throws either, and every object it keeps is JSON-serializable.
  const loaded = loadManifests(files);
  expect(() => JSON.stringify(loaded.snapshot.objects)).not.toThrow();
  for (const d of loaded.diagnostics) {
    expect(d.source, d.message).toBeDefined();
    expect(files.map((f) => f.name)).toContain(d.source?.file);
  }
}

describe('parse and load never throw', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (text, json) => {
        checkInvariants([{ name: json ? 'f.json' : 'f.yaml', text }]);
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary full-unicode strings with YAML punctuation', () => {
    const yamlish = fc.array(
      fc.oneof(
        fc.constantFrom(
          ':',
          '-',
          ' ',
          '\n',
          '\t',
          '[',
          ']',
          '{',
          '}',
          '"',
          "'",
          '&',
          '*',
          '!',
          '|',
          '>',
          '#',
          '%',
          '---',
        ),
        fc.string({ unit: 'grapheme', maxLength: 4 }),
      ),
      { maxLength: 120 },
    );
    fc.assert(
      fc.property(yamlish, (parts) => {
        checkInvariants([{ name: 'f.yaml', text: parts.join('') }]);
      }),
      { numRuns: 400 },
    );
  });

  it('on mutated manifests, and the untouched file alongside still loads', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => {
        const files = [
          { name: 'mutated.yaml', text: mutate(SEED_DOC, edits) },
          { name: 'clean.yaml', text: SEED_DOC },
        ];
        checkInvariants(files);
        const { docs } = parseManifests(files);
        expect(docs.filter((d) => d.source.file === 'clean.yaml')).toHaveLength(2);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON values given as objects', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        checkInvariants([{ name: 'v.json', text: JSON.stringify(value) }]);
        checkInvariants([
          {
            name: 'o.json',
            text: JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: value }),
          },
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
