/**
 * A cheap upper estimate of a document's nesting depth, checked before parsing. The `yaml`
 * package recurses per level; past a few hundred levels it overflows the stack, and in a worker
 * thread that can abort the whole process inside V8's regexp compiler instead of throwing. Real
 * manifests (CRD schemas included) stay far below MAX_NESTING.
 */

export const MAX_NESTING = 200;

const VALUE_START = new Set([':', '-', '[', '{', ',', '?']);

/** Flow nesting: `[`/`{` that open a value (not `x[1]` inside a plain scalar), outside quotes and comments. */
function flowDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let quote = '';
  let previous = '\n'; // last significant character, for "does a value start here"
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '#' && (previous === '\n' || /\s/.test(text[i - 1] ?? '\n'))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
      continue;
    }
    if ((c === '"' || c === "'") && (previous === '\n' || VALUE_START.has(previous))) quote = c;
    else if ((c === '[' || c === '{') && (previous === '\n' || VALUE_START.has(previous))) {
      depth++;
      if (depth > limit) return true;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (c === '\n') previous = '\n';
    else if (c !== ' ' && c !== '\t' && c !== '\r') previous = c;
  }
  return false;
}

/** Block nesting: a stack of indentation levels, plus compact `- - -` sequence entries. */
function blockDepthExceeds(text: string, limit: number): boolean {
  const indents: number[] = [];
  for (const line of text.split('\n')) {
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = line.length - content.length;
    while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop();
    indents.push(indent);
    const compact = /^(?:-[ \t]+)*/.exec(content)?.[0].replace(/[ \t]/g, '').length ?? 0;
    if (indents.length + compact > limit) return true;
  }
  return false;
}

export function nestingExceeds(text: string, limit: number = MAX_NESTING): boolean {
  return flowDepthExceeds(text, limit) || blockDepthExceeds(text, limit);
}
