/**
 * The regex evaluation bound (matching/regex.ts, SECURITY.md "Regular expressions"): valid RE2
 * whose program is too big to evaluate safely is refused as "too complex" (a value, never a
 * throw), hostile patterns are refused from their text before the expensive compile, and an
 * RE2Set is not built past its total size budget.
 */
import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { compileRegex, compileRegexSet, MAX_PROGRAM_SIZE } from '../../src/matching/regex.ts';
import { estimateProgramSize } from '../../src/matching/regex-size.ts';

describe('regex program size bound', () => {
  it('refuses the (?:a|aa){1000} bomb as too complex, not as invalid syntax', () => {
    const compiled = compileRegex('(?:a|aa){1000}');
    expect(compiled.ok).toBe(false);
    expect(compiled.ok === false && compiled.tooComplex).toBe(true);
    expect(compiled.ok === false && compiled.error).toMatch(/program size .* over .* bound of 500/);
  });

  it('keeps common patterns, including a UUID segment Envoy refuses at its default of 100', () => {
    for (const p of ['/v2/[a-z]+', '^/v4/advisory/[0-9a-z-]{36}/clone$', '(?i)/Foo/(?P<id>\\d+)']) {
      const compiled = compileRegex(p);
      expect(compiled.ok, p).toBe(true);
      expect(compiled.ok && compiled.programSize).toBeLessThanOrEqual(MAX_PROGRAM_SIZE);
    }
  });

  it('refuses a pattern whose text says it is huge without compiling it', () => {
    // 980 characters, 140k instructions: re2js took ~1.8 s to compile it.
    const compiled = compileRegex('a{1000}'.repeat(140));
    expect(compiled.ok === false && compiled.error).toContain('about 140000');
  });

  it('rejects a compiled program just over the bound and accepts one at it', () => {
    expect(compileRegex('a{498}').ok).toBe(true); // 500 instructions
    const over = compileRegex('a{499}');
    expect(over.ok === false && over.tooComplex).toBe(true);
  });

  it('estimates within a few instructions of the compiled size', () => {
    const patterns = [
      '/v2/[a-z]+',
      '(?:a|aa){100}',
      '/api/v[0-9]+/(users|orders|items)/[0-9a-f-]{36}',
      '/static/[a-zA-Z0-9._-]{0,200}/[a-zA-Z0-9._-]{0,200}',
      '\\p{Greek}+\\x{41}\\QA.B\\E',
      'a{2,5}b{3,}',
      '[[:alpha:]]{10}',
      '/v[0-9]{1,3}/(?:[a-z]+/){0,10}[a-z]+',
    ];
    for (const p of patterns) {
      const real = RE2JS.compile(p).programSize();
      expect(Math.abs(estimateProgramSize(p) - real), p).toBeLessThanOrEqual(4);
    }
  });

  it('builds no RE2Set past its total size budget', () => {
    const small = Array.from({ length: 20 }, (_, i) => `/r${i}/[a-z]+`);
    expect(compileRegexSet(small)).not.toBeNull();
    const big = Array.from({ length: 46 }, (_, i) => `/r${i}/(?:a|aa){110}`);
    expect(compileRegexSet(big)).toBeNull();
  });
});
