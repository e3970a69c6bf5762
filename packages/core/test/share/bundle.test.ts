import { describe, expect, it } from 'vitest';
import { createBundle, readBundle } from '../../src/share/bundle.ts';
import { encodeShareState } from '../../src/share/codec.ts';
import type { ShareState } from '../../src/share/types.ts';

const state: ShareState = {
  v: 1,
  source: { type: 'snapshot', objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }] },
  view: { page: 'topology', panel: 'simulator' },
  tests: [{ gateway: 'a/gw', path: '/' }],
  redaction: { maskIPs: true, maskHostnames: false },
};

describe('export bundle', () => {
  it('round-trips through the file format', () => {
    const text = createBundle(state, '2026-11-26T12:00:00Z');
    expect(JSON.parse(text)).toMatchObject({
      format: 'gatescope-bundle',
      version: 1,
      exportedAt: '2026-11-26T12:00:00Z',
    });
    expect(readBundle(text)).toEqual({ ok: true, value: state });
  });

  it('imports a pasted share link too', () => {
    const link = `http://127.0.0.1:7080/#${encodeShareState(state).fragment}`;
    expect(readBundle(link)).toEqual({ ok: true, value: state });
  });

  it('explains what is wrong with other files', () => {
    expect(readBundle('not json at all')).toMatchObject({ ok: false, error: { code: 'bad-json' } });
    expect(readBundle('{"kind":"List"}')).toMatchObject({ ok: false, error: { code: 'bad-prefix' } });
    expect(readBundle('{"format":"gatescope-bundle","version":9,"state":{}}')).toMatchObject({
      ok: false,
      error: { code: 'unsupported-version' },
    });
    expect(readBundle('{"format":"gatescope-bundle","version":1,"state":{"v":1}}')).toMatchObject({
      ok: false,
      error: { code: 'bad-schema' },
    });
    expect(readBundle(' '.repeat(3 * 1024 * 1024))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });
});
