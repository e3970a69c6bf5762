/**
 * Share links: the state goes into the URL fragment (never sent to any server) as
 * `gs1.` + base64url(deflate-raw(UTF-8 JSON)). Decoding is defensive end to end: a corrupted,
 * truncated or hostile fragment yields a ShareError value, never a throw, and decompression
 * stops at SHARE_DECODED_MAX_BYTES (zip bombs).
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import {
  SHARE_DECODED_MAX_BYTES,
  SHARE_LINK_MAX_CHARS,
  SHARE_LINK_WARN_CHARS,
  SHARE_MAX_DEPTH,
  SHARE_PREFIX,
} from './limits.ts';
import { parseShareState } from './schema.ts';
import type { ShareError, ShareErrorCode, ShareResult, ShareState } from './types.ts';

export interface EncodedShare {
  /** The fragment without `#`: `gs1.<data>`. */
  readonly fragment: string;
  readonly chars: number;
  /** JSON size before compression. */
  readonly jsonBytes: number;
  /** `long`: works, but some tools cut URLs this long; `too-long`: refused, use the export file. */
  readonly size: 'ok' | 'long' | 'too-long';
}

export function encodeShareState(state: ShareState): EncodedShare {
  const json = strToU8(JSON.stringify(state));
  const fragment = SHARE_PREFIX + toBase64Url(deflateSync(json, { level: 9 }));
  const chars = fragment.length;
  const size = chars > SHARE_LINK_MAX_CHARS ? 'too-long' : chars > SHARE_LINK_WARN_CHARS ? 'long' : 'ok';
  return { fragment, chars, jsonBytes: json.length, size };
}

/**
 * Decodes a fragment (with or without `#`, percent-encoded or not, with stray whitespace from
 * chat tools) into a validated ShareState.
 */
export function decodeShareFragment(fragment: string): ShareResult<ShareState> {
  let text = fragment.trim();
  if (text.startsWith('#')) text = text.slice(1);
  if (text === '') return fail('empty', 'The link has no shared state after "#".');
  if (text.length > SHARE_LINK_MAX_CHARS * 2) {
    return fail('too-large', `The link is ${text.length} characters long, more than Gatescope accepts.`);
  }
  text = safeDecodeURIComponent(text).replace(/\s+/g, '');
  const version = /^gs(\d+)\./.exec(text);
  if (version === null) {
    return fail('bad-prefix', 'This is not a Gatescope share link (it should start with "#gs1.").');
  }
  if (`gs${version[1]}.` !== SHARE_PREFIX) {
    return fail(
      'unsupported-version',
      `This link was made by a different Gatescope version (format gs${version[1]}); this one reads ${SHARE_PREFIX.slice(0, -1)}.`,
    );
  }
  const bytes = fromBase64Url(text.slice(SHARE_PREFIX.length));
  if (bytes === null || bytes.length === 0) {
    return fail(
      'bad-encoding',
      'The link is damaged: it contains characters a share link never has. Was it cut or edited?',
    );
  }
  const inflated = inflateCapped(bytes, SHARE_DECODED_MAX_BYTES);
  if (!inflated.ok) return inflated;
  return parseJsonState(inflated.value);
}

/** Parses the JSON text of a share (links and bundles) and validates it. */
export function parseJsonState(json: string): ShareResult<ShareState> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('bad-json', 'The shared content is not valid JSON; the link or file is damaged.');
  }
  if (nestedDeeperThan(value, SHARE_MAX_DEPTH)) {
    return fail(
      'too-deep',
      `The shared content is nested deeper than ${SHARE_MAX_DEPTH} levels; Gatescope refuses it.`,
    );
  }
  return parseShareState(value);
}

/** Iterative, so the check itself cannot overflow the stack it protects. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Inflates in small steps so a tiny hostile input cannot expand far past the cap. */
function inflateCapped(bytes: Uint8Array, cap: number): ShareResult<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    chunks.push(chunk);
    if (final) done = true;
  });
  const step = 1024;
  try {
    for (let offset = 0; offset < bytes.length; offset += step) {
      const end = Math.min(offset + step, bytes.length);
      inflater.push(bytes.subarray(offset, end), end === bytes.length);
      if (total > cap) {
        return fail(
          'too-large',
          `The shared content expands to more than ${cap / 1024 / 1024} MiB; Gatescope refuses it.`,
        );
      }
    }
  } catch {
    return fail(
      'bad-compression',
      'The link is damaged: its compressed data is corrupt. Was it cut or edited?',
    );
  }
  if (!done) return fail('bad-compression', 'The link is incomplete: it looks cut off. Copy the whole link.');
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  try {
    return { ok: true, value: strFromU8(joined) };
  } catch {
    return fail('bad-encoding', 'The shared content is not valid text; the link is damaged.');
  }
}

function safeDecodeURIComponent(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function fail<T>(code: ShareErrorCode, message: string): ShareResult<T> {
  const error: ShareError = { code, message };
  return { ok: false, error };
}
