/** Server-Sent Events framing (WHATWG HTML §9.2). JSON has no raw newlines, so one data line. */
import type { StreamEventName } from '@gatescope/core/wire';

export function sseFrame(event: StreamEventName, data: unknown, id?: string): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** `epoch:seq` → parts, or undefined for anything else. */
export function parseEventId(value: string | undefined): { epoch: string; seq: number } | undefined {
  if (value === undefined) return undefined;
  const colon = value.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const seq = Number(value.slice(colon + 1));
  if (!Number.isSafeInteger(seq) || seq < 0) return undefined;
  return { epoch: value.slice(0, colon), seq };
}
