/**
 * A cheap estimate of the RE2 program size of a pattern, read from its text without compiling it.
 * Compiling is the expensive step for a hostile pattern: re2js took ~1.8 s and ~100 MB to compile
 * `a{1000}` written 140 times (980 characters, 140k instructions). The estimate follows the
 * parser's own size rule (re2js Parser.calcSize: a literal or class is 1, `x*` is 2 + x, `x+` and
 * `x?` are 1 + x, `x{n,m}` is m·x + (m − n), `x{n,}` is 1 + n·x, alternation adds one per `|`,
 * a capture adds 2), so a pattern estimated far above the bound is refused before compiling.
 * It only decides what is worth compiling: the exact bound is the compiled program's size.
 */

/** Sizes past this are all "too big"; keeps the arithmetic far from float precision trouble. */
const CAP = 1e9;

interface Frame {
  /** Sizes of the finished alternatives of this group. */
  readonly alts: number[];
  /** Size of the alternative being read. */
  cur: number;
  /** Size of the last atom (what a following quantifier repeats). */
  last: number;
  readonly capture: boolean;
}

const REPEAT = /^\{(\d+)(,(\d*))?\}/;

function frame(capture: boolean): Frame {
  return { alts: [], cur: 0, last: 0, capture };
}

function atom(f: Frame, size: number): void {
  f.cur = Math.min(CAP, f.cur + size);
  f.last = size;
}

function quantify(f: Frame, sized: (sub: number) => number): void {
  const next = Math.min(CAP, sized(f.last));
  f.cur = Math.min(CAP, f.cur - f.last + next);
  f.last = next;
}

function groupSize(f: Frame): number {
  const parts = [...f.alts, f.cur];
  const sum = parts.reduce((a, b) => a + b, 0) + (parts.length - 1);
  return Math.min(CAP, sum + (f.capture ? 2 : 0));
}

/** Index just past a `[...]` class starting at `i` (RE2 syntax: a leading `]` is literal). */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  while (j < p.length && p[j] !== ']') {
    if (p[j] === '\\') j += 2;
    else if (p.startsWith('[:', j)) j = Math.max(j + 2, p.indexOf(':]', j + 2) + 2);
    else j++;
  }
  return j + 1;
}

/** Index just past the escape starting at `i` (`\pL`, `\p{Greek}`, `\x{41}`, `\x41`, `\Q…\E`). */
function escapeEnd(p: string, i: number): { end: number; size: number } {
  const c = p[i + 1];
  if (c === 'Q') {
    const close = p.indexOf('\\E', i + 2);
    const end = close < 0 ? p.length : close + 2;
    return { end, size: Math.max(1, (close < 0 ? p.length : close) - (i + 2)) };
  }
  if ((c === 'p' || c === 'P' || c === 'x') && p[i + 2] === '{') {
    const close = p.indexOf('}', i + 3);
    return { end: close < 0 ? p.length : close + 1, size: 1 };
  }
  if (c === 'p' || c === 'P') return { end: i + 3, size: 1 };
  if (c === 'x') return { end: i + 4, size: 1 };
  return { end: i + 2, size: 1 };
}

/** The estimated program size of `pattern` (see the header); at most 1e9. */
export function estimateProgramSize(pattern: string): number {
  const stack: Frame[] = [frame(false)];
  const top = (): Frame => stack[stack.length - 1] as Frame;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const { end, size } = escapeEnd(pattern, i);
      atom(top(), size);
      i = end;
    } else if (c === '[') {
      atom(top(), 1);
      i = classEnd(pattern, i);
    } else if (c === '(') {
      if (pattern[i + 1] === '?') {
        // (?flags) sets flags and opens nothing; (?:…), (?flags:…), (?P<n>…), (?<n>…) open a group.
        const close = pattern.slice(i + 2).search(/[:)<]/);
        const at = close < 0 ? pattern.length : i + 2 + close;
        if (pattern[at] === ')') {
          i = at + 1;
          continue;
        }
        const named = pattern[at] === '<';
        stack.push(frame(named));
        i = named ? Math.max(at + 1, pattern.indexOf('>', at) + 1) : at + 1;
      } else {
        stack.push(frame(true));
        i++;
      }
    } else if (c === ')') {
      const done = stack.length > 1 ? stack.pop() : undefined;
      if (done) atom(top(), groupSize(done));
      i++;
    } else if (c === '|') {
      const f = top();
      f.alts.push(f.cur);
      f.cur = 0;
      f.last = 0;
      i++;
    } else if (c === '*') {
      quantify(top(), (x) => 2 + x);
      i += pattern[i + 1] === '?' ? 2 : 1;
    } else if (c === '+' || c === '?') {
      quantify(top(), (x) => 1 + x);
      i += pattern[i + 1] === '?' ? 2 : 1;
    } else if (c === '{' && REPEAT.test(pattern.slice(i, i + 24))) {
      const m = REPEAT.exec(pattern.slice(i, i + 24)) as RegExpExecArray;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
      quantify(top(), (x) =>
        max === -1 ? (min === 0 ? 2 + x : 1 + min * x) : Math.max(1, max * x + (max - min)),
      );
      i += m[0].length;
      if (pattern[i] === '?') i++;
    } else {
      atom(top(), 1);
      i++;
    }
  }
  while (stack.length > 1) {
    const done = stack.pop() as Frame;
    atom(top(), groupSize(done));
  }
  return groupSize(top());
}
