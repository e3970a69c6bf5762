/**
 * One `HTTPRouteMatch`, compiled: path, headers, query params and method are ANDed (spec:
 * HTTPRouteMatch doc in apis/v1/httproute_types.go). Evaluation returns why it failed so that
 * `explain` can say which condition lost and what would have matched.
 */
import type { HTTPRouteMatch, HeaderMatch } from '../model/types.ts';
import { compileRegex } from './regex.ts';
import type { CompiledRegex } from './regex.ts';
import type { RequestView } from './request.ts';

export type PathType = 'Exact' | 'PathPrefix' | 'RegularExpression';

export interface CompiledValueMatch {
  readonly type: 'Exact' | 'RegularExpression';
  /** Lower-case for headers (case-insensitive names), exact for query params. */
  readonly name: string;
  readonly value: string;
  readonly regex?: CompiledRegex;
}

export interface CompiledHttpMatch {
  readonly pathType: PathType;
  /** The path value as written (its length counts for precedence). */
  readonly pathValue: string;
  /** PathPrefix with trailing `/` removed ("" for the root prefix, which matches everything). */
  readonly prefix: string;
  readonly pathRegex?: CompiledRegex;
  readonly method?: string;
  readonly headers: readonly CompiledValueMatch[];
  readonly query: readonly CompiledValueMatch[];
}

export type MatchFailure =
  | { readonly on: 'path'; readonly want: string }
  | { readonly on: 'method'; readonly want: string; readonly got: string }
  | { readonly on: 'header'; readonly name: string; readonly want: string; readonly got: string | undefined }
  | { readonly on: 'query'; readonly name: string; readonly want: string; readonly got: string | undefined };

export function compileHttpMatch(match: HTTPRouteMatch): CompiledHttpMatch {
  const { type, value } = match.path;
  return {
    pathType: type,
    pathValue: value,
    prefix: type === 'PathPrefix' ? value.replace(/\/+$/, '') : value,
    ...(type === 'RegularExpression' ? { pathRegex: compileRegex(value) } : {}),
    ...(match.method !== undefined ? { method: match.method } : {}),
    headers: compileValueMatches(match.headers, true),
    query: compileValueMatches(match.queryParams, false),
  };
}

/**
 * Spec (HTTPHeaderMatch / HTTPQueryParamMatch): "If multiple entries specify equivalent header
 * names, only the first entry with an equivalent name MUST be considered" — header names compare
 * case-insensitively, query param names exactly.
 */
function compileValueMatches(list: readonly HeaderMatch[], foldCase: boolean): CompiledValueMatch[] {
  const seen = new Set<string>();
  const out: CompiledValueMatch[] = [];
  for (const m of list) {
    const name = foldCase ? m.name.toLowerCase() : m.name;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({
      type: m.type,
      name,
      value: m.value,
      ...(m.type === 'RegularExpression' ? { regex: compileRegex(m.value) } : {}),
    });
  }
  return out;
}

/**
 * Spec (PathMatchType): Exact is case-sensitive and whole-path; PathPrefix is case-sensitive and
 * element-wise on `/`-separated segments, a trailing `/` in the prefix is ignored (`/abc` matches
 * `/abc`, `/abc/`, `/abc/def`, not `/abcd`).
 */
const SLASH = 0x2f;

export function pathMatches(m: CompiledHttpMatch, path: string): boolean {
  switch (m.pathType) {
    case 'Exact':
      return path === m.pathValue;
    case 'PathPrefix':
      // `path` is the prefix itself or continues it with a `/` (no string built per request).
      return (
        m.prefix === '' ||
        (path.startsWith(m.prefix) &&
          (path.length === m.prefix.length || path.charCodeAt(m.prefix.length) === SLASH))
      );
    case 'RegularExpression':
      return m.pathRegex?.ok === true && m.pathRegex.test(path);
  }
}

function valueMatches(m: CompiledValueMatch, got: string | undefined): boolean {
  if (got === undefined) return false;
  if (m.type === 'Exact') return got === m.value;
  return m.regex?.ok === true && m.regex.test(got);
}

/** True when every condition holds; stops at the first failure. */
export function httpMatchHolds(m: CompiledHttpMatch, req: RequestView): boolean {
  if (!pathMatches(m, req.path)) return false;
  if (m.method !== undefined && m.method !== req.method) return false;
  for (const h of m.headers) if (!valueMatches(h, req.headers.get(h.name))) return false;
  for (const q of m.query) if (!valueMatches(q, req.query.get(q.name))) return false;
  return true;
}

/** Method, headers and query params hold (everything but the path). */
export function httpRestHolds(m: CompiledHttpMatch, req: RequestView): boolean {
  if (m.method !== undefined && m.method !== req.method) return false;
  for (const h of m.headers) if (!valueMatches(h, req.headers.get(h.name))) return false;
  for (const q of m.query) if (!valueMatches(q, req.query.get(q.name))) return false;
  return true;
}

/** Every failed condition, for explanations and near misses. Empty when the match holds. */
export function httpMatchFailures(m: CompiledHttpMatch, req: RequestView): MatchFailure[] {
  const out: MatchFailure[] = [];
  if (!pathMatches(m, req.path)) out.push({ on: 'path', want: describePath(m) });
  if (m.method !== undefined && m.method !== req.method) {
    out.push({ on: 'method', want: m.method, got: req.method });
  }
  for (const h of m.headers) {
    const got = req.headers.get(h.name);
    if (!valueMatches(h, got)) out.push({ on: 'header', name: h.name, want: describeValue(h), got });
  }
  for (const q of m.query) {
    const got = req.query.get(q.name);
    if (!valueMatches(q, got)) out.push({ on: 'query', name: q.name, want: describeValue(q), got });
  }
  return out;
}

export function describePath(m: CompiledHttpMatch): string {
  return `${m.pathType} ${m.pathValue}`;
}

function describeValue(m: CompiledValueMatch): string {
  return m.type === 'Exact' ? m.value : `~/${m.value}/`;
}

export function describeFailure(f: MatchFailure): string {
  switch (f.on) {
    case 'path':
      return `path is not ${f.want}`;
    case 'method':
      return `method ${f.got} is not ${f.want}`;
    case 'header':
      return f.got === undefined
        ? `header ${f.name} is absent (wants ${f.want})`
        : `header ${f.name} is "${f.got}", not ${f.want}`;
    case 'query':
      return f.got === undefined
        ? `query param ${f.name} is absent (wants ${f.want})`
        : `query param ${f.name} is "${f.got}", not ${f.want}`;
  }
}

/** The change that would make a failed condition hold, phrased for "would match ... if ___". */
export function describeFix(f: MatchFailure): string {
  const like = (want: string): string => (want.startsWith('~/') ? `matched ${want}` : `were ${want}`);
  switch (f.on) {
    case 'path':
      return `the path matched ${f.want}`;
    case 'method':
      return `the method were ${f.want}`;
    case 'header':
      return `the header ${f.name} ${like(f.want)}`;
    case 'query':
      return `the query param ${f.name} ${like(f.want)}`;
  }
}

/** Regex problems of a compiled match (for diagnostics), as `[where, error]` pairs. */
export function regexErrors(m: CompiledHttpMatch): [string, string][] {
  const out: [string, string][] = [];
  if (m.pathRegex && !m.pathRegex.ok) out.push(['path', m.pathRegex.error]);
  for (const h of m.headers) if (h.regex && !h.regex.ok) out.push([`header ${h.name}`, h.regex.error]);
  for (const q of m.query) if (q.regex && !q.regex.ok) out.push([`query ${q.name}`, q.regex.error]);
  return out;
}
