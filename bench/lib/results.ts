/** bench-results.json and the summary table printed at the end of a run. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchReport, Figure, ResultEntry } from './types.ts';

export function resultEntries(reports: readonly BenchReport[]): ResultEntry[] {
  const entries: ResultEntry[] = [];
  for (const report of reports) {
    for (const f of report.figures) {
      if (f.target === undefined) continue;
      entries.push({
        name: f.name,
        value: round(f.value),
        unit: f.unit,
        target: f.target,
        better: f.better,
        preset: f.preset,
      });
    }
  }
  return entries;
}

export function writeResults(path: string, reports: readonly BenchReport[]): ResultEntry[] {
  const entries = resultEntries(reports);
  writeFileSync(path, JSON.stringify(entries, null, 2) + '\n');
  return entries;
}

/**
 * For a partial run (`--only`): the entries already in `path` with those of this run merged in.
 * An entry is identified by name + preset; a re-measured one replaces the old one in place, a new
 * one is appended, and every figure of the benches not run is kept.
 */
export function mergeResults(path: string, reports: readonly BenchReport[]): ResultEntry[] {
  const fresh = resultEntries(reports);
  const id = (e: ResultEntry): string => `${e.name}\u0000${e.preset}`;
  const byId = new Map(fresh.map((e) => [id(e), e]));
  const previous = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ResultEntry[]) : [];
  const merged = previous.map((e) => byId.get(id(e)) ?? e);
  const kept = new Set(previous.map(id));
  for (const e of fresh) if (!kept.has(id(e))) merged.push(e);
  writeFileSync(path, JSON.stringify(merged, null, 2) + '\n');
  return merged;
}

function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 2 : 4;
  return Number(value.toFixed(digits));
}

export function meetsTarget(f: Pick<Figure, 'value' | 'better'> & { target: number }): boolean {
  return f.better === 'lower' ? f.value <= f.target : f.value >= f.target;
}

function verdict(f: Figure): string {
  if (f.target === undefined) return '';
  return meetsTarget({ ...f, target: f.target }) ? 'ok' : 'MISSED';
}

export function summaryTable(
  sections: readonly { readonly title: string; readonly report: BenchReport }[],
): string {
  const rows: string[][] = [['figure', 'preset', 'value', 'target', 'status']];
  for (const { title, report } of sections) {
    for (const f of report.figures) {
      const cmp = f.better === 'lower' ? '≤' : '≥';
      const target = f.target === undefined ? '—' : `${cmp} ${f.target} ${f.unit}`;
      rows.push([f.name, f.preset, `${round(f.value)} ${f.unit}`, target, verdict(f)]);
    }
    for (const c of report.checks) rows.push([`check: ${c.name}`, '', c.detail, '', c.ok ? 'ok' : 'FAILED']);
    for (const u of report.unavailable) rows.push([`${title}: unavailable`, '', u, '', 'n/a']);
  }
  const widths = rows[0]!.map((_, i) => Math.min(70, Math.max(...rows.map((r) => (r[i] ?? '').length))));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Every figure of a run as a Markdown table (for BENCHMARKS.md), checks and gaps included. */
export function markdownTable(
  sections: readonly { readonly title: string; readonly report: BenchReport }[],
): string {
  const lines = [
    '| bench | figure | preset | value | target | status |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const { title, report } of sections) {
    for (const f of report.figures) {
      const target =
        f.target === undefined ? '—' : `${f.better === 'lower' ? '≤' : '≥'} ${f.target} ${f.unit}`;
      lines.push(
        `| ${title} | ${f.name} | ${f.preset} | ${round(f.value)} ${f.unit} | ${target} | ${verdict(f) || 'info'} |`,
      );
    }
    for (const c of report.checks)
      lines.push(
        `| ${title} | check: ${c.name} | | ${c.detail.replace(/\|/g, '/')} | | ${c.ok ? 'ok' : 'FAILED'} |`,
      );
    for (const u of report.unavailable) lines.push(`| ${title} | unavailable | | ${u} | | n/a |`);
  }
  return lines.join('\n') + '\n';
}
