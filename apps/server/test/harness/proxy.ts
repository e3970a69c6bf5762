/**
 * A TLS-terminating recording proxy in front of the test apiserver. It records what the server
 * under test asks for (method, path, Accept) and the bodies it gets for chosen paths, and it can
 * cut every connection and refuse new ones (a network outage while the apiserver keeps running).
 */
import { createServer, request, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly accept: string;
  status?: number;
  body?: string;
}

export interface ProxyOptions {
  readonly target: string;
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
  /** Paths whose response bodies are kept (up to 1 MB each). */
  readonly keepBodies?: (path: string) => boolean;
}

export class RecordingProxy {
  readonly requests: RecordedRequest[] = [];
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private server: Server | undefined;
  port = 0;

  constructor(private readonly opts: ProxyOptions) {}

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const ca = readFileSync(this.opts.ca);
    const server = createServer(
      { cert: readFileSync(this.opts.cert), key: readFileSync(this.opts.key) },
      (req, res) => {
        const entry: RecordedRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          accept: String(req.headers.accept ?? ''),
        };
        this.requests.push(entry);
        const upstream = request(
          new URL(req.url ?? '/', this.opts.target),
          { method: req.method, headers: { ...req.headers, host: new URL(this.opts.target).host }, ca },
          (up) => {
            entry.status = up.statusCode ?? 0;
            res.writeHead(up.statusCode ?? 502, up.headers);
            if (this.opts.keepBodies?.(entry.path)) {
              const chunks: Buffer[] = [];
              let size = 0;
              up.on('data', (c: Buffer) => {
                size += c.length;
                if (size < 1 << 20) chunks.push(c);
              });
              up.on('end', () => (entry.body = Buffer.concat(chunks).toString('utf8')));
            }
            up.pipe(res);
            up.on('error', () => res.destroy());
          },
        );
        upstream.on('error', () => res.destroy());
        req.on('error', () => upstream.destroy());
        res.on('close', () => upstream.destroy());
        req.pipe(upstream);
      },
    );
    server.on('connection', (socket: Socket) => {
      if (this.cut) {
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Drops every open connection and refuses new ones until restore(). */
  disconnect(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.cut = false;
  }

  async stop(): Promise<void> {
    this.disconnect();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
