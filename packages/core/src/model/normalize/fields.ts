/**
 * Typed reads of raw fields. A field of the wrong type becomes an InvalidField diagnostic that
 * names its path (e.g. `spec.listeners[0].port`), and the reader returns what can be kept, so
 * the object still loads.
 */
import { parseCode, PARSE_CODES, type ParseCodeName } from '../../diagnostics/parse-codes.ts';
import type { Diagnostic, DiagnosticObject, Fix } from '../../diagnostics/types.ts';
import type { SourcePos } from '../types.ts';

export type Rec = Readonly<Record<string, unknown>>;

/** Where diagnostics of the object being normalized go. */
export interface FieldCtx {
  readonly object: DiagnosticObject;
  readonly source: SourcePos | undefined;
  /** Where a field is written, when the input text is known (pasted YAML). */
  readonly locate?: ((field: string) => SourcePos | undefined) | undefined;
  readonly diagnostics: Diagnostic[];
}

export function isRec(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports a problem at `field`; `fix` when there is one concrete change to propose. */
export function report(ctx: FieldCtx, name: ParseCodeName, field: string, message: string, fix?: Fix): void {
  const source = ctx.locate?.(field) ?? ctx.source;
  const where = source === undefined ? '' : `${source.file}:${source.line}:${source.column}: `;
  const { kind, namespace, name: objectName } = ctx.object;
  const who = namespace === '' ? `${kind} ${objectName}` : `${kind} ${namespace}/${objectName}`;
  ctx.diagnostics.push({
    code: parseCode(name),
    severity: PARSE_CODES[name].severity,
    object: ctx.object,
    field,
    message: `${where}${who}: ${field}: ${message}`,
    ...(fix !== undefined && { fix }),
    ...(source !== undefined && { source }),
  });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * YAML 1.1, as kubectl reads it, turns unquoted y/n, yes/no, on/off into booleans (the "Norway
 * problem"): say so when a string field got a boolean, since the text no longer shows it.
 */
const BOOLEAN_HINT = ' (kubectl reads unquoted y/n, yes/no, on/off, true/false as booleans: quote the value)';

function wrongType(ctx: FieldCtx, path: string, expected: string, value: unknown): void {
  const hint = typeof value === 'boolean' && expected === 'a string' ? BOOLEAN_HINT : '';
  report(ctx, 'InvalidField', path, `expected ${expected}, got ${typeName(value)}${hint}`);
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** An optional string. Numbers and booleans are reported and kept as their text. */
export function str(ctx: FieldCtx, obj: Rec, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  wrongType(ctx, join(path, key), 'a string', value);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** A required string: missing is a MissingField diagnostic and "" is returned. */
export function reqStr(ctx: FieldCtx, obj: Rec, key: string, path: string): string {
  const value = str(ctx, obj, key, path);
  if (value === undefined) {
    if (obj[key] === undefined || obj[key] === null)
      report(ctx, 'MissingField', join(path, key), 'is required');
    return '';
  }
  return value;
}

/** An optional integer. A digits-only string is reported and converted; anything else dropped. */
export function int(ctx: FieldCtx, obj: Rec, key: string, path: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  wrongType(ctx, join(path, key), 'an integer', value);
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function bool(ctx: FieldCtx, obj: Rec, key: string, path: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  wrongType(ctx, join(path, key), 'a boolean', value);
  return undefined;
}

/** An optional mapping; wrong types are reported and read as absent. */
export function rec(ctx: FieldCtx, obj: Rec, key: string, path: string): Rec | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (isRec(value)) return value;
  wrongType(ctx, join(path, key), 'a mapping', value);
  return undefined;
}

/** A list (absent: empty). Calls `each` with the item and its path; undefined results are dropped. */
export function list<T>(
  ctx: FieldCtx,
  obj: Rec,
  key: string,
  path: string,
  each: (item: unknown, itemPath: string, index: number) => T | undefined,
): T[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    wrongType(ctx, join(path, key), 'a list', value);
    return [];
  }
  const out: T[] = [];
  value.forEach((item: unknown, index) => {
    const result = each(item, join(join(path, key), index), index);
    if (result !== undefined) out.push(result);
  });
  return out;
}

/** A list of mappings: items that are not mappings are reported and skipped. */
export function recList<T>(
  ctx: FieldCtx,
  obj: Rec,
  key: string,
  path: string,
  each: (item: Rec, itemPath: string, index: number) => T | undefined,
): T[] {
  return list(ctx, obj, key, path, (item, itemPath, index) => {
    if (isRec(item)) return each(item, itemPath, index);
    wrongType(ctx, itemPath, 'a mapping', item);
    return undefined;
  });
}

export function strList(ctx: FieldCtx, obj: Rec, key: string, path: string): string[] {
  return list(ctx, obj, key, path, (item, itemPath) => {
    if (typeof item === 'string') return item;
    wrongType(ctx, itemPath, 'a string', item);
    return typeof item === 'number' || typeof item === 'boolean' ? String(item) : undefined;
  });
}

export function intList(ctx: FieldCtx, obj: Rec, key: string, path: string): number[] {
  return list(ctx, obj, key, path, (item, itemPath) => {
    if (typeof item === 'number' && Number.isInteger(item)) return item;
    wrongType(ctx, itemPath, 'an integer', item);
    return undefined;
  });
}

/** A string map (labels, annotations, TLS options). Non-string values are reported and stringified. */
export function strMap(ctx: FieldCtx, obj: Rec, key: string, path: string): Record<string, string> {
  const value = rec(ctx, obj, key, path);
  if (value === undefined) return {};
  const entries: [string, string][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') entries.push([k, v]);
    else if (v !== null && v !== undefined) {
      wrongType(ctx, join(join(path, key), k), 'a string', v);
      if (typeof v !== 'object') entries.push([k, String(v)]);
    }
  }
  // fromEntries defines own properties, so even a `__proto__` key stays plain data.
  return Object.fromEntries(entries);
}

/** One of the allowed values; anything else is reported and replaced by `fallback`. */
export function oneOf<T extends string>(
  ctx: FieldCtx,
  obj: Rec,
  key: string,
  path: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = str(ctx, obj, key, path);
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  report(ctx, 'InvalidField', join(path, key), `"${value}" is not one of ${allowed.join(', ')}`);
  return fallback;
}
