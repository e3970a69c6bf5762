/**
 * Issue 12 (attack review): a hostile link nested thousands of levels deep is refused as a value
 * when it is decoded, before any recursive walk (YAML serialization, rendering) can overflow the
 * stack and blank the app.
 */
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/share/base64url.ts';
import { decodeShareFragment, encodeShareState } from '../../src/share/codec.ts';
import { SHARE_MAX_DEPTH, SHARE_PREFIX } from '../../src/share/limits.ts';

function fragmentOf(json: string): string {
  return SHARE_PREFIX + toBase64Url(deflateSync(strToU8(json)));
}

function stateWithObject(object: unknown): string {
  return JSON.stringify({
    v: 1,
    source: { type: 'snapshot', objects: [object] },
    view: { page: 'topology' },
    tests: [],
    redaction: { maskIPs: false, maskHostnames: false },
  });
}

describe('hostile share links', () => {
  it('refuses a deeply nested object with a clear error instead of returning it', () => {
    const deep = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const result = decodeShareFragment(fragmentOf(stateWithObject('§').replace('"§"', deep)));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('too-deep');
      expect(result.error.message).toMatch(/nested deeper than/);
    }
  });

  it('still opens real objects (a few dozen levels)', () => {
    let nested: unknown = 'leaf';
    for (let i = 0; i < SHARE_MAX_DEPTH - 10; i++) nested = { n: nested };
    const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: nested };
    const state = JSON.parse(stateWithObject(object)) as Parameters<typeof encodeShareState>[0];
    expect(decodeShareFragment(encodeShareState(state).fragment).ok).toBe(true);
  });
});
