/**
 * Where in the sandbox text a diagnostic's field is ("spec.rules[0].backendRefs[1]" → its line),
 * so inline problems sit on the offending line rather than at the top of the object. Only the
 * documents that have diagnostics are parsed, and only for texts of a sandbox-like size.
 */
import { isNode, parseDocument } from 'yaml';

const MAX_TEXT = 512 * 1024;

/** "spec.rules[0].backendRefs[1]" → ["spec", "rules", 0, "backendRefs", 1]. */
export function fieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (match === null) return out;
    if (match[1] !== '') out.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

export class FieldLocator {
  readonly #lines: string[];
  readonly #cache = new Map<number, ReturnType<typeof parseDocument> | null>();
  readonly #enabled: boolean;

  constructor(text: string) {
    this.#enabled = text.length <= MAX_TEXT;
    this.#lines = this.#enabled ? text.split('\n') : [];
  }

  /** 1-based line of `field` in the document starting at `docLine`, or docLine when unknown. */
  line(docLine: number, field: string | undefined): number {
    if (!this.#enabled || field === undefined || field === '') return docLine;
    const doc = this.#document(docLine);
    if (doc === null) return docLine;
    const path = fieldPath(field);
    // The deepest part of the path that exists: a missing leaf points at its parent.
    for (let n = path.length; n > 0; n--) {
      const node: unknown = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range !== undefined && node.range !== null) {
        return docLine + lineOf(this.#slice(docLine), node.range[0]);
      }
    }
    return docLine;
  }

  #slice(docLine: number): string {
    const start = docLine - 1;
    let end = start + 1;
    while (end < this.#lines.length && !/^---(\s|$)/.test(this.#lines[end]!)) end++;
    return this.#lines.slice(start, end).join('\n');
  }

  #document(docLine: number): ReturnType<typeof parseDocument> | null {
    if (!this.#cache.has(docLine)) {
      const doc = parseDocument(this.#slice(docLine), { version: '1.1', prettyErrors: false });
      this.#cache.set(docLine, doc.errors.length > 0 ? null : doc);
    }
    return this.#cache.get(docLine) ?? null;
  }
}

/** Lines before `offset` in `text` (0 for the first line). */
function lineOf(text: string, offset: number): number {
  let lines = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}
