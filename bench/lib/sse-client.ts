/**
 * A minimal SSE client (node:http) for GET /api/events: parses frames as they arrive and hands
 * each `event`/`data` pair to a callback. It stands in for a browser tab in the fan-out bench.
 */
import { request, type ClientRequest } from 'node:http';

export interface SseEvent {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
}

export interface SseConnection {
  /** Resolves when the response headers arrived (status 200). */
  readonly opened: Promise<void>;
  close(): void;
}

export function connectSse(baseUrl: string, onEvent: (event: SseEvent) => void): SseConnection {
  let req: ClientRequest | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    req = request(`${baseUrl}/api/events`, { headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`GET /api/events answered ${res.statusCode}`));
        res.resume();
        return;
      }
      resolve();
      res.setEncoding('utf8');
      const frames = new FrameSplitter();
      res.on('data', (chunk: string) => {
        for (const frame of frames.push(chunk)) {
          const parsed = parseFrame(frame);
          if (parsed !== null) onEvent(parsed);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
  return { opened, close: () => req?.destroy() };
}

/**
 * Splits a stream of text into SSE frames (separated by a blank line). Only new text is searched
 * and a frame is joined once: a snapshot frame can be tens of megabytes in hundreds of chunks.
 */
export class FrameSplitter {
  private parts: string[] = [];
  /** The text held so far ends with a newline: a boundary may straddle two chunks. */
  private endsWithNewline = false;

  push(chunk: string): string[] {
    const frames: string[] = [];
    let rest = chunk;
    for (;;) {
      if (this.endsWithNewline && rest.startsWith('\n')) {
        frames.push(this.parts.join('').slice(0, -1));
        rest = rest.slice(1);
      } else {
        const boundary = rest.indexOf('\n\n');
        if (boundary < 0) break;
        frames.push(this.parts.join('') + rest.slice(0, boundary));
        rest = rest.slice(boundary + 2);
      }
      this.parts = [];
      this.endsWithNewline = false;
    }
    if (rest !== '') {
      this.parts.push(rest);
      this.endsWithNewline = rest.endsWith('\n');
    }
    return frames;
  }
}

function parseFrame(frame: string): SseEvent | null {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? null : { event, id, data: data.join('\n') };
}
