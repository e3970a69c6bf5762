/**
 * Runs analyze/simulate jobs (jobs.ts) in one worker thread, one job at a time, so that a large or
 * hostile call never blocks the event loop (/api/healthz, SSE) and never takes the server down:
 * - time budget: a job still running after `timeoutMs` ends its worker (a synchronous loop cannot
 *   be interrupted any other way) and is answered 422;
 * - memory bound: the worker has its own V8 heap limit (`heapMb`); a job that reaches it kills
 *   only the worker and is answered 413, the server's heap is untouched;
 * - queue bound: past `maxQueue` waiting jobs a call is answered 503 at once.
 * The worker is reused while jobs come (starting one costs tens of ms, much more from the
 * TypeScript sources) and ended after `idleMs` without work, which gives its heap back to the OS.
 *
 * Where the worker's code is: like health-in-worker.ts, the sibling `.ts` through tsx's loader
 * from the sources, `batch-worker.mjs` beside the bundle (bin/bundle.mjs) when bundled.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchKind } from './jobs.ts';
import type { BatchLimits } from './limits.ts';

export interface JobMessage {
  readonly id: number;
  readonly kind: BatchKind;
  /** The request body, UTF-8 (moved to the worker, not copied). */
  readonly body: Uint8Array<ArrayBuffer>;
  readonly limits: BatchLimits;
}

export type JobReply =
  /** Sent once by a new worker when its modules are loaded: job time budgets start from here. */
  | { readonly id: 0; readonly ready: true }
  /** The answer as UTF-8 JSON bytes (moved, not copied). */
  | { readonly id: number; readonly ok: true; readonly json: Uint8Array<ArrayBuffer> }
  | { readonly id: number; readonly ok: false; readonly status: number; readonly message: string };

/**
 * An HTTP answer: status and JSON. Bodies cross between threads as bytes in a transferred buffer:
 * structured-cloning a 13 MB string (explanations have non-Latin-1 characters) took ~1 s of the
 * main thread, moving a buffer takes nothing.
 */
export interface BatchAnswer {
  readonly status: number;
  readonly json: Uint8Array | string;
}

export interface BatchRunnerOptions {
  readonly timeoutMs?: number;
  readonly heapMb?: number;
  readonly maxQueue?: number;
  readonly idleMs?: number;
  /** Another worker entry (tests). */
  readonly workerUrl?: URL;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
export const BATCH_WORKER_URL: URL = FROM_SOURCE
  ? new URL('./batch-worker.ts', import.meta.url)
  : new URL('./batch-worker.mjs', import.meta.url);

function workerExecArgv(url: URL): string[] | undefined {
  if (!url.pathname.endsWith('.ts')) return undefined;
  const tsxLoader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(tsxLoader).href];
}

/** Bytes whose ArrayBuffer is theirs alone (a small Buffer is a slice of Node's shared pool). */
export function transferable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const own =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  return own ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

function failure(status: number, error: string, message: string): BatchAnswer {
  return { status, json: JSON.stringify({ error, message }) };
}

interface Pending {
  readonly message: JobMessage;
  readonly resolve: (answer: BatchAnswer) => void;
}

export class BatchRunner {
  readonly timeoutMs: number;
  readonly heapMb: number;
  private readonly maxQueue: number;
  private readonly idleMs: number;
  private readonly url: URL;
  private worker: Worker | undefined;
  private workerReady = false;
  private current: Pending | undefined;
  private readonly queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private closed = false;
  /** Counters for /metrics. */
  readonly stats = { jobs: 0, timeouts: 0, outOfMemory: 0, rejected: 0 };

  constructor(options: BatchRunnerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.heapMb = options.heapMb ?? 192;
    this.maxQueue = options.maxQueue ?? 4;
    this.idleMs = options.idleMs ?? 5000;
    this.url = options.workerUrl ?? BATCH_WORKER_URL;
  }

  /** Jobs running or waiting (a gauge for /metrics). */
  get busy(): number {
    return this.queue.length + (this.current === undefined ? 0 : 1);
  }

