/**
 * Raw HTTP to one cluster, authenticated by @kubernetes/client-node (tokens, client certs, exec
 * plugins, CA). We do our own requests because we need the Accept header (PartialObjectMetadata
 * for Secrets) on lists and watches, and full control over watch lifetimes.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { CredentialError } from './error-text.ts';

export const ACCEPT_JSON = 'application/json';

export class KubeHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The Status reason (e.g. Expired, Forbidden), when the apiserver sent one. */
    readonly reason?: string,
  ) {
    super(message);
  }
}

export interface RequestOpts {
  readonly accept?: string;
  readonly signal?: AbortSignal;
  /** Fails the request when no data arrives for this long, headers or body. */
  readonly timeoutMs?: number;
}

/** Records what the server asks the apiserver (tests assert on it; metrics could too). */
export type RequestObserver = (method: string, path: string, accept: string) => void;

export class KubeHttp {
  constructor(
    private readonly kc: KubeConfig,
    readonly server: string,
    private readonly observe?: RequestObserver,
  ) {}

  /** GET and parse JSON; non-2xx becomes a KubeHttpError carrying the HTTP status. */
  async getJson<T>(path: string, opts: RequestOpts = {}): Promise<T> {
    const res = await this.open(path, { timeoutMs: 60_000, ...opts });
    const text = await readBody(res);
    return JSON.parse(text) as T;
  }

  /** Opens a streaming GET (a watch); resolves once the response headers say 200. */
  async open(path: string, opts: RequestOpts = {}): Promise<IncomingMessage> {
    const accept = opts.accept ?? ACCEPT_JSON;
    const url = new URL(this.server.replace(/\/+$/, '') + path);
    const options: RequestOptions = { method: 'GET', headers: { accept, 'user-agent': 'gatescope' } };
    try {
      await this.kc.applyToHTTPSOptions(options);
    } catch (error) {
      // An exec plugin's stderr or stdout may hold tokens: only a short, scrubbed reason leaves.
      throw new CredentialError(error);
    }
    this.observe?.('GET', path, accept);
    const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      let response: IncomingMessage | undefined;
      const req = request(url, { ...options, ...(opts.signal ? { signal: opts.signal } : {}) }, (res) => {
        response = res;
        const status = res.statusCode ?? 0;
        // Consumers attach their own handlers; this one keeps a reset between the response
        // arriving and the consumer starting to read from crashing the process.
        res.on('error', () => {});
        if (status >= 200 && status < 300) {
          // The idle timeout stays on for the body: a list that stalls half-way (half-open
          // connection) must fail, or its kind would stay syncing forever. Watches set none and
          // have their own limit (watch-stream.ts).
          resolve(res);
          return;
        }
        readBody(res).then(
          (body) => reject(statusError(status, body)),
          () => reject(new KubeHttpError(status, `HTTP ${status}`)),
        );
      });
      if (opts.timeoutMs !== undefined) {
        req.setTimeout(opts.timeoutMs, () => {
          const error = new Error(`no data from the apiserver for ${opts.timeoutMs} ms`);
          // The body's reader sees this reason rather than a bare "aborted".
          response?.destroy(error);
          req.destroy(error);
        });
      }
      req.on('error', reject);
      req.end();
    });
  }
}

export function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) reject(res.errored ?? new Error('connection closed before the response ended'));
    });
    if (res.errored) reject(res.errored);
  });
}

function statusError(status: number, body: string): KubeHttpError {
  try {
    const parsed = JSON.parse(body) as { message?: string; reason?: string };
    return new KubeHttpError(status, parsed.message ?? `HTTP ${status}`, parsed.reason);
  } catch {
    return new KubeHttpError(status, `HTTP ${status}: ${body.slice(0, 200)}`);
  }
}
