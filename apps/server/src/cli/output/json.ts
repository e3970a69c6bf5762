/**
 * `--format json`: exactly the DESIGN.md contract —
 * `{ objects: [{apiVersion, kind, metadata: {namespace, name}, status}], diagnostics: [...] }`,
 * a diagnostic being `{code, severity, object: {kind, namespace, name}, field?, reason?, message, fix?}`
 * with `fix` as one string (summary, then the YAML or the command).
 */
import type { Analysis, PredictedStatus } from '@gatescope/core/analysis/types';
import type { Diagnostic } from '@gatescope/core/diagnostics/types';
import { fixText } from '@gatescope/core/diagnostics/fixes';

export interface JsonObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly namespace: string; readonly name: string };
  readonly status: Record<string, unknown>;
}

export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly object: { readonly kind: string; readonly namespace: string; readonly name: string };
  readonly field?: string;
  readonly reason?: string;
  readonly message: string;
  readonly fix?: string;
}

export interface JsonReport {
  readonly objects: JsonObject[];
  readonly diagnostics: JsonDiagnostic[];
}

/** The Kubernetes status shape: BackendTLSPolicy is `{ancestors}` (PolicyStatus). */
function statusOf(predicted: PredictedStatus): Record<string, unknown> {
  if (predicted.kind === 'BackendTLSPolicy') return { ancestors: predicted.ancestors };
  const { kind: _kind, ...status } = predicted;
  return status;
}

export function diagnosticJson(d: Diagnostic): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    object: { kind: d.object.kind, namespace: d.object.namespace, name: d.object.name },
    ...(d.field === undefined ? {} : { field: d.field }),
    ...(d.reason === undefined ? {} : { reason: d.reason }),
    message: d.message,
    ...(d.fix === undefined ? {} : { fix: fixText(d.fix) }),
  };
}

export function jsonReport(analysis: Analysis, diagnostics: readonly Diagnostic[]): JsonReport {
  const objects: JsonObject[] = [];
  for (const object of analysis.snapshot.objects) {
    const predicted = analysis.predicted.get(object.key);
    if (predicted === undefined) continue;
    objects.push({
      apiVersion: object.apiVersion,
      kind: object.ref.kind,
      metadata: { namespace: object.meta.namespace, name: object.meta.name },
      status: statusOf(predicted),
    });
  }
  return { objects, diagnostics: diagnostics.map(diagnosticJson) };
}

export function formatJson(analysis: Analysis, diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(jsonReport(analysis, diagnostics), null, 2)}\n`;
}
