/**
 * The `gatescope analyze --format json` shape (DESIGN.md CLI contract) for POST /api/analyze:
 * `{ objects: [{apiVersion, kind, metadata: {namespace, name}, status}], diagnostics }`.
 */
import type { Analysis, PredictedStatus } from '@gatescope/core/analysis/types';
import type { Diagnostic } from '@gatescope/core/diagnostics/types';

export interface ContractObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly namespace?: string; readonly name: string };
  readonly status: Record<string, unknown>;
}

function statusOf(predicted: PredictedStatus): Record<string, unknown> {
  const { kind: _kind, ...status } = predicted;
  return status;
}

/** Diagnostic JSON: fix as one string (summary, then the YAML or the command). */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  const { source: _source, related: _related, fix, object, ...rest } = d;
  const out: Record<string, unknown> = {
    ...rest,
    object: { kind: object.kind, namespace: object.namespace, name: object.name },
  };
  if (fix)
    out['fix'] = [fix.summary, fix.yaml, fix.command].filter((s) => s !== undefined && s !== '').join('\n');
  return out;
}

export function contractJson(
  analysis: Analysis,
  parseDiagnostics: readonly Diagnostic[],
): {
  objects: ContractObject[];
  diagnostics: Record<string, unknown>[];
} {
  const objects: ContractObject[] = [];
  for (const object of analysis.snapshot.objects) {
    const predicted = analysis.predicted.get(object.key);
    if (!predicted) continue;
    objects.push({
      apiVersion: object.apiVersion,
      kind: object.ref.kind,
      metadata:
        object.meta.namespace === ''
          ? { name: object.meta.name }
          : { namespace: object.meta.namespace, name: object.meta.name },
      status: statusOf(predicted),
    });
  }
  return { objects, diagnostics: [...parseDiagnostics, ...analysis.diagnostics].map(diagnosticJson) };
}
