/**
 * `gatescope serve [--host 127.0.0.1] [--port 7080] [--context NAME ...] [--no-cluster]`:
 * watches the reachable clusters (or serves the demo scenario when none is) and the SPA.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { connect, type ConnectResult } from '../kube/config.ts';
import { buildServer } from '../server.ts';
import { DemoSource } from '../source/demo.ts';
import { LiveSource } from '../source/live.ts';
import { ReprobingSource } from '../source/reprobing.ts';
import type { DataSource } from '../source/types.ts';

export interface ServeIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
export const DEFAULT_WEB_ROOT = join(REPO_ROOT, 'apps/web/dist');
export const DEFAULT_DEMO = join(REPO_ROOT, 'public/scenarios/demo.yaml');

const USAGE = `usage: gatescope serve [--host 127.0.0.1] [--port 7080] [--context NAME ...] [--no-cluster]
  --host HOST         address to listen on (default 127.0.0.1; env GATESCOPE_HOST)
  --port PORT         port (default 7080; env GATESCOPE_PORT; 0 = any free port)
  --context NAME      kube context to watch (repeatable; default: the current context)
  --no-cluster        serve the demo scenario and sandbox only (without it, when no cluster
                      answers, the demo is served and the contexts are tried every 30 s)
  --allowed-host NAME extra Host header to accept (repeatable; env GATESCOPE_ALLOWED_HOSTS, comma-separated)
`;

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly source: DataSource;
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly contexts: readonly string[];
  readonly noCluster: boolean;
  readonly allowedHosts: readonly string[];
  readonly webRoot?: string;
  readonly demoFile?: string;
  /** Demo mode's re-probe interval (default DEMO_REPROBE_MS). */
  readonly reprobeMs?: number;
}

export function parseServeArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ServeOptions | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        context: { type: 'string', multiple: true },
        'no-cluster': { type: 'boolean' },
        'allowed-host': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    return `${(error as Error).message}\n${USAGE}`;
  }
  if (parsed.values.help) return USAGE;
  const portText = parsed.values.port ?? env['GATESCOPE_PORT'] ?? '7080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return `invalid --port ${portText}\n${USAGE}`;
  const envHosts = (env['GATESCOPE_ALLOWED_HOSTS'] ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  return {
    host: parsed.values.host ?? env['GATESCOPE_HOST'] ?? '127.0.0.1',
    port,
    contexts: parsed.values.context ?? [],
    noCluster: parsed.values['no-cluster'] ?? false,
    allowedHosts: [...envHosts, ...(parsed.values['allowed-host'] ?? [])],
  };
}

/** How often demo mode (without --no-cluster) tries the kubeconfig's contexts again. */
export const DEMO_REPROBE_MS = 30_000;

function logContexts(result: ConnectResult, log: (m: string) => void): void {
  for (const ctx of result.contexts) {
    log(
      ctx.reachable
        ? `context ${ctx.name}: ${ctx.server ?? ''} reachable`
        : `context ${ctx.name}: ${ctx.reason ?? 'unreachable'}`,
    );
  }
}

async function startLive(result: ConnectResult, log: (m: string) => void): Promise<LiveSource> {
  const live = new LiveSource({ connections: result.connections, contexts: result.contexts, log });
  await live.start();
  return live;
}

/**
 * Picks the data source: live when a cluster answers, else the demo with the reason logged,
 * which keeps probing and turns live once a cluster answers (unless --no-cluster).
 */
async function chooseSource(options: ServeOptions, log: (m: string) => void): Promise<DataSource> {
  const demoFile = options.demoFile ?? DEFAULT_DEMO;
  if (options.noCluster) return DemoSource.load(demoFile, '--no-cluster: sandbox/demo mode', [], log);
  const result = await connect({ contexts: options.contexts });
  logContexts(result, log);
  if (result.connections.length > 0) return startLive(result, log);
  const reason = result.reason ?? 'no reachable cluster';
  const intervalMs = options.reprobeMs ?? DEMO_REPROBE_MS;
  log(`${reason} → serving demo mode (trying again every ${intervalMs / 1000} s)`);
  const demo = await DemoSource.load(demoFile, reason, result.contexts, log);
  const probe = async (): Promise<DataSource | undefined> => {
    // Quiet while nothing changes: the reason was logged once above.
    const again = await connect({ contexts: options.contexts });
    if (again.connections.length === 0) return undefined;
    logContexts(again, log);
    return startLive(again, log);
  };
  return new ReprobingSource(demo, { probe, intervalMs, log });
}

export async function startServe(options: ServeOptions, log: (m: string) => void): Promise<RunningServer> {
  return serveSource(await chooseSource(options, log), options, log);
}

/**
 * Serves `source` over HTTP. When that fails (port taken, address not available) the source is
 * stopped before the error goes up: a live source's open watches would otherwise keep the process
 * running after `gatescope serve` reported the error.
 */
export async function serveSource(
  source: DataSource,
  options: ServeOptions,
  log: (m: string) => void,
): Promise<RunningServer> {
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (!existsSync(join(webRoot, 'index.html')))
    log(`no built SPA in ${webRoot} (run npm run build:web); serving the API only`);
  const hostNames = options.host === '0.0.0.0' || options.host === '::' ? [] : [options.host];
  let app: FastifyInstance | undefined;
  try {
    app = await buildServer({
      source,
      webRoot,
      allowedHosts: [...hostNames, ...options.allowedHosts],
      // Warnings and failed requests only; the startup story goes through `log`.
      logger: { level: 'warn' },
    });
    const url = await app.listen({ host: options.host, port: options.port });
    const running = app;
    return {
      app: running,
      source,
      url,
      close: async () => {
        source.stop();
        await running.close();
      },
    };
  } catch (error) {
    source.stop();
    await app?.close();
    throw error;
  }
}

export async function runServe(args: string[], io: ServeIO): Promise<number> {
  const options = parseServeArgs(args);
  if (typeof options === 'string') {
    (options === USAGE ? io.stdout : io.stderr)(options);
    return options === USAGE ? 0 : 2;
  }
  const log = (message: string): void => io.stderr(`gatescope: ${message}\n`);
  let running: RunningServer;
  try {
    running = await startServe(options, log);
  } catch (error) {
    io.stderr(`gatescope serve: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout(`Gatescope (${running.source.info().mode}) on ${running.url}\n`);
  return new Promise((done) => {
    const shutdown = (): void => {
      void running.close().then(() => done(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
}
