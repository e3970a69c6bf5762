/**
 * Stage 1: text → raw objects with positions. Multi-document YAML (read as kubectl reads it, see
 * kubectl-schema.ts), JSON, and `kind: List` / `*List` wrappers (kubectl get -o yaml). Problems
 * become diagnostics; a broken document never takes its neighbours down with it.
 *
 * js-yaml's event parser is used for speed (about a tenth of the `yaml` package's CPU time on a
 * 5 MB bundle: ~0.3 s against ~3.4 s) and gives source offsets; JSON takes the JSON.parse path.
 */
import { constructFromEvents, parseEvents, YAMLException, type Event } from 'js-yaml';
import type { Diagnostic } from '../diagnostics/types.ts';
import type { SourcePos } from '../model/types.ts';
import { LineIndex, splitDocuments } from './chunks.ts';
import { exceedsExpansion } from './expansion.ts';
import { attachLocator, TextLocator } from './locate.ts';
import { KUBECTL_SCHEMA } from './kubectl-schema.ts';
import { eventPositions, jsonPositions, type DocPositions } from './positions.ts';
import { parseDiagnostic, partialObject } from './source.ts';
import type { ManifestFile, ParseResult, RawDocument } from './types.ts';

const BOM = '\uFEFF';
/** Deeper than any real manifest (CRD schemas included); bounds the parser's recursion. */
export const MAX_NESTING = 200;

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
  /** Offset of the chunk being read: event and error offsets are relative to it. */
  base: number;
  /** Finds field positions in the chunk being read, when a diagnostic asks. */
  locator: TextLocator | undefined;
  readonly docs: RawDocument[];
  readonly diagnostics: Diagnostic[];
}

function parseFile(file: ManifestFile, docs: RawDocument[], diagnostics: Diagnostic[]): void {
  // A byte-order mark is not a column: drop it so positions match what editors show.
  const text = file.text.startsWith(BOM) ? file.text.slice(1) : file.text;
  const lines = new LineIndex(text);
  const state: FileState = { file: file.name, lines, base: 0, locator: undefined, docs, diagnostics };
  if (looksLikeJson(file.name, text) && readJson(state, text)) return;
  // kubectl reads JSON that JSON.parse refuses as YAML too (YAML is a superset); so do we.
  // Valid input parses in one pass; on an error, each document is parsed on its own so that
  // the error costs only its own document.
  if (parseChunk(state, text, false)) return;
  for (const chunk of splitDocuments(text)) {
    state.base = chunk.start;
    parseChunk(state, chunk.text, true);
  }
}

/** The fast path; false when the text is not strict JSON (then it is read as YAML). */
function readJson(state: FileState, text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  const positions = jsonPositions(text, MAX_NESTING);
  state.locator = locatorFor(state, text);
  if (positions.tooDeepAt !== undefined) {
    const message = `input rejected: nested deeper than ${MAX_NESTING} levels`;
    state.diagnostics.push(parseDiagnostic('InputLimit', posAt(state, positions.tooDeepAt), message));
    return true;
  }
  readValue(state, value, positions, 'document');
  return true;
}

/** Reads the documents of `text`; false (nothing read) when it fails and `report` is off. */
function parseChunk(state: FileState, text: string, report: boolean): boolean {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { maxDepth: MAX_NESTING });
    values = constructFromEvents(events, { source: text, schema: KUBECTL_SCHEMA });
  } catch (error) {
    if (report) state.diagnostics.push(errorDiagnostic(state, text, error));
    return false;
  }
  const positions = eventPositions(events, text);
  state.locator = locatorFor(state, text);
  values.forEach((value, index) => {
    const pos = positions[index];
    if (value === null || value === undefined || pos === undefined) return; // empty document
    if (pos.aliases && exceedsExpansion(value, pos.events)) {
      const message = 'input rejected: aliases expand to far more data than was written (alias bomb)';
      state.diagnostics.push(parseDiagnostic('InputLimit', posAt(state, pos.start), message));
      return;
    }
    readValue(state, value, pos, 'document');
  });
  return true;
}

function locatorFor(state: FileState, text: string): TextLocator {
  const base = state.base;
  return new TextLocator(text, (offset) => {
    const { line, column } = state.lines.position(base + offset);
    return { file: state.file, line, column };
  });
}

