import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/manifest/parse.ts';

function one(text: string, name = 'in.yaml') {
  return parseManifests([{ name, text }]);
}

function names(result: ReturnType<typeof one>): string[] {
  return result.docs.map((d) => (d.object['metadata'] as { name: string }).name);
}

const svc = (name: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

describe('parseManifests: documents and positions', () => {
  it('reads multi-document YAML with the line and column of each object', () => {
    const result = one(`${svc('a')}---\n${svc('b')}---\n\n  # comment\n${svc('c')}`);
    expect(result.diagnostics).toEqual([]);
    expect(names(result)).toEqual(['a', 'b', 'c']);
    expect(result.docs.map((d) => [d.source.line, d.source.column])).toEqual([
      [1, 1],
      [6, 1],
      [13, 1],
    ]);
    expect(result.docs.map((d) => d.order)).toEqual([0, 1, 2]);
  });

  it('skips empty documents and comment-only documents', () => {
    const result = one(`---\n---\n# nothing\n---\n${svc('a')}---\n...\n`);
    expect(result.diagnostics).toEqual([]);
    expect(names(result)).toEqual(['a']);
  });

  it('unpacks kind: List and typed *List with a position per item', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'metadata: {resourceVersion: ""}',
      'items:',
      '- apiVersion: v1',
      '  kind: Service',
      '  metadata: {name: one}',
      '-   apiVersion: v1',
      '    kind: Service',
      '    metadata: {name: two}',
      '---',
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: HTTPRouteList',
      'items:',
      '  - apiVersion: gateway.networking.k8s.io/v1',
      '    kind: HTTPRoute',
      '    metadata: {name: three}',
      '',
    ].join('\n');
    const result = one(text);
    expect(result.diagnostics).toEqual([]);
    expect(names(result)).toEqual(['one', 'two', 'three']);
    expect(result.docs.map((d) => [d.source.line, d.source.column])).toEqual([
      [5, 3],
      [8, 5],
      [15, 5],
    ]);
  });

  it('gives items of a typed list from the API their apiVersion and kind', () => {
    const json = JSON.stringify({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRouteList',
      metadata: { resourceVersion: '5' },
      items: [
        { metadata: { name: 'r', namespace: 'n' } },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } },
      ],
    });
    const result = one(json, 'list.json');
    expect(result.diagnostics).toEqual([]);
    expect(result.docs.map((d) => [d.object['apiVersion'], d.object['kind']])).toEqual([
      ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
      ['v1', 'Service'],
    ]);
  });

  it('treats an empty List as no objects', () => {
    expect(one('apiVersion: v1\nkind: List\nitems: []\n')).toEqual({ docs: [], diagnostics: [] });
    expect(one('apiVersion: v1\nkind: List\nitems:\n')).toEqual({ docs: [], diagnostics: [] });
  });

  it('reads JSON objects, JSON Lists and JSON arrays with positions', () => {
    const json = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'j1' } }],
      },
      null,
      2,
    );
    const result = parseManifests([
      { name: 'a.json', text: json },
      { name: 'b.txt', text: '  [{"apiVersion":"v1","kind":"Service","metadata":{"name":"j2"}}]' },
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(names(result)).toEqual(['j1', 'j2']);
    expect(result.docs[0]?.source).toEqual({ file: 'a.json', line: 5, column: 5 });
    expect(result.docs[1]?.source).toEqual({ file: 'b.txt', line: 1, column: 4 });
  });

  it('reads JSON that JSON.parse refuses as YAML, like kubectl, and reports real JSON errors with a position', () => {
    const lenient = one(
      '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "t",},}',
      'trailing.json',
    );
    expect(lenient.diagnostics).toEqual([]);
    expect(names(lenient)).toEqual(['t']);
    const broken = one(
      '{\n  "apiVersion": "v1",\n  "kind": "Service"\n  "metadata": {"name": "x"}\n}',
      'broken.json',
    );
    expect(broken.docs).toEqual([]);
    expect(broken.diagnostics.map((d) => [d.code, d.source?.file, d.source?.line])).toEqual([
      ['GS001-YamlSyntax', 'broken.json', 4],
    ]);
  });

  it('keeps JSON strings as strings (no YAML 1.1 booleans in JSON)', () => {
    const result = one(
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"yes"}}',
      'x.json',
    );
    expect(result.docs[0]?.object['data']).toEqual({ a: 'yes' });
  });

  it('numbers objects across files in the order given', () => {
    const result = parseManifests([
      { name: 'one.yaml', text: `${svc('a')}---\n${svc('b')}` },
      { name: 'two.yaml', text: svc('c') },
    ]);
    expect(result.docs.map((d) => [d.source.file, d.order])).toEqual([
      ['one.yaml', 0],
      ['one.yaml', 1],
      ['two.yaml', 2],
    ]);
  });
});

