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
      let buffer = '';
      res.on('data', (chunk: string) => {
        // Search only the new text (a snapshot frame can be megabytes long).
        const from = Math.max(0, buffer.length - 1);
        buffer += chunk;
        let end = buffer.indexOf('\n\n', from);
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const parsed = parseFrame(frame);
          if (parsed !== null) onEvent(parsed);
          end = buffer.indexOf('\n\n');
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
  return { opened, close: () => req?.destroy() };
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
