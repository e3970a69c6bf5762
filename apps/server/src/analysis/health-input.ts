/**
 * What the main thread sends the health worker: the store's JSON texts copied into one UTF-8
 * buffer (moved to the worker, not copied again), one JSON value per line — JSON text never holds
 * a raw newline:
 *
 *   line 1: the kinds /metrics reports (an array; they decide Secret/ConfigMap visibility)
 *   then, per cluster: a line with the cluster's name (a JSON string), then its objects, one a line
 *
 * The worker parses it a line at a time, so the input never exists as one large string there,
 * and it drops the buffer before the analysis starts (see health-worker.ts).
 */
import type { KindStatus, WireObject } from '@gatescope/core/wire';
import type { ObjectJson } from '../stream/wire-json.ts';

const NEWLINE = 0x0a;

/** The input bytes for these kinds and objects (objects grouped by cluster keep it short). */
export function healthInputBytes(kinds: readonly KindStatus[], objects: readonly ObjectJson[]): Buffer {
  const lines: string[] = [JSON.stringify(kinds)];
  let cluster: string | undefined;
  for (const item of objects) {
    if (item.cluster !== cluster) lines.push(JSON.stringify((cluster = item.cluster)));
    lines.push(item.objectJson);
  }
  let size = lines.length - 1;
  for (const line of lines) size += Buffer.byteLength(line);
  // Its own ArrayBuffer (allocUnsafeSlow: never a slice of Node's shared pool), so it can move.
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) out[at++] = NEWLINE;
    at += out.write(lines[i] as string, at);
  }
  // A miscount would hand the worker uninitialized memory: fail instead (a bug, never user data).
  if (at !== size) throw new Error(`wrote ${at} of ${size} bytes`);
  return out;
}

export interface HealthInput {
  readonly kinds: KindStatus[];
  readonly objects: WireObject[];
}

/** The kinds and objects of input bytes; throws on malformed input (the worker reports it). */
export function readHealthInput(bytes: Uint8Array): HealthInput {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const objects: WireObject[] = [];
  let kinds: KindStatus[] | undefined;
  let cluster: string | undefined;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf(NEWLINE, start);
    const end = newline < 0 ? text.length : newline;
    const value: unknown = JSON.parse(text.toString('utf8', start, end));
    if (kinds === undefined) {
      if (!Array.isArray(value)) throw new Error('health input: the first line is not the kinds');
      kinds = value as KindStatus[];
    } else if (typeof value === 'string') {
      cluster = value;
    } else if (cluster !== undefined && typeof value === 'object' && value !== null) {
      objects.push({ cluster, object: value as Record<string, unknown> });
    } else {
      throw new Error('health input: an object line before any cluster line');
    }
    start = end + 1;
  }
  return { kinds: kinds ?? [], objects };
}
