/**
 * Golden tests: one case per check of the analysis catalogue (golden/<code>-<name>/input.yaml,
 * our own fixtures). The expected output is the predicted status of every object plus every
 * diagnostic. Regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { AnalyzeOptions } from '../../src/analysis/context.ts';
import { CATALOGUE } from '../../src/diagnostics/catalogue.ts';
import { loadManifests } from '../../src/model/load.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const cases = readdirSync(GOLDEN).sort();

function run(dir: string): { text: string; codes: string[] } {
  const input = readFileSync(join(dir, 'input.yaml'), 'utf8');
  const optionsFile = join(dir, 'options.json');
  const options = existsSync(optionsFile)
    ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as AnalyzeOptions)
    : {};
  const loaded = loadManifests([{ name: 'input.yaml', text: input }]);
  const analysis = analyze(loaded.snapshot, options);
  const objects = analysis.snapshot.objects.flatMap((o) => {
    const status = analysis.predicted.get(o.key);
    return status === undefined
      ? []
      : [{ kind: o.ref.kind, namespace: o.meta.namespace, name: o.meta.name, status }];
  });
  const diagnostics = [...loaded.diagnostics, ...analysis.diagnostics];
  for (const d of analysis.diagnostics) {
    // Every analysis diagnostic names its object and says what to do.
    expect(d.message).toContain(d.object.name);
    expect(d.fix?.summary.length ?? 0).toBeGreaterThan(0);
  }
  return {
    text: `${JSON.stringify({ objects, diagnostics }, null, 2)}\n`,
    codes: diagnostics.map((d) => d.code),
  };
}

describe('golden analysis cases', () => {
  for (const name of cases) {
    it(name, () => {
      const dir = join(GOLDEN, name);
      const { text, codes } = run(dir);
      // The case exists to show its own check: it must fire.
      expect(codes).toContain(name);
      const expectedFile = join(dir, 'expected.json');
      if (UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, text);
      expect(text).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }

  it('has a case for every analysis check in the catalogue', () => {
    const analysisCodes = CATALOGUE.filter((e) => /^GS[2-4]/.test(e.code)).map((e) => `${e.code}-${e.name}`);
    expect(analysisCodes.filter((code) => !cases.includes(code))).toEqual([]);
  });
});
