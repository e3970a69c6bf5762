/**
 * Runs the /metrics analysis in a worker thread started for it and ended after it. At 10k routes
 * + 10k Services + 10k Namespaces the analysis parses and builds ~80 MB of object graphs and
 * blocks for ~600 ms: on the main thread that delayed SSE deltas, and V8 kept the grown heap for
 * many seconds. A worker has its own heap, which goes back to the OS when the worker exits.
 *
 * Where the worker's code is, in each way the server runs:
 * - from the TypeScript sources (tsx via bin/gatescope.mjs, vitest): this module is a `.ts` file
 *   and the worker is its sibling health-worker.ts, loaded through tsx's loader, passed to the
 *   worker explicitly (`--import`, by absolute URL so any working directory does): neither the
 *   main thread's tsx registration (bin/gatescope.mjs calls tsx's API; vitest has its own
 *   runner) nor Node's built-in type stripping is something to rely on there;
 * - from the esbuild bundle (`npm start`, the image): this code is inside dist/cli/main.mjs and
 *   the worker is the second bundle entry beside it, dist/cli/health-worker.mjs (bin/bundle.mjs).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HealthReply } from './health-job.ts';
import type { AnalysisHealth } from './live-analysis.ts';

const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The worker entry for the way this process runs (see the header). */
export const HEALTH_WORKER_URL: URL = FROM_SOURCE
  ? new URL('./health-worker.ts', import.meta.url)
  : new URL('./health-worker.mjs', import.meta.url);

function workerExecArgv(url: URL): string[] | undefined {
  if (!url.pathname.endsWith('.ts')) return undefined; // inherit the process's options
  const tsxLoader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(tsxLoader).href];
}

export interface HealthWorkerOptions {
  /** Another worker entry (tests: one that fails). */
  readonly workerUrl?: URL;
  /** A worker that has not answered by then is ended and the analysis counts as failed. */
  readonly timeoutMs?: number;
  /** Ends the worker at once (server shutdown); the analysis counts as failed. */
  readonly signal?: AbortSignal;
}

/**
 * Bytes whose ArrayBuffer is theirs alone, so it can be transferred (moved, not copied). A small
 * Buffer is a slice of Node's shared pool: transferring that would detach the pool.
 */
function transferable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const own =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  return own ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

type Outcome = { readonly health: AnalysisHealth } | { readonly error: Error };

/**
 * The health of input bytes (health-input.ts), computed in a new worker. The bytes are moved to
 * the worker (unusable here afterwards). Resolves or rejects only once the worker has exited, so
 * its memory is released by the time the caller answers.
 */
export function healthInWorker(
  input: Uint8Array,
  options: HealthWorkerOptions = {},
): Promise<AnalysisHealth> {
  const url = options.workerUrl ?? HEALTH_WORKER_URL;
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted === true) {
      reject(new Error('stopped'));
      return;
    }
    const bytes = transferable(input);
    const execArgv = workerExecArgv(url);
    const worker = new Worker(url, execArgv === undefined ? {} : { execArgv });
    // A running analysis must not keep a stopping process alive (the signal ends it for a server
    // that closes; unref covers a process that just exits).
    worker.unref();
    let outcome: Outcome | undefined;
    const finish = (result: Outcome): void => {
      outcome ??= result;
      void worker.terminate();
    };
    const onAbort = (): void => finish({ error: new Error('stopped') });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => finish({ error: new Error(`no answer within ${timeoutMs} ms`) }),
      timeoutMs,
    );
    timer.unref();
    worker.on('message', (reply: HealthReply) =>
      finish(reply.ok ? { health: reply.health } : { error: new Error(reply.message) }),
    );
    worker.on('error', (error: Error) => finish({ error }));
    worker.on('exit', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (outcome === undefined) reject(new Error(`the worker exited with code ${code} without an answer`));
      else if ('health' in outcome) resolve(outcome.health);
      else reject(outcome.error);
    });
    // A message, not workerData: workerData stays reachable for the worker's whole life.
    try {
      worker.postMessage(bytes, [bytes.buffer]);
    } catch (error) {
      finish({ error: error instanceof Error ? error : new Error(String(error)) });
    }
  });
}
