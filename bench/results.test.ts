/** bench-results.json writing: a partial run (--only) merges instead of dropping other figures. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeResults } from './lib/results.ts';
import type { BenchReport, Figure, ResultEntry } from './lib/types.ts';

function report(figures: Figure[]): BenchReport {
  return { figures, checks: [], notes: [], unavailable: [] };
}

const entry = (name: string, preset: string, value: number): ResultEntry => ({
  name,
  value,
  unit: 'ms',
  target: 10,
  better: 'lower',
  preset,
});

describe('mergeResults', () => {
  it('replaces re-measured entries in place, keeps the others and appends new ones', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gatescope-results-')), 'r.json');
    const before = [entry('parse', 'a', 1), entry('analyze', 'a', 2), entry('analyze', 'b', 3)];
    writeFileSync(path, JSON.stringify(before));
    const merged = mergeResults(path, [
      report([
        { ...entry('analyze', 'a', 20) },
        { ...entry('simulate', 'a', 5) },
        { name: 'info only', value: 1, unit: 'ms', better: 'lower', preset: 'a' },
      ]),
    ]);
    const expected = [
      entry('parse', 'a', 1),
      entry('analyze', 'a', 20),
      entry('analyze', 'b', 3),
      entry('simulate', 'a', 5),
    ];
    expect(merged).toEqual(expected);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(expected);
  });

  it('writes only this run when there is no file yet', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gatescope-results-')), 'r.json');
    expect(mergeResults(path, [report([entry('analyze', 'a', 2)])])).toEqual([entry('analyze', 'a', 2)]);
  });
});
