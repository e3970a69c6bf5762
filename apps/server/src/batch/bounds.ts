/**
 * The checks and trims behind BatchLimits (limits.ts): counted before the expensive stages run
 * (objects and route entries right after parsing), and applied to each simulate result as it is
 * produced, so no call holds more than its bounds at once.
 */
import type { SimResult } from '@gatescope/core/matching/types';
import { isRoute } from '@gatescope/core/model/types';
import type { Snapshot } from '@gatescope/core/model/snapshot';
import { LimitExceeded, type BatchLimits } from './limits.ts';

/** Route table entries of a snapshot (limits.ts, maxRouteEntries). */
export function routeEntries(snapshot: Snapshot): number {
  let total = 0;
  for (const o of snapshot.objects) {
    if (!isRoute(o)) continue;
    let matches = 0;
    for (const rule of o.rules) matches += 'matches' in rule ? Math.max(1, rule.matches.length) : 1;
    total += Math.max(1, o.hostnames.length) * Math.max(1, matches) * Math.max(1, o.parentRefs.length);
  }
  return total;
}

const HOW = 'split the input, or run the CLI with --no-limits on your own machine';

/** Throws LimitExceeded when the input is over the object or route-entry bound. */
export function checkInput(snapshot: Snapshot, limits: BatchLimits): void {
  const objects = snapshot.objects.length;
  if (objects > limits.maxObjects) {
    throw new LimitExceeded(
      `the input has ${objects} objects; at most ${limits.maxObjects} per call (${HOW})`,
    );
  }
  if (limits.maxRouteEntries === Infinity) return;
  const entries = routeEntries(snapshot);
  if (entries > limits.maxRouteEntries) {
    throw new LimitExceeded(
      `the routes expand to ${entries} route table entries (hostnames × matches × parentRefs); at most ${limits.maxRouteEntries} per call (${HOW})`,
    );
  }
}

export function checkRequestCount(count: number, limits: BatchLimits): void {
  if (count > limits.maxRequests) {
    throw new LimitExceeded(`${count} requests; at most ${limits.maxRequests} per call (send several calls)`);
  }
}

/** A line cut to `max` characters: its head and tail, with the count of what was left out. */
function trimLine(line: string, max: number): string {
  if (line.length <= max) return line;
  const keep = Math.max(0, max - 40);
  const head = Math.ceil(keep * 0.75);
  const tail = keep - head;
  return `${line.slice(0, head)} … (${line.length - keep} characters omitted) … ${tail > 0 ? line.slice(-tail) : ''}`;
}

/** The result with its explanation within maxLineChars per line and maxExplanationChars in all. */
export function boundResult(result: SimResult, limits: BatchLimits): SimResult {
  const lines = result.explanation;
  let total = 0;
  let changed = false;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = trimLine(raw, limits.maxLineChars);
    if (line !== raw) changed = true;
    if (total + line.length > limits.maxExplanationChars && out.length > 0) {
      out.push(
        `… ${lines.length - i} more explanation line(s) omitted (bound of ${limits.maxExplanationChars} characters).`,
      );
      changed = true;
      break;
    }
    total += line.length;
    out.push(line);
  }
  return changed ? { ...result, explanation: out } : result;
}

/** Collects JSON text within maxOutputBytes; throws LimitExceeded as soon as it would be over. */
export class OutputBudget {
  private bytes = 0;
  constructor(private readonly limits: BatchLimits) {}

  add(text: string): void {
    this.bytes += Buffer.byteLength(text, 'utf8');
    if (this.bytes > this.limits.maxOutputBytes) {
      throw new LimitExceeded(
        `the results exceed ${Math.round(this.limits.maxOutputBytes / (1024 * 1024))} MB; send fewer requests per call`,
      );
    }
  }
}
