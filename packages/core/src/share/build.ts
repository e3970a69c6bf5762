/**
 * Builds the state a link or bundle carries, redacted, with the report the UI shows as the
 * preview ("what is shared") before anything is copied.
 */
import { encodeShareState, type EncodedShare } from './codec.ts';
import { Redactor, type RedactionReport } from './redact.ts';
import { redactYaml } from './redact-yaml.ts';
import type { RedactionOptions, RouteTest, ShareState, ShareView } from './types.ts';

export type ShareInput =
  | { readonly type: 'sandbox'; readonly yaml: string }
  | {
      readonly type: 'snapshot';
      readonly objects: readonly Readonly<Record<string, unknown>>[];
      readonly label?: string;
    };

export interface SharePreview {
  readonly state: ShareState;
  readonly report: RedactionReport;
  readonly encoded: EncodedShare;
  /** One line per kind: "3 HTTPRoute", for the preview header. */
  readonly summary: readonly string[];
}

export function buildShare(
  input: ShareInput,
  view: ShareView,
  tests: readonly RouteTest[],
  redaction: RedactionOptions,
): SharePreview {
  const { source, report: sourceReport } = redactSource(input, redaction);
  // Route tests are masked with their own masker: same options, and the preview counts both.
  const testRedactor = new Redactor(redaction);
  const maskedTests =
    redaction.maskIPs || redaction.maskHostnames ? tests.map((t) => testRedactor.value(t)) : tests;
  const state: ShareState = { v: 1, source, view, tests: maskedTests, redaction };
  return { state, report: sourceReport, encoded: encodeShareState(state), summary: summarize(state) };
}

function redactSource(
  input: ShareInput,
  redaction: RedactionOptions,
): { source: ShareState['source']; report: RedactionReport } {
  if (input.type === 'sandbox') {
    const { yaml, report } = redactYaml(input.yaml, redaction);
    return { source: { type: 'sandbox', yaml }, report };
  }
  const redactor = new Redactor(redaction);
  const objects = input.objects.map((o) => redactor.object(o));
  const source: ShareState['source'] =
    input.label === undefined
      ? { type: 'snapshot', objects }
      : { type: 'snapshot', objects, label: redactor.value(input.label) };
  return { source, report: redactor.report() };
}

function summarize(state: ShareState): string[] {
  const lines: string[] = [];
  if (state.source.type === 'sandbox') {
    const docs = state.source.yaml.split(/^---\s*$/m).filter((d) => d.trim() !== '').length;
    lines.push(`Sandbox YAML: ${docs} document${docs === 1 ? '' : 's'}`);
  } else {
    const byKind = new Map<string, number>();
    for (const o of state.source.objects) {
      const kind = typeof o['kind'] === 'string' ? o['kind'] : '?';
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    for (const [kind, n] of [...byKind].sort()) lines.push(`${n} ${kind}`);
  }
  if (state.tests.length > 0)
    lines.push(`${state.tests.length} route test${state.tests.length === 1 ? '' : 's'}`);
  if (state.view.selected !== undefined) lines.push(`Selected: ${state.view.selected}`);
  return lines;
}
