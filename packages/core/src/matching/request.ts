/**
 * The request as the matchers read it: method, path without query, first value of each query
 * parameter, headers by lower-case name. Built once per simulated request.
 */
import { parseHost } from './hostname.ts';
import type { RequestHost } from './hostname.ts';
import type { SimRequest } from './types.ts';

export interface RequestView {
  readonly method: string;
  /** Path without query string, always starting with `/`. */
  readonly path: string;
  /** The raw query string without `?` ("" when none). */
  readonly rawQuery: string;
  /**
   * First value of each query parameter by exact (case-sensitive) name. Spec
   * (HTTPQueryParamMatch): repeated params are undefined behaviour; the first value is used.
   */
  readonly query: ReadonlyMap<string, string>;
  /** Header values by lower-case name; spec: header names are case-insensitive. */
  readonly headers: ReadonlyMap<string, string>;
  /** Header names as the client spelled them (for forwarding). */
  readonly headerNames: ReadonlyMap<string, string>;
  readonly host: RequestHost;
}

export function viewOf(request: SimRequest): RequestView {
  const rawPath = request.path ?? '/';
  const q = rawPath.indexOf('?');
  const pathOnly = q < 0 ? rawPath : rawPath.slice(0, q);
  const rawQuery = q < 0 ? '' : rawPath.slice(q + 1);
  const headers = new Map<string, string>();
  const headerNames = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'host' || headers.has(lower)) continue;
    headers.set(lower, String(value));
    headerNames.set(lower, name);
  }
  const explicitHost = request.host ?? readHostHeader(request.headers);
  return {
    method: request.method ?? (request.grpc ? 'POST' : 'GET'),
    path: pathOnly.startsWith('/') ? pathOnly : `/${pathOnly}`,
    rawQuery,
    query: parseQuery(rawQuery),
    headers,
    headerNames,
    host: parseHost(explicitHost),
  };
}

function readHostHeader(headers: Readonly<Record<string, string>> | undefined): string | null {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'host') return value;
  }
  return null;
}

export function parseQuery(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  if (raw === '') return out;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // malformed %-escape: match the raw text
  }
}
