/**
 * Export bundle: the same content as a share link, as a readable JSON file, for states too
 * large for a URL. Import accepts a bundle file or a pasted share link.
 */
import { decodeShareFragment, parseJsonState } from './codec.ts';
import { SHARE_DECODED_MAX_BYTES } from './limits.ts';
import { isJsonObject } from './redact.ts';
import type { ShareResult, ShareState } from './types.ts';

export const BUNDLE_FORMAT = 'gatescope-bundle';
export const BUNDLE_VERSION = 1;

/** `exportedAt` comes from the caller: the core has no clock. */
export function createBundle(state: ShareState, exportedAt?: string): string {
  const bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    ...(exportedAt === undefined ? {} : { exportedAt }),
    state,
  };
  return JSON.stringify(bundle, null, 2) + '\n';
}

export function bundleFileName(state: ShareState, stamp?: string): string {
  const base = state.source.type === 'sandbox' ? 'gatescope-sandbox' : 'gatescope-snapshot';
  return stamp === undefined ? `${base}.json` : `${base}-${stamp.replace(/[^0-9A-Za-z-]/g, '')}.json`;
}

/** A bundle file's text, or a share link / fragment pasted instead. */
export function readBundle(text: string): ShareResult<ShareState> {
  if (text.length > SHARE_DECODED_MAX_BYTES) {
    return {
      ok: false,
      error: {
        code: 'too-large',
        message: `The file is larger than ${SHARE_DECODED_MAX_BYTES / 1024 / 1024} MiB.`,
      },
    };
  }
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#gs');
  if (!trimmed.startsWith('{')) {
    if (hash >= 0) return decodeShareFragment(trimmed.slice(hash));
    if (trimmed.startsWith('gs')) return decodeShareFragment(trimmed);
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return {
      ok: false,
      error: { code: 'bad-json', message: 'This file is not a Gatescope bundle (not JSON).' },
    };
  }
  if (!isJsonObject(value) || value['format'] !== BUNDLE_FORMAT) {
    return { ok: false, error: { code: 'bad-prefix', message: 'This JSON file is not a Gatescope bundle.' } };
  }
  if (value['version'] !== BUNDLE_VERSION) {
    return {
      ok: false,
      error: {
        code: 'unsupported-version',
        message: `Bundle version ${String(value['version'])} is not supported.`,
      },
    };
  }
  return parseJsonState(JSON.stringify(value['state'] ?? null));
}
