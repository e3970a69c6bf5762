/**
 * Text output carries values from manifests (names, hostnames, paths, header values, YAML
 * snippets). Written raw, a value could drive the terminal (ESC sequences that recolour, move
 * the cursor, retitle the window or hide lines with CR) or, in a CI log, start a line with `::`
 * and so issue a GitHub Actions workflow command (`::add-mask::`, `::error::`, `::stop-commands::`).
 * Everything the text formats print goes through here.
 */

/** C0 controls except tab and newline, DEL, C1 controls, bidi overrides and line separators. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(char: string): string {
  const code = char.charCodeAt(0);
  if (char === '\r') return '\\r';
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value on one line: newlines and every control character shown escaped. */
export function oneLine(value: string): string {
  return value.replace(/\n/g, '\\n').replace(UNSAFE, escape);
}

/**
 * A whole block of output: control characters escaped, and no line may start (after blanks)
 * with `::`, which GitHub Actions reads as a workflow command; such a line gets a `\` first.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(UNSAFE, escape)
    .split('\n')
    .map((line) => (/^\s*::/.test(line) ? line.replace(/::/, '\\::') : line))
    .join('\n');
}
