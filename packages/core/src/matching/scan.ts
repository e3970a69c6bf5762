/**
 * The scan of a small hostname bucket (http-index.ts), packed so that a request touches little
 * memory: at 10k routes every request reads another bucket, mostly out of cache, so a lookup
 * costs the cache lines it loads rather than its comparisons. One array holds, per entry in
 * precedence order, the path type, the length of the path (or prefix), its last character, the
 * text, the method and the entry. A path is compared only when its length and last character
 * agree with the request's; the entry and its match are read only for a regex path or a header
 * or query condition. The answer is the plain scan's: the first entry whose match holds.
 */
import { httpMatchHolds, httpRestHolds } from './http-match.ts';
import type { RequestView } from './request.ts';
import type { HttpEntry } from './tables.ts';

/**
 * The entries array first, then SLOTS values per entry (offsets below). Entries are referred to
 * by their index, not by a pointer of their own: the garbage collector then moves entries in the
 * same order as without this array, so the reference scan (which walks every entry) keeps its
 * memory layout and speed.
 */
export type PackedScan = readonly (number | string | readonly HttpEntry[] | null)[];

const SLOTS = 6;
/** Offsets in an entry's slots. */
const CODE = 0; // path kind | HAS_REST
const LEN = 1; // length of TEXT
const LAST = 2; // last char code of TEXT, -1 when empty
const TEXT = 3; // the Exact path or the PathPrefix prefix ("" for a regex)
const METHOD = 4; // the method condition, null when none
const ENTRY = 5; // index in the entries array

const EXACT = 0;
const PREFIX = 1;
const REGEX = 2;
const KIND = 3;
/** The match has a header or query condition. */
const HAS_REST = 4;
const SLASH = 0x2f;

/**
 * Method names as literals: the same string object as a request's method written in code, so
 * the comparison often ends at the pointer (any other spelling still compares by content).
 */
const METHODS = new Map(
  ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'].map((m) => [m, m]),
);

/** `entries` in precedence order. */
export function packScan(entries: readonly HttpEntry[]): PackedScan {
  const out: (number | string | readonly HttpEntry[] | null)[] = [entries];
  for (const [index, e] of entries.entries()) {
    const m = e.match;
    const kind = m.pathType === 'Exact' ? EXACT : m.pathType === 'PathPrefix' ? PREFIX : REGEX;
    const text = kind === EXACT ? m.pathValue : kind === PREFIX ? m.prefix : '';
    const rest = m.headers.length > 0 || m.query.length > 0 ? HAS_REST : 0;
    const last = text.length > 0 ? text.charCodeAt(text.length - 1) : -1;
    const method = m.method === undefined ? null : (METHODS.get(m.method) ?? m.method);
    out.push(kind | rest, text.length, last, text, method, index);
  }
  return out;
}

/** The first entry whose match holds for the request, or null. */
export function scanPacked(scan: PackedScan, req: RequestView): HttpEntry | null {
  const path = req.path;
  for (let i = 1; i < scan.length; i += SLOTS) {
    const code = scan[i + CODE] as number;
    if ((code & KIND) === REGEX) {
      const e = entryAt(scan, i);
      if (httpMatchHolds(e.match, req)) return e;
      continue;
    }
    const len = scan[i + LEN] as number;
    if (!lengthsAgree(code & KIND, len, scan[i + LAST] as number, path)) continue;
    if (len > 0 && !path.startsWith(scan[i + TEXT] as string)) continue;
    const method = scan[i + METHOD] as string | null;
    if (method !== null && method !== req.method) continue;
    const e = entryAt(scan, i);
    if ((code & HAS_REST) === 0 || httpRestHolds(e.match, req)) return e;
  }
  return null;
}

function entryAt(scan: PackedScan, i: number): HttpEntry {
  return (scan[0] as readonly HttpEntry[])[scan[i + ENTRY] as number] as HttpEntry;
}

/**
 * pathMatches (http-match.ts) for Exact and PathPrefix, up to comparing the text: Exact is the
 * whole path; a prefix is the path itself or continues with a `/` ("" matches every path).
 */
function lengthsAgree(kind: number, len: number, last: number, path: string): boolean {
  if (kind === EXACT) return path.length === len && path.charCodeAt(len - 1) === last;
  if (len === 0) return true;
  if (path.length < len || path.charCodeAt(len - 1) !== last) return false;
  return path.length === len || path.charCodeAt(len) === SLASH;
}
