/**
 * The per-hostname-bucket index of HTTP matches: an exact-path map, the regex list and a prefix
 * trie by path segments; each node keeps its entries in precedence order with a secondary index
 * by the first Exact header (name, value) so that thousands of header-only-discriminated rules
 * on one path do not turn into a scan.
 *
 * Why the lookup order is correct: inside one hostname bucket, precedence is path class first
 * (Exact, then RegularExpression, then PathPrefix), and a deeper trie node always holds longer
 * prefixes than a shallower one, so the first node, walked in that order, that has a matching
 * entry holds the winner. Precedence counts the characters of the value as written (criterion 2)
 * while the trie files a PathPrefix under its value without trailing slashes: a deeper node adds
 * at least "/x" (two characters) to the stripped prefix, so the order holds as long as a value
 * ends in at most one "/". A value ending in more ("/a//", "///": the CRD rejects them, but a
 * file or the sandbox may carry them) can outrank deeper entries: such entries
 * are kept out of the trie in `loose` and weighed against the trie's winner (the packed scan of
 * small buckets needs no such care: it walks every entry in precedence order).
 */
import { httpMatchHolds } from './http-match.ts';
import { packScan, scanPacked } from './scan.ts';
import type { PackedScan } from './scan.ts';
import { compileRegexSet } from './regex.ts';
import { compareHttpStatic } from './precedence.ts';
import type { HttpEntry } from './tables.ts';
import type { RequestView } from './request.ts';

interface Ranked {
  readonly entry: HttpEntry;
  readonly rank: number;
}

/** Entries of one path (or one trie node), in precedence order. */
export interface NodeIndex {
  readonly sorted: readonly Ranked[];
  /** Lower-case name → value of the first Exact header → entries (in order). */
  readonly byHeader: ReadonlyMap<string, ReadonlyMap<string, readonly Ranked[]>> | null;
  /** Entries without an Exact header (when byHeader is used). */
  readonly rest: readonly Ranked[];
  /** For a large regex node: which path patterns match, in one pass (RE2Set). */
  readonly pathPatterns?: (path: string) => ReadonlySet<string>;
}

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  entries: HttpEntry[];
  index: NodeIndex | null;
}

export interface HttpIndex {
  readonly exact: ReadonlyMap<string, NodeIndex>;
  readonly regex: NodeIndex | null;
  readonly trie: TrieNode;
  /** PathPrefix entries whose value ends in two or more "/" (see the header), null when none. */
  readonly loose: NodeIndex | null;
  /**
   * A small bucket is not indexed: its entries in precedence order, scanned. The first entry that
   * holds is the winner (the reference scan's rule within one hostname), and a short scan touches
   * less memory than the exact map, the trie's maps and their nodes.
   */
  readonly scan: readonly HttpEntry[] | null;
  /** With `scan`: the same entries packed for the request's scan (scan.ts). */
  readonly packed: PackedScan | null;
}

/** Up to this many entries a bucket is scanned rather than indexed. */
const SCAN_THRESHOLD = 16;

/** Below this many entries a node is scanned in order; above it the header index pays off. */
const HEADER_INDEX_THRESHOLD = 8;

