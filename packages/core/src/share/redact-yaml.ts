/**
 * Redaction of sandbox text. The text is read the way the analyzer reads it (manifest/parse.ts:
 * JSON.parse for JSON, else js-yaml with the kubectl schema, the same nesting and alias-bomb
 * limits, document by document), so what is checked is what the receiver will analyse. Every
 * value goes through Redactor.document, which handles every container shape (single object,
 * `kind: List`, typed `*List`, bare sequences, JSON arrays, nesting). A document the redactor
 * leaves untouched keeps its exact text (comments included); one that loses anything is
 * re-serialized from its redacted value. A document that cannot be read cannot be checked field
 * by field, so it is left out (with a placeholder comment and a note in the preview).
 * Finally the result is read back with parseManifests itself: if the analyzer would read any
 * object that still holds a field the allowlist removes, the text is rebuilt from the redacted
 * objects alone. One function (Redactor) decides; the preview shows its notes.
 */
import { constructFromEvents, parseEvents, type Event } from 'js-yaml';
import { stringify } from 'yaml';
import { splitDocuments } from '../manifest/chunks.ts';
import { exceedsExpansion } from '../manifest/expansion.ts';
import { KUBECTL_SCHEMA } from '../manifest/kubectl-schema.ts';
import { looksLikeJson, MAX_NESTING, parseManifests } from '../manifest/parse.ts';
import { eventPositions } from '../manifest/positions.ts';
import { Redactor, type RedactionNote, type RedactionReport } from './redact.ts';
import type { RedactionOptions } from './types.ts';

const BOM = '\uFEFF';

type Read =
  | { readonly ok: true; readonly values: readonly unknown[] }
  | { readonly ok: false; readonly reason: string };

export function redactYaml(
  text: string,
  options: RedactionOptions,
): { readonly yaml: string; readonly report: RedactionReport } {
  const redactor = new Redactor(options);
  const extra: RedactionNote[] = [];
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  let out = looksLikeJson('', body) ? redactJson(body, redactor, extra) : undefined;
  out ??= redactDocuments(body, redactor, extra);
  if (out !== body && !analyzerReadsOnlyRedacted(out)) {
    out = rebuildFromObjects(body, options);
    extra.push({ object: 'sandbox text', removed: 'rewritten from the redacted objects alone' });
  }
  const base = redactor.report();
  const report: RedactionReport = { ...base, notes: [...base.notes, ...extra] };
  return { yaml: out === body ? text : out, report };
}

/** JSON the analyzer reads with JSON.parse; undefined when it is not strict JSON (then YAML). */
function redactJson(body: string, redactor: Redactor, extra: RedactionNote[]): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (deeperThan(value, MAX_NESTING)) {
    extra.push({
      object: 'document 1',
      removed: `whole document (nested deeper than ${MAX_NESTING} levels)`,
    });
    return `# document left out of this share: nested deeper than ${MAX_NESTING} levels\n`;
  }
  const redacted = redactor.document(value, 'document 1');
  if (redacted !== undefined && JSON.stringify(redacted) === JSON.stringify(value)) return body;
  return redacted === undefined ? '' : `${JSON.stringify(redacted, null, 2)}\n`;
}

function redactDocuments(body: string, redactor: Redactor, extra: RedactionNote[]): string {
  const parts: string[] = [];
  splitDocuments(body).forEach((chunk, index) => {
    const where = `document ${index + 1}`;
    const marker = /^---/.test(chunk.text) ? '---\n' : '';
    const read = readChunk(chunk.text);
    if (!read.ok) {
      extra.push({
        object: where,
        removed: `whole document (${read.reason}; it cannot be checked field by field)`,
      });
      parts.push(`${marker}# ${where} left out of this share: ${read.reason}\n`);
      return;
    }
    const redacted = read.values.map((value) => redactor.document(value, where));
    const same = redacted.every(
      (r, i) => JSON.stringify(r) === JSON.stringify(read.values[i] === null ? undefined : read.values[i]),
    );
    if (same) {
      parts.push(chunk.text.endsWith('\n') || index === 0 ? chunk.text : `${chunk.text}\n`);
      return;
    }
    const docs = redacted.filter((r) => r !== undefined).map((r) => stringify(r, { lineWidth: 0 }));
    parts.push(marker + (docs.length === 0 ? `# ${where} left out of this share\n` : docs.join('---\n')));
  });
  return parts.map((p, i) => (i < parts.length - 1 && !p.endsWith('\n') ? `${p}\n` : p)).join('');
}

/** One document chunk, read as parse.ts reads it (same parser, schema and limits). */
function readChunk(text: string): Read {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { maxDepth: MAX_NESTING });
    values = constructFromEvents(events, { source: text, schema: KUBECTL_SCHEMA });
  } catch (error) {
    const reason = error instanceof Error && 'reason' in error ? String(error.reason) : 'not readable';
    return { ok: false, reason: `YAML error: ${firstLine(reason)}` };
  }
  const positions = eventPositions(events, text);
  for (const [i, value] of values.entries()) {
    const pos = positions[i];
    if (pos?.aliases === true && exceedsExpansion(value, pos.events)) {
      return { ok: false, reason: 'aliases expand to far more data than was written' };
    }
  }
  return { ok: true, values };
}

/** The analyzer's own reading of the shared text holds no field the allowlist would remove. */
function analyzerReadsOnlyRedacted(text: string): boolean {
  const check = new Redactor({ maskIPs: false, maskHostnames: false });
  return parseManifests([{ name: 'share', text }]).docs.every(
    (doc) => JSON.stringify(check.object(doc.object)) === JSON.stringify(doc.object),
  );
}

/** The last resort: only the objects the analyzer reads, redacted, one document each. */
function rebuildFromObjects(text: string, options: RedactionOptions): string {
  const redactor = new Redactor(options);
  return parseManifests([{ name: 'share', text }])
    .docs.map((doc) => stringify(redactor.object(doc.object), { lineWidth: 0 }))
    .join('---\n');
}

function deeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop() as [unknown, number];
    if (typeof next !== 'object' || next === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(next)) pending.push([child, depth + 1]);
  }
  return false;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}
