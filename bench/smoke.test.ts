/**
 * The benchmarks in quick mode at tiny sizes, so they never rot: no timing assertions, only the
 * shape of bench-results.json and the correctness checks made while measuring (above all, the
 * indexed simulator and the reference scan give identical answers).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCHES } from './benches/index.ts';
import { writeResults } from './lib/results.ts';
import type { Section } from './lib/runner.ts';
import { runBenches } from './lib/runner.ts';

const root = resolve(import.meta.dirname, '..');

describe('npm run bench --quick', () => {
  let sections: Section[] = [];

  it(
    'runs every bench at tiny sizes and writes a well-formed results file',
    { timeout: 240_000 },
    async () => {
      const lines: string[] = [];
      sections = await runBenches(BENCHES, { quick: true, root, log: (line) => lines.push(line) });
      expect(sections.map((s) => s.name)).toEqual(BENCHES.map((b) => b.name));
      const out = join(mkdtempSync(join(tmpdir(), 'gatescope-bench-')), 'bench-results.json');
      writeResults(
        out,
        sections.map((s) => s.report),
      );
      const entries: unknown = JSON.parse(readFileSync(out, 'utf8'));
      expect(Array.isArray(entries)).toBe(true);
      for (const entry of entries as Record<string, unknown>[]) {
        expect(Object.keys(entry).sort()).toEqual(['better', 'name', 'preset', 'target', 'unit', 'value']);
        expect(typeof entry['name']).toBe('string');
        expect(Number.isFinite(entry['value'])).toBe(true);
        expect(typeof entry['unit']).toBe('string');
        expect(Number.isFinite(entry['target'])).toBe(true);
        expect(['lower', 'higher']).toContain(entry['better']);
        expect(typeof entry['preset']).toBe('string');
      }
      const targeted = sections.flatMap((s) => s.report.figures.filter((f) => f.target !== undefined));
      expect((entries as unknown[]).length).toBe(targeted.length);
    },
  );

  it('finds no failed correctness check, and indexed == reference was compared', () => {
    const checks = sections.flatMap((s) => s.report.checks);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    const compared = checks.filter((c) => c.name.startsWith('indexed == reference'));
    expect(compared.length).toBeGreaterThan(0);
    for (const c of compared) expect(c.ok, c.detail).toBe(true);
  });

  it('finds every stage it measures (only the browser may wait for a built SPA)', () => {
    const gaps = sections
      .filter((s) => s.name !== 'browser')
      .flatMap((s) => s.report.unavailable.map((u) => `${s.name}: ${u}`));
    expect(gaps).toEqual([]);
  });
});
