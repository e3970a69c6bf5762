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
import { estimateProgramSize } from './regex-size.ts';

/** Longest pattern we compile; the API caps path values at 1024 characters. */
export const MAX_PATTERN_LENGTH = 1024;
/** Longest input we evaluate; longer inputs do not match (and the explanation says so). */
export const MAX_INPUT_LENGTH = 8192;
/**
 * Largest compiled program (re2js instructions) we evaluate, like Envoy's
 * `re2.max_program_size.error_level`. Matching costs program size × input length: a valid RE2
 * pattern such as `(?:a|aa){1000}` (4002 instructions) took ~0.45 s per test on an 8 KB value.
 * re2js counts about half of what C++ RE2 counts (`^/v4/advisory/[0-9a-z-]{36}/clone$`: 59 here,
 * 118 in Envoy), so 500 here is about the 1000–1024 that Contour, Istio and Gloo configure (Envoy's
 * own default, 100, refuses common UUID patterns); at 500 one test on an 8 KB value stays under
 * ~10 ms. SECURITY.md has the measurements.
 */
export const MAX_PROGRAM_SIZE = 500;
/** Patterns whose text-based estimate exceeds this are refused without compiling (regex-size.ts). */
const MAX_ESTIMATE = 2 * MAX_PROGRAM_SIZE;
/** Above this many instructions in total an RE2Set is not built (callers test one by one). */
const MAX_SET_PROGRAM_SIZE = 20_000;

export type CompiledRegex =
  | {
      readonly ok: true;
      readonly pattern: string;
      readonly test: (input: string) => boolean;
      readonly programSize: number;
    }
  | {
      readonly ok: false;
      readonly pattern: string;
      readonly error: string;
      /** Valid RE2, refused for its size (MAX_PROGRAM_SIZE): a bound of ours, not a syntax error. */
      readonly tooComplex?: true;
    };

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
  const estimate = estimateProgramSize(pattern);
  if (estimate > MAX_ESTIMATE) return tooComplex(pattern, `about ${estimate}`);
  try {
    const re = RE2JS.compile(pattern);
    const programSize = re.programSize();
    if (programSize > MAX_PROGRAM_SIZE) return tooComplex(pattern, String(programSize));
    return {
      ok: true,
      pattern,
      programSize,
      test: (input: string) => input.length <= MAX_INPUT_LENGTH && re.matches(input),
    };
  } catch (error: unknown) {
    // re2js throws RE2JSSyntaxException for patterns RE2 rejects (e.g. backreferences).
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, pattern, error: message };
  }
}

function tooComplex(pattern: string, size: string): CompiledRegex {
  return {
    ok: false,
    pattern,
    tooComplex: true,
    error: `RE2 program size ${size} is over Gatescope's bound of ${MAX_PROGRAM_SIZE} instructions`,
  };
}

/**
 * Many patterns against one input in a single linear pass (re2js RE2Set, anchored at both ends):
 * returns the patterns that match. Null when the set cannot be built (then scan one by one).
 */
export function compileRegexSet(
  patterns: readonly string[],
): ((input: string) => ReadonlySet<string>) | null {
  const valid = [...new Set(patterns)].filter((p) => compileRegex(p).ok);
  // Building a set costs about its total size (compile and DFA): past the budget, test one by one.
  let total = 0;
  for (const p of valid) {
    const compiled = compileRegex(p);
    total += compiled.ok ? compiled.programSize : 0;
  }
  if (total > MAX_SET_PROGRAM_SIZE) return null;
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
