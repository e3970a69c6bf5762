/**
 * Engine result → problems at lines of the sandbox editor. Parse diagnostics carry their own
 * position; analysis diagnostics point at an object, shown at the line where it starts.
 */
import type { Diagnostic, GwObject } from '@gatescope/core';
import type { EngineResult } from '../engine/types.ts';
import { FieldLocator } from './field-lines.ts';
import type { EditorProblem } from './SandboxEditor.tsx';

export const SANDBOX_FILE = 'sandbox.yaml';

function objectFor(objects: readonly GwObject[], d: Diagnostic): GwObject | undefined {
  return objects.find(
    (o) =>
      o.ref.kind === d.object.kind &&
      o.ref.namespace === d.object.namespace &&
      o.ref.name === d.object.name &&
      (d.object.group === undefined || o.ref.group === d.object.group),
  );
}

export function editorProblems(
  result: EngineResult | null,
  text: string,
  file = SANDBOX_FILE,
): EditorProblem[] {
  if (result === null) return [];
  const locator = new FieldLocator(text);
  const out: EditorProblem[] = [];
  for (const d of result.parseDiagnostics) {
    if (d.source?.file !== file) continue;
    out.push({ line: d.source.line, column: d.source.column, severity: d.severity, message: d.message });
  }
  const objects = result.analysis.snapshot.objects;
  for (const d of result.analysis.diagnostics) {
    const source = d.source ?? objectFor(objects, d)?.source;
    if (source?.file !== file) continue;
    const fix = d.fix === undefined ? '' : `\nFix: ${d.fix.summary}`;
    const line = locator.line(source.line, d.field);
    out.push({ line, severity: d.severity, message: `${d.code}: ${d.message}${fix}` });
  }
  return out;
}

/** Stable identity of a diagnostic across two analyses (what-if diff). */
export function diagnosticId(d: Diagnostic): string {
  const o = d.object;
  return [d.code, o.group ?? '', o.kind, o.namespace, o.name, d.field ?? '', d.message].join('|');
}

export interface DiagnosticDiff {
  readonly introduced: readonly Diagnostic[];
  readonly fixed: readonly Diagnostic[];
  readonly unchanged: readonly Diagnostic[];
}

export function diffDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): DiagnosticDiff {
  const beforeIds = new Set(before.map(diagnosticId));
  const afterIds = new Set(after.map(diagnosticId));
  return {
    introduced: after.filter((d) => !beforeIds.has(diagnosticId(d))),
    fixed: before.filter((d) => !afterIds.has(diagnosticId(d))),
    unchanged: after.filter((d) => beforeIds.has(diagnosticId(d))),
  };
}
