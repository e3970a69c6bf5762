/**
 * The scan of a small hostname bucket (http-index.ts), packed so that a request touches little
 * memory: at 10k routes every request reads another bucket, so the cost of a lookup is the
 * cache lines it loads, not the comparisons. Per entry, in precedence order, one number array
 * holds the path type, the length of the path (or prefix) and its last character; a path is
 * compared (and the entry and its match read) only when those agree with the request's.
 * The answer is that of the plain scan: the first entry whose match holds (httpMatchHolds).
 */
import { httpMatchHolds, httpRestHolds } from './http-match.ts';
import type { RequestView } from './request.ts';
import type { HttpEntry } from './tables.ts';

export interface PackedScan {
  /** Per entry: FIELDS numbers (kind | REST, path length, last char code or -1). */
  readonly codes: readonly number[];
  /** Per entry: the Exact path or the PathPrefix prefix ("" for a regex). */
  readonly texts: readonly string[];
  readonly entries: readonly HttpEntry[];
}

const FIELDS = 3;
const EXACT = 0;
const PREFIX = 1;
const REGEX = 2;
const KIND = 3;
/** The match has a method, header or query condition besides its path. */
const REST = 4;
const SLASH = 0x2f;

/** `entries` in precedence order. */
export function packScan(entries: readonly HttpEntry[]): PackedScan {
  const codes: number[] = [];
  const texts: string[] = [];
  for (const { match: m } of entries) {
    const kind = m.pathType === 'Exact' ? EXACT : m.pathType === 'PathPrefix' ? PREFIX : REGEX;
    const text = kind === EXACT ? m.pathValue : kind === PREFIX ? m.prefix : '';
    const rest = m.method !== undefined || m.headers.length > 0 || m.query.length > 0;
    codes.push(
      kind | (rest ? REST : 0),
      text.length,
      text.length > 0 ? text.charCodeAt(text.length - 1) : -1,
    );
    texts.push(text);
  }
  return { codes, texts, entries };
}

/** The first entry whose match holds for the request, or null. */
export function scanPacked(scan: PackedScan, req: RequestView): HttpEntry | null {
  const { codes } = scan;
  const path = req.path;
  const n = scan.entries.length;
  for (let i = 0; i < n; i++) {
    const code = codes[i * FIELDS] ?? REGEX;
    if ((code & KIND) === REGEX) {
      const e = scan.entries[i];
      if (e !== undefined && httpMatchHolds(e.match, req)) return e;
      continue;
    }
    const len = codes[i * FIELDS + 1] ?? 0;
    const last = codes[i * FIELDS + 2] ?? -1;
    if (!pathHolds(code & KIND, len, last, scan.texts[i] ?? '', path)) continue;
    const e = scan.entries[i];
    if (e !== undefined && ((code & REST) === 0 || httpRestHolds(e.match, req))) return e;
  }
  return null;
}

/**
 * pathMatches (http-match.ts) for Exact and PathPrefix, deciding by length and last character
 * before reading the text: Exact is the whole path; a prefix is the path itself or continues
 * with a `/` ("" matches every path).
 */
function pathHolds(kind: number, len: number, last: number, text: string, path: string): boolean {
  if (kind === EXACT) return path.length === len && path.charCodeAt(len - 1) === last && path === text;
  if (len === 0) return true;
  if (path.length < len || path.charCodeAt(len - 1) !== last) return false;
  return (path.length === len || path.charCodeAt(len) === SLASH) && path.startsWith(text);
}
