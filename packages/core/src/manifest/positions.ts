/**
 * Where each document's object, and each item of a List or top-level array, starts: read from
 * js-yaml's event stream (offsets into the chunk), or from JSON text by a small scanner.
 */
import { EVENT_ID, getScalarValue, type Event } from 'js-yaml';

export interface DocPositions {
  /** Offset of the document's root node (-1 for an empty document). */
  start: number;
  /** Items of a top-level sequence, or of the root mapping's `items` sequence (a List). */
  readonly items: number[];
  /** Whether the document uses aliases (then its expansion is checked). */
  aliases: boolean;
  /** Number of events, a measure of the document's written size. */
  events: number;
}

interface Frame {
  readonly kind: 'doc' | 'map' | 'seq';
  readonly depth: number;
  /** Children seen so far (a map alternates key, value). */
  index: number;
  /** This sequence's children are the items we report. */
  readonly collectsItems: boolean;
  /** Root map only: the key just read was `items`. */
  nextIsItems: boolean;
}

/** Where a node's text starts (its anchor or tag when it has one). */
export function nodeStart(event: Event): number {
  switch (event.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return firstOf(event.start, event.anchorStart, event.tagStart);
    case EVENT_ID.SCALAR:
      return firstOf(event.valueStart, event.anchorStart, event.tagStart);
    case EVENT_ID.ALIAS:
      return Math.max(0, event.anchorStart - 1); // the `*`
    default:
      return -1;
  }
}

/** The earliest of a node's offsets (anchor and tag come before the value); -1 means absent. */
function firstOf(value: number, anchor: number, tag: number): number {
  let first = value < 0 ? Number.MAX_SAFE_INTEGER : value;
  if (anchor >= 0 && anchor < first) first = anchor;
  if (tag >= 0 && tag < first) first = tag;
  return first === Number.MAX_SAFE_INTEGER ? 0 : first;
}

export function eventPositions(events: readonly Event[], source: string): DocPositions[] {
  const docs: DocPositions[] = [];
  const stack: Frame[] = [];
  let current: DocPositions = { start: -1, items: [], aliases: false, events: 0 };
  for (const event of events) {
    current.events++;
    if (event.type === EVENT_ID.DOCUMENT) {
      current = { start: -1, items: [], aliases: false, events: 1 };
      docs.push(current);
      stack.push({ kind: 'doc', depth: 0, index: 0, collectsItems: false, nextIsItems: false });
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    if (event.type === EVENT_ID.ALIAS) current.aliases = true;
    const parent = stack.at(-1);
    if (parent === undefined) continue;
    const start = nodeStart(event);
    if (parent.kind === 'doc') current.start = start;
    else if (parent.collectsItems) current.items.push(start);
    const isItemsValue = parent.nextIsItems && parent.index % 2 === 1;
    if (parent.kind === 'map' && parent.depth === 1) {
      parent.nextIsItems =
        parent.index % 2 === 0 && event.type === EVENT_ID.SCALAR && getScalarValue(source, event) === 'items';
    }
    parent.index++;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const kind = event.type === EVENT_ID.MAPPING ? 'map' : 'seq';
      const depth = parent.depth + 1;
      const collectsItems = kind === 'seq' && ((depth === 1 && parent.kind === 'doc') || isItemsValue);
      stack.push({ kind, depth, index: 0, collectsItems, nextIsItems: false });
    }
  }
  return docs;
}

/**
 * The same positions for text JSON.parse accepted: the root value, and the elements of a root
 * array or of the root object's "items" array.
 */
export function jsonPositions(text: string, maxDepth: number): DocPositions & { tooDeepAt?: number } {
  const result: DocPositions & { tooDeepAt?: number } = { start: -1, items: [], aliases: false, events: 0 };
  let depth = 0;
  let collecting = -1; // depth whose elements we record
  let expectValue = false;
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (result.start < 0) result.start = i;
    if (expectValue && depth === collecting) result.items.push(i);
    expectValue = false;
    if (c === 34) {
      const end = stringEnd(text, i);
      if (depth === 1) lastKey = text.slice(i + 1, end);
      i = end;
    } else if (c === 91 || c === 123) {
      depth++;
      if (depth > maxDepth) {
        result.tooDeepAt = i;
        return result;
      }
      if (c === 91 && (depth === 1 || (depth === 2 && lastKey === 'items' && collecting < 0))) {
        collecting = depth;
        expectValue = true;
      }
    } else if (c === 93 || c === 125) {
      if (depth === collecting) collecting = depth === 1 ? -1 : -2; // only the first items array
      depth--;
    } else if (c === 44) {
      expectValue = depth === collecting;
    }
  }
  return result;
}

/** Index of the closing quote of the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34) return i;
    else i++;
  }
  return i;
}
