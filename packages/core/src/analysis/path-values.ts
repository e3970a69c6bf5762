/**
 * Check "path value the API server rejects" (GS331-InvalidPathValue). The HTTPPathMatch CRD
 * schema carries CEL rules (`+kubebuilder:validation:XValidation` on HTTPPathMatch in
 * apis/v1/httproute_types.go, Gateway API v1.6) for Exact and PathPrefix values; a route that
 * breaks one never reaches a cluster (`kubectl apply` fails), but a file or the sandbox can carry
 * it. Each broken rule is quoted with the CRD's own message; the fix proposes the nearest value
 * the rules accept. RegularExpression values are checked as RE2 syntax instead (GS330).
 */
import { diagnose } from '../diagnostics/make.ts';
import type { Diagnostic, Fix } from '../diagnostics/types.ts';
import type { HTTPRouteMatch, Route } from '../model/types.ts';

type PathType = HTTPRouteMatch['path']['type'];

const FOR_TYPES = "when type one of ['Exact', 'PathPrefix']";
const VALID_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

/** The CEL rules, in the CRD's order: its message and when the value breaks it. */
const RULES: readonly { readonly message: string; readonly broken: (value: string) => boolean }[] = [
  {
    message: `value must be an absolute path and start with '/' ${FOR_TYPES}`,
    broken: (v) => !v.startsWith('/'),
  },
  ...['//', '/./', '/../', '%2f', '%2F', '#'].map((s) => ({
    message: `must not contain '${s}' ${FOR_TYPES}`,
    broken: (v: string) => v.includes(s),
  })),
  ...['/..', '/.'].map((s) => ({
    message: `must not end with '${s}' ${FOR_TYPES}`,
    broken: (v: string) => v.endsWith(s),
  })),
  {
    message: `must only contain valid characters (matching ${VALID_CHARS.source}) for types ['Exact', 'PathPrefix']`,
    broken: (v) => !VALID_CHARS.test(v),
  },
];

/** The CRD messages of every rule `value` breaks (none for a RegularExpression path). */
export function pathValueViolations(type: PathType, value: string): string[] {
  if (type === 'RegularExpression') return [];
  return RULES.filter((r) => r.broken(value)).map((r) => r.message);
}

/**
 * The nearest value the rules accept, as a proxy would normalise the request path: the fragment
 * dropped, `%2F` read as `/`, other characters percent-encoded (UTF-8), empty and `.` segments
 * dropped, `..` removing the segment before it (RFC 3986 remove_dot_segments), a trailing `/`
 * kept. Undefined when nothing would change.
 */
export function suggestedPathValue(value: string): string | undefined {
  const hash = value.indexOf('#');
  const decoded = (hash < 0 ? value : value.slice(0, hash)).replace(/%2f/gi, '/');
  const segments: string[] = [];
  const parts = encodeInvalid(decoded).split('/');
  for (const part of parts) {
    if (part === '..') segments.pop();
    else if (part !== '' && part !== '.') segments.push(part);
  }
  const last = parts[parts.length - 1] ?? '';
  const trailing = segments.length > 0 && (last === '' || last === '.' || last === '..');
  const out = `/${segments.join('/')}${trailing ? '/' : ''}`;
  return out === value ? undefined : out;
}

/** Percent-encodes (as UTF-8) every character outside the CRD's set; a valid `%XX` is kept. */
function encodeInvalid(value: string): string {
  let out = '';
  for (let i = 0; i < value.length;) {
    if (value[i] === '%' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
      out += value.slice(i, i + 3);
      i += 3;
      continue;
    }
    const code = value.codePointAt(i) ?? 0xfffd;
    const char = String.fromCodePoint(code);
    out += char !== '%' && VALID_CHARS.test(char) ? char : utf8Escapes(code);
    i += char.length;
  }
  return out;
}

/** `%XX` escapes of a code point's UTF-8 bytes (a lone surrogate becomes U+FFFD). */
function utf8Escapes(code: number): string {
  const cp = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
  const bytes =
    cp < 0x80
      ? [cp]
      : cp < 0x800
        ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
        : cp < 0x10000
          ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
          : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

function fixFor(value: string): Fix {
  const suggestion = suggestedPathValue(value);
  const accepted = suggestion !== undefined && pathValueViolations('PathPrefix', suggestion).length === 0;
  return {
    summary: accepted
      ? `Write the path as ${JSON.stringify(suggestion)} (no empty, "." or ".." segments, no "#", "%2F" or unescaped characters); a different value can also change which route wins.`
      : 'Write an absolute path without empty, "." or ".." segments, "#" or "%2F", percent-encoding other characters.',
  };
}

/** One diagnostic per Exact/PathPrefix value of an HTTPRoute that the API server rejects. */
export function pathValueDiagnostics(route: Route): Diagnostic[] {
  if (route.kind !== 'HTTPRoute') return [];
  const out: Diagnostic[] = [];
  for (const rule of route.rules) {
    rule.matches.forEach((m, i) => {
      const broken = pathValueViolations(m.path.type, m.path.value);
      if (broken.length === 0) return;
      const field = `spec.rules[${rule.index}].matches[${i}].path.value`;
      const message =
        `HTTPRoute ${route.meta.namespace}/${route.meta.name}: ${m.path.type} path ${JSON.stringify(m.path.value)} ` +
        `is rejected by the API server (HTTPPathMatch validation: ${broken.join('; ')}); ` +
        'kubectl apply fails for this route. Gatescope analyses it as written.';
      out.push(diagnose('InvalidPathValue', route, message, { field, fix: fixFor(m.path.value) }));
    });
  }
  return out;
}