  /** Runs a job on `body`, which is moved to the worker (unusable here afterwards). */
  run(kind: BatchKind, body: Uint8Array, limits: BatchLimits): Promise<BatchAnswer> {
    if (this.closed) return Promise.resolve(failure(503, 'Service Unavailable', 'the server is stopping'));
    if (this.queue.length >= this.maxQueue) {
      this.stats.rejected++;
      return Promise.resolve(
        failure(
          503,
          'Service Unavailable',
          `${this.busy} analyze/simulate calls are running or waiting; retry shortly`,
        ),
      );
    }
    return new Promise((resolve) => {
      this.queue.push({ message: { id: this.nextId++, kind, body: transferable(body), limits }, resolve });
      this.pump();
    });
  }

  close(): void {
    this.closed = true;
    const waiting = [...this.queue.splice(0), ...(this.current ? [this.current] : [])];
    this.current = undefined;
    this.stopWorker();
    for (const p of waiting) p.resolve(failure(503, 'Service Unavailable', 'the server is stopping'));
  }

  private pump(): void {
    if (this.current !== undefined) return;
    const next = this.queue.shift();
    if (next === undefined) return;
    this.current = next;
    this.stats.jobs++;
    if (this.idle !== undefined) clearTimeout(this.idle);
    this.idle = undefined;
    const worker = this.worker ?? this.startWorker();
    worker.postMessage(next.message, [next.message.body.buffer]);
    // Loading a new worker's modules is not the job's time (seconds from the TypeScript sources
    // on a loaded machine, tens of ms bundled): its own, larger budget applies until it is ready.
    if (this.workerReady) this.armTimer(next);
    else this.timer = setTimeout(() => this.onTimeout(next, 'start'), Math.max(this.timeoutMs, 60_000));
  }

  private armTimer(job: Pending): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onTimeout(job, 'run'), this.timeoutMs);
  }

  private onTimeout(job: Pending, phase: 'start' | 'run'): void {
    this.stats.timeouts++;
    // Ended first, so that the next job starts in a new worker.
    this.stopWorker();
    this.finish(
      phase === 'run'
        ? failure(
            422,
            'Unprocessable Entity',
            `the ${job.message.kind} call did not finish within its time budget of ${this.timeoutMs / 1000} s; send a smaller input or fewer requests`,
          )
        : failure(503, 'Service Unavailable', 'the analysis worker did not start; retry shortly'),
    );
  }

  private startWorker(): Worker {
    const execArgv = workerExecArgv(this.url);
    const worker = new Worker(this.url, {
      ...(execArgv === undefined ? {} : { execArgv }),
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    worker.unref();
    this.workerReady = false;
    worker.on('message', (reply: JobReply) => {
      if ('ready' in reply) {
        if (this.worker !== worker) return;
        this.workerReady = true;
        if (this.current !== undefined) this.armTimer(this.current);
        return;
      }
      if (this.current?.message.id !== reply.id) return;
      this.finish(
        reply.ok
          ? { status: 200, json: reply.json }
          : failure(
              reply.status,
              reply.status === 413
                ? 'Payload Too Large'
                : reply.status === 400
                  ? 'Bad Request'
                  : 'Internal Server Error',
              reply.message,
            ),
      );
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.stats.outOfMemory++;
        this.finish(
          failure(
            413,
            'Payload Too Large',
            `the ${this.current?.message.kind ?? 'analyze/simulate'} call needs more than the ${this.heapMb} MB memory bound of one call; send a smaller input or fewer requests`,
          ),
        );
      } else {
        this.finish(failure(500, 'Internal Server Error', 'internal error (see server log)'));
      }
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.finish(failure(500, 'Internal Server Error', 'the analysis worker stopped unexpectedly'));
    });
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) void worker.terminate();
    if (this.idle !== undefined) clearTimeout(this.idle);
    this.idle = undefined;
  }

  /** Answers the current job (if any), then starts the next or arms the idle timer. */
  private finish(answer: BatchAnswer): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const done = this.current;
    this.current = undefined;
    done?.resolve(answer);
    if (this.closed) return;
    this.pump();
    if (this.current === undefined && this.worker !== undefined && this.idle === undefined) {
      this.idle = setTimeout(() => this.stopWorker(), this.idleMs);
      this.idle.unref();
    }
  }
}
