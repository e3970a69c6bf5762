/**
 * Bounded regular expressions for `RegularExpression` matches (path, header, query param, gRPC
 * method). DESIGN.md security rules: a manifest's pattern must not hang the tab or the server, so
 * patterns are evaluated with RE2 semantics (re2js: linear time, no backtracking, works in the
 * browser), pattern and input lengths are capped, and an invalid pattern is reported, not thrown.
 *
 * Match semantics: the whole value must match (anchored), like Envoy's `safe_regex` and the
 * conformance tests (`/v2/[a-z]+` does not match `/xv2/abc`).
 */
import { RE2JS, RE2Set } from 're2js';

/** Longest pattern we compile; the API caps path values at 1024 characters. */
export const MAX_PATTERN_LENGTH = 1024;
/** Longest input we evaluate; longer inputs do not match (and the explanation says so). */
export const MAX_INPUT_LENGTH = 8192;

export type CompiledRegex =
  | { readonly ok: true; readonly pattern: string; readonly test: (input: string) => boolean }
  | { readonly ok: false; readonly pattern: string; readonly error: string };

const cache = new Map<string, CompiledRegex>();
const CACHE_LIMIT = 10_000;

export function compileRegex(pattern: string): CompiledRegex {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const compiled = compileUncached(pattern);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function compileUncached(pattern: string): CompiledRegex {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { ok: false, pattern, error: `pattern longer than ${MAX_PATTERN_LENGTH} characters` };
  }
  try {
    const re = RE2JS.compile(pattern);
    return {
      ok: true,
      pattern,
      test: (input: string) => input.length <= MAX_INPUT_LENGTH && re.matches(input),
    };
  } catch (error: unknown) {
    // re2js throws RE2JSSyntaxException for patterns RE2 rejects (e.g. backreferences).
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, pattern, error: message };
  }
}

/**
 * Many patterns against one input in a single linear pass (re2js RE2Set, anchored at both ends):
 * returns the patterns that match. Null when the set cannot be built (then scan one by one).
 */
export function compileRegexSet(
  patterns: readonly string[],
): ((input: string) => ReadonlySet<string>) | null {
  const valid = [...new Set(patterns)].filter((p) => compileRegex(p).ok);
  try {
    const set = new RE2Set(RE2Set.ANCHOR_BOTH);
    const byId: string[] = [];
    for (const p of valid) byId[set.add(p)] = p;
    set.compile();
    return (input: string) => {
      if (input.length > MAX_INPUT_LENGTH) return new Set();
      return new Set(set.match(input).map((id) => byId[id] ?? ''));
    };
  } catch {
    return null; // e.g. the DFA memory limit: fall back to testing each pattern
  }
}
