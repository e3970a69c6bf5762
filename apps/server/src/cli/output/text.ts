/**
 * `--format text`: for people. Diagnostics grouped by object, objects with errors first, then
 * warnings, then notes; each line with file:line:col, code and message, then the fix. Ends with
 * a one-line summary.
 */
import type { Diagnostic } from '@gatescope/core/diagnostics/types';
import type { Analysis } from '@gatescope/core/analysis/types';
import { oneLine, terminalSafe } from './terminal-safe.ts';

const RANK: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

function objectLabel(d: Diagnostic): string {
  const ns = d.object.namespace === '' ? '' : `${d.object.namespace}/`;
  return oneLine(`${d.object.kind} ${ns}${d.object.name}`);
}

function where(d: Diagnostic): string {
  return d.source === undefined ? '' : oneLine(`${d.source.file}:${d.source.line}:${d.source.column}: `);
}

function indent(text: string, prefix: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

export function formatText(analysis: Analysis, diagnostics: readonly Diagnostic[]): string {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const label = objectLabel(d);
    groups.set(label, [...(groups.get(label) ?? []), d]);
  }
  const ordered = [...groups.entries()].sort(
    ([a, da], [b, db]) => worst(da) - worst(db) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const lines: string[] = [];
  for (const [label, list] of ordered) {
    lines.push(`${label}`);
    for (const d of list) {
      lines.push(
        `  ${where(d)}${d.severity} ${d.code}${d.field === undefined ? '' : ` (${oneLine(d.field)})`}`,
      );
      lines.push(indent(d.message, '    '));
      if (d.fix !== undefined) {
        lines.push(`    fix: ${d.fix.summary}`);
        if (d.fix.command !== undefined) lines.push(`      $ ${oneLine(d.fix.command)}`);
        if (d.fix.yaml !== undefined) lines.push(indent(d.fix.yaml, '      | '));
      }
    }
    lines.push('');
  }
  const count = (s: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === s).length;
  const analysed = analysis.predicted.size;
  const clean = analysed - new Set(diagnostics.filter((d) => d.severity === 'error').map(objectLabel)).size;
  lines.push(
    `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s); ${Math.max(clean, 0)} of ${analysed} analysed object(s) without errors.`,
  );
  // Messages and fixes may quote manifest values: the whole block is made terminal-safe.
  return terminalSafe(`${lines.join('\n')}\n`);
}

function worst(list: readonly Diagnostic[]): number {
  return Math.min(...list.map((d) => RANK[d.severity]));
}
