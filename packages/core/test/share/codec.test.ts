import { deflateSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/share/base64url.ts';
import { decodeShareFragment, encodeShareState } from '../../src/share/codec.ts';
import { SHARE_DECODED_MAX_BYTES, SHARE_LINK_MAX_CHARS } from '../../src/share/limits.ts';
import type { ShareState } from '../../src/share/types.ts';

const state: ShareState = {
  v: 1,
  source: { type: 'sandbox', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n' },
  view: { page: 'sandbox', selected: 'Service/default/web', filters: { text: 'web', onlyProblems: true } },
  tests: [
    {
      id: 'home',
      gateway: 'infra/public',
      port: 443,
      protocol: 'HTTPS',
      host: 'www.example.com',
      path: '/?q=1',
      headers: { 'x-beta': 'true' },
      expect: { status: 200, route: 'shop/storefront' },
    },
  ],
  redaction: { maskIPs: false, maskHostnames: false },
};

function fragmentOf(json: string): string {
  return 'gs1.' + toBase64Url(deflateSync(strToU8(json)));
}

describe('share link codec', () => {
  it('round-trips a state through the fragment', () => {
    const encoded = encodeShareState(state);
    expect(encoded.fragment.startsWith('gs1.')).toBe(true);
    expect(encoded.fragment).toMatch(/^gs1\.[A-Za-z0-9_-]+$/);
    expect(encoded.size).toBe('ok');
    const decoded = decodeShareFragment('#' + encoded.fragment);
    expect(decoded).toEqual({ ok: true, value: state });
  });

  it('accepts percent-encoded fragments and stray whitespace from chat tools', () => {
    const { fragment } = encodeShareState(state);
    const mangled = `#${fragment.slice(0, 10)}\n ${fragment.slice(10)}`.replace('.', '%2E');
    expect(decodeShareFragment(mangled)).toEqual({ ok: true, value: state });
  });

  it('round-trips arbitrary sandbox text and tests (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.string({ maxLength: 40 }),
        (yaml, path) => {
          const s: ShareState = {
            ...state,
            source: { type: 'sandbox', yaml },
            tests: [{ gateway: 'a/b', path }],
          };
          const decoded = decodeShareFragment(encodeShareState(s).fragment);
          expect(decoded).toEqual({ ok: true, value: s });
        },
      ),
    );
  });

  it('flags long links and refuses links above the cap', () => {
    // Incompressible text: a pseudo-random alphabet soup from a fixed xorshift seed.
    let seed = 42;
    const noise = (n: number): string =>
      Array.from({ length: n }, () => {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return String.fromCharCode(33 + ((seed >>> 0) % 90));
      }).join('');
    const long = encodeShareState({ ...state, source: { type: 'sandbox', yaml: noise(5_000) } });
    expect(long.size).toBe('long');
    const huge = encodeShareState({
      ...state,
      source: { type: 'sandbox', yaml: noise(SHARE_LINK_MAX_CHARS * 2) },
    });
    expect(huge.size).toBe('too-long');
    expect(huge.chars).toBeGreaterThan(SHARE_LINK_MAX_CHARS);
  });

  it('gives a clear error for each kind of bad link', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['#', 'empty'],
      ['#hello', 'bad-prefix'],
      ['#gs2.abcd', 'unsupported-version'],
      ['#gs1.ab$d', 'bad-encoding'],
      ['#gs1.', 'bad-encoding'],
      ['#gs1.AAAA', 'bad-compression'],
      ['#' + fragmentOf('{not json'), 'bad-json'],
      ['#' + fragmentOf('{"v":1}'), 'bad-schema'],
      ['#' + fragmentOf(JSON.stringify({ ...state, v: 2 })), 'bad-schema'],
      ['#' + fragmentOf(JSON.stringify({ ...state, extra: true })), 'bad-schema'],
    ];
    for (const [input, code] of cases) {
      const result = decodeShareFragment(input);
      expect(result.ok, input).toBe(false);
      if (!result.ok) {
        expect(result.error.code, input).toBe(code);
        expect(result.error.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('detects a cut-off link', () => {
    const { fragment } = encodeShareState(state);
    const result = decodeShareFragment(fragment.slice(0, Math.floor(fragment.length / 2)));
    expect(result.ok).toBe(false);
  });

  it('refuses a zip bomb without inflating it fully', () => {
    const bomb = new Uint8Array(SHARE_DECODED_MAX_BYTES * 4).fill(32);
    const fragment = 'gs1.' + toBase64Url(deflateSync(bomb, { level: 9 }));
    expect(fragment.length).toBeLessThan(SHARE_LINK_MAX_CHARS);
    const result = decodeShareFragment(fragment);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('never throws on hostile input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        const result = decodeShareFragment(junk);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = decodeShareFragment('gs1.' + toBase64Url(bytes));
        expect(typeof result.ok).toBe('boolean');
      }),
    );
    // Valid compression of arbitrary JSON values: the schema is what refuses them.
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = decodeShareFragment(fragmentOf(JSON.stringify(value)));
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('rejects tampered but well-formed content that breaks the bounds', () => {
    const tooManyTests = { ...state, tests: Array.from({ length: 500 }, () => ({ gateway: 'a/b' })) };
    expect(decodeShareFragment(fragmentOf(JSON.stringify(tooManyTests)))).toMatchObject({
      ok: false,
      error: { code: 'bad-schema' },
    });
    const badPort = { ...state, tests: [{ gateway: 'a/b', port: 70000 }] };
    expect(decodeShareFragment(fragmentOf(JSON.stringify(badPort))).ok).toBe(false);
    const noKind = { ...state, source: { type: 'snapshot', objects: [{ metadata: {} }] } };
    expect(decodeShareFragment(fragmentOf(JSON.stringify(noKind))).ok).toBe(false);
  });
});
