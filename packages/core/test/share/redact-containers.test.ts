/**
 * Issue 12 (attack review): sandbox text reaches a link only after redaction of every object it
 * holds, whatever the container shape, and what the analyzer reads from the shared text is
 * exactly what the preview reported as kept.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/manifest/parse.ts';
import { buildShare } from '../../src/share/build.ts';
import { decodeShareFragment } from '../../src/share/codec.ts';
import { Redactor } from '../../src/share/redact.ts';
import { redactYaml } from '../../src/share/redact-yaml.ts';

const off = { maskIPs: false, maskHostnames: false };
const SECRET_VALUE = 'c2VjcmV0LXZhbHVl';

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'tls', namespace: 'infra', annotations: { 'example.com/token': 'tok-123' } },
  type: 'kubernetes.io/tls',
  data: { 'tls.key': SECRET_VALUE },
};
const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'infra' },
  spec: { ports: [{ port: 80 }] },
};

/** Every object the analyzer reads from the shared text needs no further redaction. */
function analyzerReadsOnlyRedacted(yaml: string): void {
  const { docs } = parseManifests([{ name: 'shared.yaml', text: yaml }]);
  for (const doc of docs) {
    const again = new Redactor(off).object(doc.object);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(doc.object)));
  }
}

const shapes: Record<string, string> = {
  'bare YAML sequence': stringify([service, secret]),
  'JSON array (jq .items)': JSON.stringify([service, secret], null, 2),
  'JSON object with items': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [service, secret] }),
  'kind: List': stringify({ apiVersion: 'v1', kind: 'List', items: [service, secret] }),
  'typed SecretList, items without kind': stringify({
    apiVersion: 'v1',
    kind: 'SecretList',
    metadata: { resourceVersion: '1' },
    items: [{ metadata: { name: 'tls' }, data: { k: SECRET_VALUE } }],
  }),
  'nested Lists': stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: [{ apiVersion: 'v1', kind: 'List', items: [[secret], { kind: 'List', items: [secret] }] }],
  }),
  'sequence of sequences': stringify([[service], [[secret]]]),
  'multi-doc with a sequence': `${stringify(service)}---\n${stringify([secret])}`,
  'Secret without a name': 'apiVersion: v1\nkind: Secret\ndata:\n  k: ' + SECRET_VALUE + '\n',
  'no kind at all': `data:\n  k: ${SECRET_VALUE}\n`,
  'apiVersion holding data': `apiVersion: {k: ${SECRET_VALUE}}\nkind: Service\nmetadata: {name: a}\n`,
  'metadata name holding data': `apiVersion: v1\nkind: Service\nmetadata: {name: {k: ${SECRET_VALUE}}}\n`,
  'scalar document': `${SECRET_VALUE}\n`,
  'kind written with an escape': `apiVersion: v1\nkind: "Secr\\x65t"\nmetadata: {name: s}\ndata: {k: ${SECRET_VALUE}}\n`,
  'broken YAML without the word': `apiVersion: v1\nkind: Sec\ndata:\n  k: [${SECRET_VALUE}\n`,
  'unresolved alias': `apiVersion: v1\nkind: Service\nmetadata: {name: a}\nx: *nope\ndata: ${SECRET_VALUE}\n`,
};

describe('sandbox redaction covers every container shape', () => {
  for (const [name, text] of Object.entries(shapes)) {
    it(`${name}: no Secret data in the link, and the analyzer reads only redacted objects`, () => {
      const { yaml, report } = redactYaml(text, off);
      expect(yaml).not.toContain(SECRET_VALUE);
      expect(yaml).not.toContain('tok-123');
      expect(report.notes.length).toBeGreaterThan(0);
      analyzerReadsOnlyRedacted(yaml);
      const preview = buildShare({ type: 'sandbox', yaml: text }, { page: 'sandbox' }, [], off);
      const decoded = decodeShareFragment(preview.encoded.fragment);
      expect(decoded.ok).toBe(true);
      expect(JSON.stringify(decoded)).not.toContain(SECRET_VALUE);
    });
  }

  it('keeps the names and kinds the analyzer needs from a JSON array', () => {
    const { yaml } = redactYaml(JSON.stringify([service, secret]), off);
    const { docs } = parseManifests([{ name: 'shared.json', text: yaml }]);
    expect(
      docs.map(
        (d) => `${String(d.object['kind'])}/${String((d.object['metadata'] as { name: string }).name)}`,
      ),
    ).toEqual(['Service/web', 'Secret/tls']);
  });

  it('an alias bomb is left out instead of throwing', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${'b'.repeat(i)}: &${'a'.repeat(i + 1)} [*${'a'.repeat(i)}, *${'a'.repeat(i)}, *${'a'.repeat(i)}, *${'a'.repeat(i)}]`,
      );
    const text = `apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n${bomb.join('\n')}\n`;
    const { yaml, report } = redactYaml(text, off);
    expect(yaml).toContain('name: a');
    expect(yaml.length).toBeLessThan(text.length * 2);
    expect(report.notes.some((n) => /whole document \(aliases/.test(n.removed))).toBe(true);
  });

  it('a document nested too deep is left out instead of throwing', () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    expect(() => redactYaml(deep, off)).not.toThrow();
    expect(() => redactYaml(`x: ${deep}\n`, off)).not.toThrow();
  });

  it('any mix of containers: the shared text never holds the value and the analyzer agrees', () => {
    const leaf = fc.constantFrom<unknown>(
      secret,
      service,
      { kind: 'Secret', metadata: { name: 'x' }, stringData: { p: SECRET_VALUE } },
      SECRET_VALUE,
    );
    const container = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.record({
          apiVersion: fc.constant('v1'),
          kind: fc.constantFrom('List', 'SecretList', 'ServiceList'),
          items: fc.array(tie('node'), { maxLength: 3 }),
        }),
      ),
    }));
    fc.assert(
      fc.property(container.node, fc.boolean(), (value, json) => {
        const text = json ? JSON.stringify(value) : stringify(value);
        const { yaml } = redactYaml(text, off);
        expect(yaml).not.toContain(SECRET_VALUE);
        analyzerReadsOnlyRedacted(yaml);
      }),
      { numRuns: 200 },
    );
  });
});
