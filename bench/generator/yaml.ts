/**
 * A minimal, fast YAML emitter for the generator's plain objects (strings, numbers, booleans,
 * arrays, records). The `yaml` package's stringify is too slow for 100k-route bundles, and the
 * output only has to be valid block YAML that kubectl and our parser read the same way.
 */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

// Plain scalars that YAML 1.1 or 1.2 would read as something other than a string.
const RESERVED =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
const SAFE_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (SAFE_PLAIN.test(value) && !RESERVED.test(value)) return value;
  return JSON.stringify(value);
}

function key(name: string): string {
  return SAFE_PLAIN.test(name) && !RESERVED.test(name) ? name : JSON.stringify(name);
}

function isEmptyCollection(value: Json): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function emit(value: Json, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value as readonly Json[]) {
      if (typeof item === 'object' && item !== null && !isEmptyCollection(item)) {
        const lines: string[] = [];
        emit(item, indent + '  ', lines);
        const first = lines[0] ?? '';
        out.push(`${indent}- ${first.slice(indent.length + 2)}`, ...lines.slice(1));
      } else {
        out.push(`${indent}- ${inline(item)}`);
      }
    }
    return;
  }
  for (const [name, child] of Object.entries(value as Record<string, Json>)) {
    if (typeof child === 'object' && child !== null && !isEmptyCollection(child)) {
      out.push(`${indent}${key(name)}:`);
      emit(child, Array.isArray(child) ? indent : indent + '  ', out);
    } else {
      out.push(`${indent}${key(name)}: ${inline(child)}`);
    }
  }
}

function inline(value: Json): string {
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object' && value !== null) return '{}';
  return scalar(value);
}

export function toYamlDocument(object: Json): string {
  const out: string[] = [];
  emit(object, '', out);
  return out.join('\n');
}

/** A multi-document YAML stream, one `---` separated document per object. */
export function toYamlStream(objects: readonly Json[]): string {
  return objects.map((o) => `---\n${toYamlDocument(o)}\n`).join('');
}
