/**
 * Line/column lookup and document splitting done by us rather than by the YAML parser, so that
 * one broken document cannot swallow the next: an unterminated quote or flow collection makes
 * the `yaml` package read on past `---`, but YAML 1.1/1.2 forbid a document marker at column 0
 * inside any scalar or collection, so splitting there first is exact.
 */

export interface Chunk {
  /** Offset of the chunk in the whole text. */
  readonly start: number;
  readonly text: string;
}

const DOC_START = /^---(?:[ \t\r]|$)/;

export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (lineStart > chunkStart && text.startsWith('---', lineStart)) {
      if (DOC_START.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 4)))) {
        chunks.push({ start: chunkStart, text: text.slice(chunkStart, lineStart) });
        chunkStart = lineStart;
      }
    }
    lineStart = lineEnd + 1;
  }
  chunks.push({ start: chunkStart, text: text.slice(chunkStart) });
  return chunks;
}

/** 1-based line and column of an offset (binary search over line starts). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}