describe('parseManifests: YAML 1.1 as kubectl reads it', () => {
  const result = one(
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: yaml11, creationTimestamp: 2024-01-02T03:04:05Z}',
      'spec:',
      '  a: yes',
      '  b: off',
      '  c: On',
      '  d: 0755',
      '  e: 0x1F',
      '  f: "yes"',
      '  g: 1:20',
      '  h: 2024-01-02',
      '  base: &b {x: 1}',
      '  merged: {<<: *b, z: 2}',
      '',
    ].join('\n'),
  );
  const spec = result.docs[0]?.object['spec'] as Record<string, unknown>;

  it('reads yes/on/off as booleans and 0755 as octal', () => {
    expect(spec).toMatchObject({ a: true, b: false, c: true, d: 493, e: 31, f: 'yes' });
  });

  it('keeps timestamps and sexagesimal-looking values as strings', () => {
    expect(spec).toMatchObject({ g: '1:20', h: '2024-01-02' });
    expect((result.docs[0]?.object['metadata'] as Record<string, unknown>)['creationTimestamp']).toBe(
      '2024-01-02T03:04:05Z',
    );
  });

  it('applies << merge keys', () => {
    expect(spec['merged']).toEqual({ x: 1, z: 2 });
  });
});

describe('parseManifests: errors', () => {
  it('a broken document between two good ones loses neither neighbour', () => {
    const text = `${svc('before')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: "unterminated\n---\n${svc('after')}`;
    const result = one(text, 'broken.yaml');
    expect(names(result)).toEqual(['before', 'after']);
    expect(result.docs[1]?.source.line).toBe(11);
    expect(result.diagnostics).toHaveLength(1);
    const [diag] = result.diagnostics;
    expect(diag?.code).toBe('GS001-YamlSyntax');
    expect(diag?.severity).toBe('error');
    expect(diag?.source?.file).toBe('broken.yaml');
    expect(diag?.source?.line).toBeGreaterThanOrEqual(6);
    expect(diag?.source?.line).toBeLessThanOrEqual(10);
    expect(diag?.message).toMatch(/^broken\.yaml:\d+:\d+: /);
  });

  it('an unclosed flow mapping does not swallow the next document', () => {
    const result = one(`kind: {a: 1\n---\n${svc('next')}`);
    expect(names(result)).toEqual(['next']);
    expect(result.diagnostics.map((d) => d.code)).toContain('GS001-YamlSyntax');
  });

  it('reports tab indentation with its position', () => {
    const result = one(`${svc('ok')}---\napiVersion: v1\nkind: Service\nmetadata:\n\tname: tabbed\n`);
    expect(names(result)).toEqual(['ok']);
    expect(result.diagnostics[0]?.source).toEqual({ file: 'in.yaml', line: 9, column: 1 });
  });

  it('reports CRLF input positions like LF input', () => {
    const text = `${svc('a')}---\n${svc('b')}---\nkey: [unclosed\n`.replaceAll('\n', '\r\n');
    const result = one(text);
    expect(names(result)).toEqual(['a', 'b']);
    expect(result.docs.map((d) => d.source.line)).toEqual([1, 6]);
    expect(result.diagnostics[0]?.source?.line).toBeGreaterThanOrEqual(11);
  });

  it('ignores a byte-order mark for detection and columns', () => {
    const result = one(`\uFEFF${svc('bom')}`);
    expect(names(result)).toEqual(['bom']);
    expect(result.docs[0]?.source).toEqual({ file: 'in.yaml', line: 1, column: 1 });
    const json = one('\uFEFF{"apiVersion":"v1","kind":"Service","metadata":{"name":"j"}}', 'x');
    expect(json.docs[0]?.source.column).toBe(1);
  });

  it('reports documents that are not objects', () => {
    const result = one(`just a string\n---\n- 1\n---\n42\n---\n${svc('ok')}`);
    expect(names(result)).toEqual(['ok']);
    expect(result.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([
      ['GS003-NotAnObject', 1],
      ['GS003-NotAnObject', 3],
      ['GS003-NotAnObject', 5],
    ]);
  });

  it('reports objects without apiVersion, kind or metadata.name, naming what is known', () => {
    const result = one(
      'kind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n---\napiVersion: v1\nkind: Service\nmetadata: {generateName: c-}\n',
    );
    expect(result.docs).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.source?.line, d.object.kind, d.object.name])).toEqual([
      ['GS004-MissingTypeMeta', 1, 'Service', 'a'],
      ['GS004-MissingTypeMeta', 4, '', 'b'],
      ['GS005-MissingName', 7, 'Service', ''],
    ]);
    expect(result.diagnostics[2]?.message).toContain('generateName');
  });

  it('explains a name that YAML 1.1 read as a boolean', () => {
    const result = one('apiVersion: v1\nkind: Namespace\nmetadata: {name: no}\n');
    expect(result.diagnostics[0]?.code).toBe('GS005-MissingName');
    expect(result.diagnostics[0]?.message).toContain('name is the boolean false');
  });

  it('reports duplicate mapping keys as a syntax error, like kubectl', () => {
    const result = one('apiVersion: v1\nkind: Service\nkind: Service\nmetadata: {name: a}\n');
    expect(result.docs).toEqual([]);
    expect(result.diagnostics[0]?.code).toBe('GS001-YamlSyntax');
    expect(result.diagnostics[0]?.source?.line).toBe(3);
  });

  it('stops alias bombs with a diagnostic instead of expanding them', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const prev = `*a${i - 1}`;
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => prev).join(', ')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${lines.map((l) => `  ${l}`).join('\n')}\n---\n${svc('after')}`;
    const result = one(text);
    expect(names(result)).toEqual(['after']);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['GS007-InputLimit']);
  });

  it('rejects pathological nesting where it passes the limit, keeping the other documents', () => {
    const depth = 20_000;
    const flow = `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const block = Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    const result = one(`${flow}---\n${block} 1\n---\n${svc('after')}`);
    expect(names(result)).toEqual(['after']);
    expect(result.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([
      ['GS007-InputLimit', 1],
      ['GS007-InputLimit', 202], // the block key 200 levels deep (the document starts on line 3)
    ]);
    const json = one(`${'['.repeat(depth)}${']'.repeat(depth)}`, 'deep.json');
    expect(json.diagnostics.map((d) => d.code)).toEqual(['GS007-InputLimit']);
  });

  it('parses deep but reasonable nesting (150 levels) without a limit diagnostic', () => {
    const depth = 150;
    const block = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n');
    const result = one(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n${block} x\n  flow: ${'['.repeat(depth)}${']'.repeat(depth)}\n  text: "[[[[[[{{{{"\n`,
    );
    expect(result.diagnostics).toEqual([]);
    expect(names(result)).toEqual(['deep']);
  });
});