/** `scanUpTo`: the largest bucket that is scanned instead of indexed (tests set it to 0). */
export function buildHttpIndex(entries: readonly HttpEntry[], scanUpTo = SCAN_THRESHOLD): HttpIndex {
  // Many regex paths keep the index: the RE2Set pre-filter tests them in one pass.
  const regexCount = entries.filter((e) => e.match.pathType === 'RegularExpression').length;
  if (entries.length <= scanUpTo && regexCount <= REGEX_SET_THRESHOLD) {
    const scan = [...entries].sort((a, b) => compareHttpStatic(a.prec, b.prec));
    const trie: TrieNode = { children: new Map(), entries: [], index: null };
    return { exact: new Map(), regex: null, trie, loose: null, scan, packed: packScan(scan) };
  }
  const exact = new Map<string, HttpEntry[]>();
  const regex: HttpEntry[] = [];
  const loose: HttpEntry[] = [];
  const trie: TrieNode = { children: new Map(), entries: [], index: null };
  for (const e of entries) {
    const m = e.match;
    if (m.pathType === 'Exact') push(exact, m.pathValue, e);
    else if (m.pathType === 'RegularExpression') regex.push(e);
    else if (m.pathValue.length > m.prefix.length + 1) loose.push(e);
    else trieNodeFor(trie, m.prefix).entries.push(e);
  }
  finishTrie(trie);
  return {
    exact: new Map([...exact].map(([path, list]) => [path, nodeIndex(list)])),
    regex: regex.length > 0 ? regexNode(regex) : null,
    trie,
    loose: loose.length > 0 ? nodeIndex(loose) : null,
    scan: null,
    packed: null,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function trieNodeFor(root: TrieNode, prefix: string): TrieNode {
  let node = root;
  if (prefix === '') return node;
  for (const segment of prefix.slice(1).split('/')) {
    let child = node.children.get(segment);
    if (!child) {
      child = { children: new Map(), entries: [], index: null };
      node.children.set(segment, child);
    }
    node = child;
  }
  return node;
}

function finishTrie(node: TrieNode): void {
  if (node.entries.length > 0) node.index = nodeIndex(node.entries);
  node.entries = [];
  for (const child of node.children.values()) finishTrie(child);
}

/** Above this many regex paths in one bucket, one RE2Set pass pre-filters the candidates. */
const REGEX_SET_THRESHOLD = 8;

function regexNode(list: readonly HttpEntry[]): NodeIndex {
  const node = nodeIndex(list);
  if (list.length <= REGEX_SET_THRESHOLD) return node;
  const filter = compileRegexSet(list.map((e) => e.match.pathValue));
  return filter ? { ...node, pathPatterns: filter } : node;
}

function nodeIndex(list: readonly HttpEntry[]): NodeIndex {
  const sorted = [...list]
    .sort((a, b) => compareHttpStatic(a.prec, b.prec))
    .map((entry, rank) => ({
      entry,
      rank,
    }));
  if (sorted.length <= HEADER_INDEX_THRESHOLD) return { sorted, byHeader: null, rest: sorted };
  const byHeader = new Map<string, Map<string, Ranked[]>>();
  const rest: Ranked[] = [];
  for (const r of sorted) {
    const h = r.entry.match.headers.find((x) => x.type === 'Exact');
    if (!h) {
      rest.push(r);
      continue;
    }
    let values = byHeader.get(h.name);
    if (!values) byHeader.set(h.name, (values = new Map()));
    push(values, h.value, r);
  }
  return { sorted, byHeader, rest };
}

function firstHolding(
  list: readonly Ranked[],
  req: RequestView,
  below: number,
  paths: ReadonlySet<string> | null,
): Ranked | null {
  for (const r of list) {
    if (r.rank >= below) return null;
    if (paths !== null && !paths.has(r.entry.match.pathValue)) continue;
    if (httpMatchHolds(r.entry.match, req)) return r;
  }
  return null;
}

/** The best entry of a node for this request (lowest rank whose match holds). */
function bestInNode(node: NodeIndex, req: RequestView): HttpEntry | null {
  const paths = node.pathPatterns ? node.pathPatterns(req.path) : null;
  if (paths !== null && paths.size === 0) return null;
  let best = firstHolding(node.rest, req, Infinity, paths);
  if (node.byHeader && req.hasHeaders) {
    for (const [name, value] of req.headers) {
      const list = node.byHeader.get(name)?.get(value);
      if (!list) continue;
      const hit = firstHolding(list, req, best?.rank ?? Infinity, paths);
      if (hit) best = hit;
    }
  }
  return best?.entry ?? null;
}

/** The winning HTTP entry of one hostname bucket, or null. */
export function lookupHttp(index: HttpIndex, req: RequestView): HttpEntry | null {
  if (index.packed !== null) return scanPacked(index.packed, req);
  const exactNode = index.exact.get(req.path);
  const exactHit = exactNode ? bestInNode(exactNode, req) : null;
  if (exactHit) return exactHit;
  const regexHit = index.regex ? bestInNode(index.regex, req) : null;
  if (regexHit) return regexHit;
  const trieHit = deepestInTrie(index.trie, req, 1);
  if (index.loose === null) return trieHit;
  const looseHit = bestInNode(index.loose, req);
  if (looseHit === null) return trieHit;
  return trieHit !== null && compareHttpStatic(trieHit.prec, looseHit.prec) < 0 ? trieHit : looseHit;
}

/**
 * Walks the trie as deep as the request path goes (segment by segment, without splitting the path
 * into an array); on the way back the deepest node that holds an entry for the request wins.
 * `start` is where the next segment of the path begins.
 */
function deepestInTrie(node: TrieNode, req: RequestView, start: number): HttpEntry | null {
  const p = req.path;
  if (start <= p.length && node.children.size > 0) {
    let end = p.indexOf('/', start);
    if (end < 0) end = p.length;
    const child = node.children.get(p.slice(start, end));
    const hit = child ? deepestInTrie(child, req, end + 1) : null;
    if (hit) return hit;
  }
  return node.index ? bestInNode(node.index, req) : null;
}
