/**
 * The request as the matchers read it: method, path without query, first value of each query
 * parameter, headers by lower-case name. Built once per simulated request; the header and query
 * maps are built lazily on first read, since most lookups never look at them (simulate's hot path).
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
  /** False when the request has no header besides Host (lets callers skip the maps). */
  readonly hasHeaders: boolean;
  readonly host: RequestHost;
}

const NO_ENTRIES: ReadonlyMap<string, string> = new Map();

class LazyView implements RequestView {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly host: RequestHost;
  readonly hasHeaders: boolean;
  private readonly raw: Readonly<Record<string, string>> | undefined;
  private lower: ReadonlyMap<string, string> | null = null;
  private names: ReadonlyMap<string, string> | null = null;
  private params: ReadonlyMap<string, string> | null = null;

  constructor(request: SimRequest, gatewayAddress: string | null) {
    const rawPath = request.path ?? '/';
    const q = rawPath.indexOf('?');
    const pathOnly = q < 0 ? rawPath : rawPath.slice(0, q);
    this.method = request.method ?? (request.grpc ? 'POST' : 'GET');
    this.path = pathOnly.startsWith('/') ? pathOnly : `/${pathOnly}`;
    this.rawQuery = q < 0 ? '' : rawPath.slice(q + 1);
    this.raw = request.headers;
    const hostHeader = this.raw === undefined ? null : readHostHeader(this.raw);
    this.hasHeaders = this.raw !== undefined && hasOtherThanHost(this.raw);
    const parsed = parseHost(request.host ?? hostHeader);
    // A request without a Host goes to the Gateway's address: that is its Host header.
    this.host =
      parsed.header === '' && gatewayAddress !== null ? { ...parsed, header: gatewayAddress } : parsed;
  }

  get headers(): ReadonlyMap<string, string> {
    if (this.lower === null) this.buildHeaders();
    return this.lower ?? NO_ENTRIES;
  }

  get headerNames(): ReadonlyMap<string, string> {
    if (this.names === null) this.buildHeaders();
    return this.names ?? NO_ENTRIES;
  }

  get query(): ReadonlyMap<string, string> {
    this.params ??= this.rawQuery === '' ? NO_ENTRIES : parseQuery(this.rawQuery);
    return this.params;
  }

  private buildHeaders(): void {
    if (!this.hasHeaders) {
      this.lower = this.names = NO_ENTRIES;
      return;
    }
    const headers = new Map<string, string>();
    const headerNames = new Map<string, string>();
    for (const name in this.raw) {
      const lower = name.toLowerCase();
      if (lower === 'host' || headers.has(lower)) continue;
      headers.set(lower, String(this.raw[name]));
      headerNames.set(lower, name);
    }
    this.lower = headers;
    this.names = headerNames;
  }
}

/** The matchers' view of `request`; `gatewayAddress` is the Host when the request names none. */
export function viewOf(request: SimRequest, gatewayAddress: string | null = null): RequestView {
  return new LazyView(request, gatewayAddress);
}

function readHostHeader(headers: Readonly<Record<string, string>>): string | null {
  for (const name in headers) {
    if (name.length === 4 && name.toLowerCase() === 'host') return headers[name] ?? null;
  }
  return null;
}

function hasOtherThanHost(headers: Readonly<Record<string, string>>): boolean {
  for (const name in headers) if (name.length !== 4 || name.toLowerCase() !== 'host') return true;
  return false;
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
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // malformed %-escape: match the raw text
  }
}