function errorDiagnostic(state: FileState, text: string, error: unknown): Diagnostic {
  if (error instanceof YAMLException) {
    const reason = error.reason;
    const limit = /maxDepth|maxAliases|merge keys/i.test(reason);
    // "End of input" errors (an unclosed quote) point at the last character written, not past it.
    const offset = Math.min(error.mark?.position ?? 0, text.trimEnd().length - 1);
    return parseDiagnostic(limit ? 'InputLimit' : 'YamlSyntax', posAt(state, offset), reason);
  }
  // Not a syntax error: resource exhaustion (e.g. the stack) while reading hostile input.
  const detail = error instanceof Error ? error.message : String(error);
  return parseDiagnostic('InputLimit', posAt(state, 0), `input rejected: ${detail}`);
}

function posAt(state: FileState, offset: number): SourcePos {
  const { line, column } = state.lines.position(state.base + Math.max(0, offset));
  return { file: state.file, line, column };
}

function readValue(state: FileState, value: unknown, pos: DocPositions, what: string): void {
  const source = posAt(state, pos.start);
  if (Array.isArray(value)) {
    // A bare JSON/YAML array of objects: read it like a List.
    readItems(state, value, pos, source);
    return;
  }
  if (!isRecord(value)) {
    const shown = typeof value === 'string' ? `"${truncate(value)}"` : String(value);
    const message = `${what} is not a mapping (got ${shown}): expected a Kubernetes object`;
    state.diagnostics.push(parseDiagnostic('NotAnObject', source, message));
    return;
  }
  if (isList(value)) {
    readItems(state, value['items'], pos, source, itemTypeMeta(value));
    return;
  }
  if (validObject(state, value, source)) {
    state.docs.push({ object: value, source, order: state.docs.length });
    if (state.locator !== undefined) attachLocator(value, state.locator.forObject(pos.start));
  }
}

interface TypeMeta {
  readonly apiVersion: unknown;
  readonly kind: string;
}

/**
 * Items of a typed list straight from the API (`kubectl get --raw`, client libraries) carry no
 * apiVersion/kind: the list's own say what they are (`HTTPRouteList` holds HTTPRoutes).
 */
function itemTypeMeta(list: Record<string, unknown>): TypeMeta | undefined {
  const kind = String(list['kind']);
  return kind === 'List'
    ? undefined
    : { apiVersion: list['apiVersion'], kind: kind.slice(0, -'List'.length) };
}

function withTypeMeta(item: unknown, typeMeta: TypeMeta | undefined): unknown {
  if (typeMeta === undefined || !isRecord(item) || ('apiVersion' in item && 'kind' in item)) return item;
  return { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, ...item };
}

function readItems(
  state: FileState,
  items: unknown,
  pos: DocPositions,
  listPos: SourcePos,
  typeMeta?: TypeMeta,
): void {
  if (items === null || items === undefined) return; // `items: null` is an empty List
  if (!Array.isArray(items)) {
    state.diagnostics.push(parseDiagnostic('NotAnObject', listPos, 'List "items" is not a sequence'));
    return;
  }
  items.forEach((item: unknown, index) => {
    const itemPos: DocPositions = {
      start: pos.items[index] ?? pos.start,
      items: [],
      aliases: false,
      events: 0,
    };
    if (Array.isArray(item)) {
      const message = `List item ${index} is not a mapping (got a list): expected a Kubernetes object`;
      state.diagnostics.push(parseDiagnostic('NotAnObject', posAt(state, itemPos.start), message));
    } else {
      readValue(state, withTypeMeta(item, typeMeta), itemPos, `List item ${index}`);
    }
  });
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
  const missing = ['apiVersion', 'kind'].filter(
    (field) => typeof value[field] !== 'string' || value[field] === '',
  );
  if (missing.length > 0) {
    const message = `object has no valid ${missing.join(' or ')}: not a Kubernetes object, skipped`;
    state.diagnostics.push(parseDiagnostic('MissingTypeMeta', source, message, object));
    return false;
  }
  if (!hasName(value)) {
    const kind = String(value['kind']);
    const message = `${kind} has no metadata.name${nameHint(value)}: it cannot be identified, skipped`;
    state.diagnostics.push(parseDiagnostic('MissingName', source, message, object));
    return false;
  }
  return true;
}

function nameHint(value: Record<string, unknown>): string {
  const meta = value['metadata'];
  if (!isRecord(meta)) return '';
  const name = meta['name'];
  if (typeof name === 'boolean') {
    return ` (name is the boolean ${name}: kubectl reads unquoted y/n, yes/no, on/off as booleans, quote it)`;
  }
  if (typeof name === 'number') return ` (name is the number ${name}: quote it)`;
  return typeof meta['generateName'] === 'string' ? ' (generateName is only resolved by the API server)' : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
