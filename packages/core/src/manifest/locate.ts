/**
 * Field positions for normalize diagnostics (`spec.listeners[0].port` → line:column), found only
 * when a diagnostic needs one: the text is parsed again then, so that valid input pays nothing
 * and no event list is kept alive. Locators are attached to the raw objects in a WeakMap, which
 * keeps RawDocument plain, serializable data.
 */
import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';
import type { SourcePos } from '../model/types.ts';
import { nodeStart } from './positions.ts';

export type FieldLocator = (path: string) => SourcePos | undefined;

const locators = new WeakMap<object, FieldLocator>();

/** Where a field of a parsed object is written; undefined when not known. */
export function locateField(object: object, path: string): SourcePos | undefined {
  return locators.get(object)?.(path);
}

export function attachLocator(object: object, locator: FieldLocator): void {
  locators.set(object, locator);
}

/** One text (a file or a chunk of it), parsed again at most once, on the first lookup. */
export class TextLocator {
  private events: Event[] | null | undefined;
  /** Collection events by start offset: the roots objects are looked up by. */
  private roots = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly toPos: (offset: number) => SourcePos,
  ) {}

  forObject(rootOffset: number): FieldLocator {
    return (path) => this.locate(rootOffset, path);
  }

  private load(): Event[] | null {
    if (this.events !== undefined) return this.events;
    try {
      this.events = parseEvents(this.text, { maxDepth: 1000 });
    } catch {
      this.events = null;
      return null;
    }
    this.events.forEach((e, index) => {
      if (e.type !== EVENT_ID.MAPPING && e.type !== EVENT_ID.SEQUENCE) return;
      const start = nodeStart(e);
      if (!this.roots.has(start)) this.roots.set(start, index);
    });
    return this.events;
  }

  private locate(rootOffset: number, path: string): SourcePos | undefined {
    const events = this.load();
    const root = this.roots.get(rootOffset);
    if (events === null || root === undefined) return undefined;
    return this.toPos(walk(events, this.text, root, splitPath(path)));
  }
}

/** `spec.rules[0].matches` → ['spec', 'rules', 0, 'matches']. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (match === null) {
      out.push(part);
      continue;
    }
    if (match[1] !== undefined && match[1] !== '') out.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/** Offset of the deepest node on `path` below the node at `start`. */
function walk(
  events: readonly Event[],
  text: string,
  start: number,
  path: readonly (string | number)[],
): number {
  let node = start;
  let offset = nodeStart(events[node] as Event);
  for (let i = 0; i < path.length; i++) {
    const event = events[node];
    const segment = path[i];
    if (event === undefined || segment === undefined) break;
    if (typeof segment === 'number' && event.type === EVENT_ID.SEQUENCE) {
      const child = seqChild(events, node, segment);
      if (child < 0) break;
      node = child;
      offset = nodeStart(events[node] as Event);
    } else if (event.type === EVENT_ID.MAPPING) {
      // Keys may contain dots (label keys): try the longest run of segments that names a key.
      const found = mapChild(events, text, node, path, i);
      if (found === undefined) break;
      node = found.value;
      offset = found.keyOffset;
      i = found.last;
    } else break;
  }
  return offset;
}

/** Index just after the subtree starting at `i`. */
function skip(events: readonly Event[], i: number): number {
  const type = events[i]?.type;
  if (type !== EVENT_ID.MAPPING && type !== EVENT_ID.SEQUENCE) return i + 1;
  let depth = 0;
  for (let j = i; j < events.length; j++) {
    const t = events[j]?.type;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
    else if (t === EVENT_ID.POP && --depth === 0) return j + 1;
  }
  return events.length;
}

function seqChild(events: readonly Event[], seq: number, index: number): number {
  let j = seq + 1;
  for (let k = 0; k < index; k++) {
    if (events[j]?.type === EVENT_ID.POP || j >= events.length) return -1;
    j = skip(events, j);
  }
  return events[j] === undefined || events[j]?.type === EVENT_ID.POP ? -1 : j;
}

function mapChild(
  events: readonly Event[],
  text: string,
  map: number,
  path: readonly (string | number)[],
  from: number,
): { value: number; keyOffset: number; last: number } | undefined {
  const keys = new Map<string, { value: number; keyOffset: number }>();
  let j = map + 1;
  while (j < events.length && events[j]?.type !== EVENT_ID.POP) {
    const key = events[j] as Event;
    const value = skip(events, j);
    if (key.type === EVENT_ID.SCALAR)
      keys.set(getScalarValue(text, key), { value, keyOffset: nodeStart(key) });
    j = skip(events, value);
  }
  let name = '';
  let best: { value: number; keyOffset: number; last: number } | undefined;
  for (let i = from; i < path.length && typeof path[i] === 'string'; i++) {
    name = i === from ? String(path[i]) : `${name}.${String(path[i])}`;
    const hit = keys.get(name);
    if (hit !== undefined) best = { ...hit, last: i };
  }
  return best;
}
