/**
 * Stage 1: text → raw objects with positions. Multi-document YAML (1.1, as kubectl reads it),
 * JSON, and `kind: List` / `*List` wrappers (kubectl get -o yaml). Problems become diagnostics;
 * a broken document never takes its neighbours down with it.
 */
import { parseAllDocuments, isMap, isSeq, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/types.ts';
import type { SourcePos } from '../model/types.ts';
import { LineIndex, splitDocuments } from './chunks.ts';
import { MAX_NESTING, nestingExceeds } from './depth.ts';
import { parseDiagnostic, partialObject } from './source.ts';
import type { ManifestFile, ParseResult, RawDocument } from './types.ts';
import { JSON_OPTIONS, TO_JS_OPTIONS, YAML_11_OPTIONS } from './yaml-options.ts';

const BOM = '\uFEFF';

export function parseManifests(files: readonly ManifestFile[]): ParseResult {
  const docs: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) parseFile(file, docs, diagnostics);
  return { docs, diagnostics };
}

/** JSON when the name says so or the text opens like JSON (kubectl -o json output). */
export function looksLikeJson(name: string, text: string): boolean {
  if (name.toLowerCase().endsWith('.json')) return true;
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

interface FileState {
  readonly file: string;
  readonly lines: LineIndex;
  /** Offset of the chunk being parsed: node and error offsets are relative to it. */
  base: number;
  readonly docs: RawDocument[];
  readonly diagnostics: Diagnostic[];
}

function parseFile(file: ManifestFile, docs: RawDocument[], diagnostics: Diagnostic[]): void {
  // A byte-order mark is not a column: drop it so positions match what editors show.
  const text = file.text.startsWith(BOM) ? file.text.slice(1) : file.text;
  const state: FileState = { file: file.name, lines: new LineIndex(text), base: 0, docs, diagnostics };
  const json = looksLikeJson(file.name, text);
  const chunks = json ? [{ start: 0, text }] : splitDocuments(text);
  for (const chunk of chunks) {
    state.base = chunk.start;
    parseChunk(state, chunk.text, json);
  }
}

function parseChunk(state: FileState, text: string, json: boolean): void {
  if (nestingExceeds(text)) {
    const message = `input rejected: nested deeper than ${MAX_NESTING} levels`;
    state.diagnostics.push(parseDiagnostic('InputLimit', posAt(state, 0), message));
    return;
  }
  let parsed: Document.Parsed[];
  try {
    const result = parseAllDocuments(text, json ? JSON_OPTIONS : YAML_11_OPTIONS);
    parsed = Array.isArray(result) ? result : [];
  } catch (error) {
    // Only resource exhaustion gets here (e.g. nesting deep enough to overflow the stack).
    state.diagnostics.push(limitDiagnostic(state, 0, error));
    return;
  }
  for (const doc of parsed) readDocument(state, doc);
}

/** Position of an offset within the current chunk. */
function posAt(state: FileState, offset: number): SourcePos {
  const { line, column } = state.lines.position(state.base + offset);
  return { file: state.file, line, column };
}

function limitDiagnostic(state: FileState, offset: number, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return parseDiagnostic('InputLimit', posAt(state, offset), `input rejected: ${detail}`);
}

function readDocument(state: FileState, doc: Document.Parsed): void {
  for (const error of doc.errors) {
    state.diagnostics.push(parseDiagnostic('YamlSyntax', posAt(state, error.pos[0]), error.message));
  }
  for (const warning of doc.warnings) {
    state.diagnostics.push(parseDiagnostic('YamlWarning', posAt(state, warning.pos[0]), warning.message));
  }
  // kubectl refuses the whole document on a syntax error; so do we (its neighbours still load).
  if (doc.errors.length > 0 || doc.contents === null) return;
  let value: unknown;
  try {
    value = doc.toJS(TO_JS_OPTIONS);
  } catch (error) {
    state.diagnostics.push(limitDiagnostic(state, doc.contents.range[0], error));
    return;
  }
  if (value === null || value === undefined) return; // an empty document, e.g. `--- # comment`
  readValue(state, value, doc.contents, 'document');
}

function readValue(state: FileState, value: unknown, node: Node, what: string): void {
  const source = posAt(state, node.range?.[0] ?? 0);
  if (Array.isArray(value)) {
    // A bare JSON/YAML array of objects: read it like a List.
    readItems(state, value, isSeq(node) ? node : undefined, source);
    return;
  }
  if (!isRecord(value)) {
    const shown = typeof value === 'string' ? `"${truncate(value)}"` : String(value);
    state.diagnostics.push(
      parseDiagnostic(
        'NotAnObject',
        source,
        `${what} is not a mapping (got ${shown}): expected a Kubernetes object`,
      ),
    );
    return;
  }
  if (isList(value)) {
    const itemsNode = isMap(node) ? node.get('items', true) : undefined;
    readItems(state, value['items'], isSeq(itemsNode) ? itemsNode : undefined, source);
    return;
  }
  if (validObject(state, value, source)) {
    state.docs.push({ object: value, source, order: state.docs.length });
  }
}

function readItems(state: FileState, items: unknown, seq: Node | undefined, listPos: SourcePos): void {
  if (items === null || items === undefined) return; // `items: null` is an empty List
  if (!Array.isArray(items)) {
    state.diagnostics.push(parseDiagnostic('NotAnObject', listPos, 'List "items" is not a sequence'));
    return;
  }
  items.forEach((item: unknown, index) => {
    const itemNode = isSeq(seq) ? seq.items[index] : undefined;
    const node = isNodeLike(itemNode) ? itemNode : (seq ?? undefined);
    if (node === undefined) {
      readDetached(state, item, listPos, `List item ${index}`);
    } else {
      readValue(state, item, node, `List item ${index}`);
    }
  });
}

/** An item without its own node (should not happen; keeps the List's position). */
function readDetached(state: FileState, value: unknown, pos: SourcePos, what: string): void {
  if (isRecord(value) && validObject(state, value, pos)) {
    state.docs.push({ object: value, source: pos, order: state.docs.length });
  } else if (!isRecord(value)) {
    state.diagnostics.push(parseDiagnostic('NotAnObject', pos, `${what} is not a mapping`));
  }
}

/** `kind: List` and the typed lists kubectl prints (`HTTPRouteList`, ...) wrap `items`. */
function isList(value: Record<string, unknown>): boolean {
  const kind = value['kind'];
  return typeof kind === 'string' && kind.endsWith('List') && 'items' in value && !hasName(value);
}

function hasName(value: Record<string, unknown>): boolean {
  const meta = value['metadata'];
  return isRecord(meta) && typeof meta['name'] === 'string' && meta['name'] !== '';
}

function validObject(state: FileState, value: Record<string, unknown>, source: SourcePos): boolean {
  const object = partialObject(value, state.file);
  const apiVersion = value['apiVersion'];
  const kind = value['kind'];
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
    const missing = [
      typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion' : '',
      typeof kind !== 'string' || kind === '' ? 'kind' : '',
    ].filter((s) => s !== '');
    const message = `object has no valid ${missing.join(' or ')}: not a Kubernetes object, skipped`;
    state.diagnostics.push(parseDiagnostic('MissingTypeMeta', source, message, object));
    return false;
  }
  if (!hasName(value)) {
    const message = `${kind} has no metadata.name${generateNameHint(value)}: it cannot be identified, skipped`;
    state.diagnostics.push(parseDiagnostic('MissingName', source, message, object));
    return false;
  }
  return true;
}

function generateNameHint(value: Record<string, unknown>): string {
  const meta = value['metadata'];
  return isRecord(meta) && typeof meta['generateName'] === 'string'
    ? ' (generateName is only resolved by the API server)'
    : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
