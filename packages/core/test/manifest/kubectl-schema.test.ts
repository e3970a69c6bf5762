import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/manifest/parse.ts';

/** The value of `v:` in a one-object manifest, read as kubectl (go-yaml v2) would. */
function valueOf(scalar: string): unknown {
  const { docs } = parseManifests([
    { name: 'v.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: v}\nv: ${scalar}\n` },
  ]);
  return docs[0]?.object['v'];
}

describe('scalars read like go-yaml v2', () => {
  it.each([
    ['y', true],
    ['Yes', true],
    ['ON', true],
    ['n', false],
    ['off', false],
    ['FALSE', false],
    ['~', null],
    ['null', null],
    ['42', 42],
    ['-7', -7],
    ['+3', 3],
    ['0755', 493],
    ['0o17', 15],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['08', 8],
    ['1.5', 1.5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['.inf', Infinity],
    ['-.Inf', -Infinity],
  ])('%s → %s', (scalar, expected) => {
    expect(valueOf(scalar)).toBe(expected);
  });

  it.each([
    ['1:20', '1:20'],
    ['2024-01-02', '2024-01-02'],
    ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05Z'],
    ['"yes"', 'yes'],
    ["'0755'", '0755'],
    ['0x', '0x'],
    ['1.2.3', '1.2.3'],
    ['yess', 'yess'],
  ])('%s stays the string %s', (scalar, expected) => {
    expect(valueOf(scalar)).toBe(expected);
  });

  it('keeps NaN as a number', () => {
    expect(Number.isNaN(valueOf('.nan'))).toBe(true);
  });

  it('keeps a __proto__ key as data, without touching prototypes', () => {
    const { docs } = parseManifests([
      {
        name: 'p.yaml',
        text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\n__proto__: {polluted: true}\n',
      },
    ]);
    expect(Object.hasOwn(docs[0]?.object ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(docs[0]?.object)).toBe(Object.prototype);
  });
});
