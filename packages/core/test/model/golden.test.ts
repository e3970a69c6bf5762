/**
 * Golden tests for parse + normalize: golden/<case>/input.txt (our own YAML fixtures, named .txt
 * so that formatters leave their bytes alone: positions are part of the expectation, and some are
 * broken on purpose) → the normalized objects and every diagnostic. Cases named after a parse code must emit that code;
 * every parse code has a case. Regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARSE_CODE_TABLE } from '../../src/diagnostics/parse-codes.ts';
import { loadManifests } from '../../src/model/load.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const cases = readdirSync(GOLDEN).sort();

function run(dir: string): { text: string; codes: string[] } {
  const input = readFileSync(join(dir, 'input.txt'), 'utf8');
  const { snapshot, diagnostics } = loadManifests([{ name: 'input.yaml', text: input }]);
  return {
    text: `${JSON.stringify({ objects: snapshot.objects, diagnostics }, null, 2)}\n`,
    codes: diagnostics.map((d) => d.code),
  };
}

describe('golden parse + normalize cases', () => {
  for (const name of cases) {
    it(name, () => {
      const dir = join(GOLDEN, name);
      const { text, codes } = run(dir);
      if (/^GS0\d\d-/.test(name)) expect(codes).toContain(name);
      else expect(codes).toEqual([]);
      const expectedFile = join(dir, 'expected.json');
      if (UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, text);
      expect(text).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }

  it('has a case for every parse code', () => {
    const all = PARSE_CODE_TABLE.map((c) => `${c.code}-${c.name}`);
    expect(all.filter((code) => !cases.includes(code))).toEqual([]);
  });

  it('never writes Secret values or managedFields into the model', () => {
    const all = cases.map((name) => run(join(GOLDEN, name)).text).join('\n');
    expect(all).not.toContain('ZmFrZS1rZXk=');
    expect(all).not.toContain('managedFields');
    expect(all).not.toContain('last-applied-configuration');
  });
});
