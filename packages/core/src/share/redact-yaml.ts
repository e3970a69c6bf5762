/**
 * Redaction of sandbox text. Documents the allowlist leaves untouched keep their exact text
 * (comments included); a document that loses fields is re-serialized from its redacted value.
 * A document that does not parse cannot be checked field by field: it is kept verbatim unless
 * it might be a Secret, which is then left out (and reported).
 */
import { Document, parseAllDocuments } from 'yaml';
import { TO_JS_OPTIONS, YAML_11_OPTIONS } from '../manifest/yaml-options.ts';
import { isJsonObject, Redactor, type RedactionReport } from './redact.ts';
import type { RedactionOptions } from './types.ts';

export function redactYaml(
  text: string,
  options: RedactionOptions,
): { readonly yaml: string; readonly report: RedactionReport } {
  const redactor = new Redactor(options);
  const extraNotes: { object: string; removed: string }[] = [];
  const parts: string[] = [];
  let changed = false;
  const docs = parseAllDocuments(text, YAML_11_OPTIONS);
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    const original = sourceOf(text, doc.range);
    if (doc.errors.length > 0) {
      if (/\bSecret\b/.test(original)) {
        changed = true;
        extraNotes.push({
          object: `document ${index + 1}`,
          removed: 'whole document (YAML error, may be a Secret)',
        });
      } else {
        parts.push(original);
      }
      return;
    }
    const value: unknown = doc.toJS(TO_JS_OPTIONS);
    if (!isJsonObject(value)) {
      if (value !== null && value !== undefined) parts.push(original);
      return;
    }
    const redacted = redactor.object(value);
    if (JSON.stringify(redacted) === JSON.stringify(value)) {
      parts.push(original);
      return;
    }
    changed = true;
    const rebuilt = new Document(redacted);
    rebuilt.commentBefore = doc.commentBefore;
    parts.push(rebuilt.toString({ lineWidth: 0 }));
  });
  const base = redactor.report();
  const report: RedactionReport = { ...base, notes: [...base.notes, ...extraNotes] };
  if (!changed) return { yaml: text, report };
  return { yaml: parts.map((p) => p.replace(/\n*$/, '\n')).join('---\n'), report };
}

function sourceOf(text: string, range: readonly [number, number, number] | undefined): string {
  if (range === undefined) return '';
  return text.slice(range[0], range[2]);
}
