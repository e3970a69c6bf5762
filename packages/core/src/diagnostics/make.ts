/**
 * Building and ordering diagnostics: every diagnostic names a catalogue check, the object it is
 * about (with its source position) and, when there is one, a concrete fix.
 */
import type { GwObject } from '../model/types.ts';
import type { CheckName } from './catalogue.ts';
import { catalogueEntry, codeOf } from './catalogue.ts';
import type { Diagnostic, Fix, Severity } from './types.ts';

export interface DiagnosticDetails {
  readonly field?: string;
  readonly fix?: Fix;
  readonly related?: readonly string[];
  /** Overrides the catalogue severity (e.g. a normally-error check that is only a warning here). */
  readonly severity?: Severity;
}

export function diagnose(
  check: CheckName,
  object: GwObject,
  message: string,
  details: DiagnosticDetails = {},
): Diagnostic {
  const entry = catalogueEntry(check);
  return {
    code: codeOf(check),
    severity: details.severity ?? entry.severity,
    object: {
      ...(object.ref.group === '' ? {} : { group: object.ref.group }),
      kind: object.ref.kind,
      namespace: object.ref.namespace,
      name: object.ref.name,
    },
    ...(details.field === undefined ? {} : { field: details.field }),
    ...(entry.reason === undefined ? {} : { reason: entry.reason }),
    message,
    ...(details.fix === undefined ? {} : { fix: details.fix }),
    ...(object.source === undefined ? {} : { source: object.source }),
    ...(details.related === undefined || details.related.length === 0
      ? {}
      : { related: [...new Set(details.related)].sort() }),
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function objectSortKey(d: Diagnostic): string {
  return `${d.object.kind}.${d.object.group ?? ''}/${d.object.namespace}/${d.object.name}`;
}

/** Deterministic order: severity, then object, then code, then field, then message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    cmp(objectSortKey(a), objectSortKey(b)) ||
    cmp(a.code, b.code) ||
    cmp(a.field ?? '', b.field ?? '') ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted, with exact duplicates removed (the same problem reached by two paths). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const id = `${d.code}|${objectSortKey(d)}|${d.field ?? ''}|${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d);
  }
  return out;
}
