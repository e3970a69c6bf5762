/**
 * Check "path value the API server rejects" (GS331-InvalidPathValue, GS332-InvalidPathModifierValue).
 * A route that breaks its CRD schema never reaches a cluster (`kubectl apply` fails), but a file or
 * the sandbox can carry it; Gatescope analyses it as written and says so.
 *
 * GS331, HTTPPathMatch (apis/v1/httproute_types.go, Gateway API v1.6): `value` has
 * `+kubebuilder:validation:MaxLength=1024` (every type), and CEL rules
 * (`+kubebuilder:validation:XValidation`) for Exact and PathPrefix values. Each broken CEL rule is
 * quoted with the CRD's own message; the fix proposes the nearest value the rules accept.
 * RegularExpression values are checked as RE2 syntax as well (GS330).
 *
 * GS332, HTTPPathModifier (RequestRedirect and URLRewrite `path`, on a rule or on a backendRef):
 * `replaceFullPath` and `replacePrefixMatch` have `MaxLength=1024` and no rule on their content —
 * no leading '/' is required (upstream pkg/test/cel accepts `replaceFullPath: path`) and
 * `replacePrefixMatch: ""` is documented — so only the length is checked there. GRPCRoute has no
 * path fields (GRPCRouteFilter has no RequestRedirect/URLRewrite; GRPCMethodMatch has no path).
 */
import { diagnose } from '../diagnostics/make.ts';
import type { Diagnostic, Fix } from '../diagnostics/types.ts';
import { FILTER_CONFIG_FIELD } from '../model/filter-types.ts';
import type {
  HTTPBackendRef,
  HTTPFilter,
  HTTPRoute,
  HTTPRouteMatch,
  PathModifier,
  Route,
} from '../model/types.ts';

type PathType = HTTPRouteMatch['path']['type'];

/** `+kubebuilder:validation:MaxLength=1024` on HTTPPathMatch.value and both HTTPPathModifier values. */
export const MAX_PATH_LENGTH = 1024;

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

/**
 * Length as the API server counts it for `maxLength`: characters (code points; kube-openapi's
 * validate.MaxLength counts runes), not UTF-16 units or bytes.
 */
export function pathLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * The schema's maxLength, in our words: the API server's wording for it differs between
 * Kubernetes versions, so unlike the CEL messages it is not quoted.
 */
function tooLong(value: string): string[] {
  const n = pathLength(value);
  return n > MAX_PATH_LENGTH ? [`may not be longer than ${MAX_PATH_LENGTH} characters (it has ${n})`] : [];
}

/**
 * The CRD messages of every rule `value` breaks: the CEL rules for Exact and PathPrefix (none
 * for RegularExpression), then the maxLength every type has.
 */
export function pathValueViolations(type: PathType, value: string): string[] {
  const cel = type === 'RegularExpression' ? [] : RULES.filter((r) => r.broken(value)).map((r) => r.message);
  return [...cel, ...tooLong(value)];
}

/** What HTTPPathModifier's schema says about a replaceFullPath/replacePrefixMatch value. */
export function pathModifierViolations(value: string): string[] {
  return tooLong(value);
}

/** The value as a message shows it: quoted, an over-long one cut short (the message stays readable). */
function shown(value: string): string {
  const chars = [...value];
  return chars.length <= 80 ? JSON.stringify(value) : `${JSON.stringify(chars.slice(0, 60).join(''))}…`;
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
  if (accepted) {
    return {
      summary: `Write the path as ${JSON.stringify(suggestion)} (no empty, "." or ".." segments, no "#", "%2F" or unescaped characters); a different value can also change which route wins.`,
    };
  }
  const short = pathLength(value) > MAX_PATH_LENGTH ? `, at most ${MAX_PATH_LENGTH} characters long` : '';
  return {
    summary: `Write an absolute path without empty, "." or ".." segments, "#" or "%2F", percent-encoding other characters${short}.`,
  };
}

const REJECTED = 'kubectl apply fails for this route. Gatescope analyses it as written.';

function matchDiagnostics(route: HTTPRoute): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of route.rules) {
    rule.matches.forEach((m, i) => {
      const broken = pathValueViolations(m.path.type, m.path.value);
      if (broken.length === 0) return;
      const field = `spec.rules[${rule.index}].matches[${i}].path.value`;
      // A RegularExpression value only breaks the length: no path to propose, just shorter.
      const fix: Fix =
        m.path.type === 'RegularExpression'
          ? { summary: `Shorten the regular expression to at most ${MAX_PATH_LENGTH} characters.` }
          : fixFor(m.path.value);
      const message =
        `HTTPRoute ${route.meta.namespace}/${route.meta.name}: ${m.path.type} path ${shown(m.path.value)} ` +
        `is rejected by the API server (HTTPPathMatch validation: ${broken.join('; ')}); ${REJECTED}`;
      out.push(diagnose('InvalidPathValue', route, message, { field, fix }));
    });
  }
  return out;
}

/** The `path` of a RequestRedirect or URLRewrite filter with the field name it is written under. */
function modifierOf(filter: HTTPFilter): { field: string; path: PathModifier } | undefined {
  if ((filter.type === 'RequestRedirect' || filter.type === 'URLRewrite') && filter.path !== undefined)
    return { field: FILTER_CONFIG_FIELD[filter.type], path: filter.path };
  return undefined;
}

/**
 * Filter lists with the field path of each: the rule's own, then each backendRef's. A filter's
 * index is its place in the normalized list, which is the written one unless normalize dropped
 * an earlier malformed filter (that one has its own parse diagnostic).
 */
function filterLists(route: HTTPRoute): { at: string; filters: readonly HTTPFilter[] }[] {
  return route.rules.flatMap((rule) => [
    { at: `spec.rules[${rule.index}]`, filters: rule.filters },
    ...rule.backendRefs.map((b: HTTPBackendRef) => ({
      at: `spec.rules[${rule.index}].backendRefs[${b.index}]`,
      filters: b.filters,
    })),
  ]);
}

function modifierDiagnostics(route: HTTPRoute): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { at, filters } of filterLists(route)) {
    filters.forEach((filter, i) => {
      const mod = modifierOf(filter);
      if (mod === undefined) return;
      const broken = pathModifierViolations(mod.path.value);
      if (broken.length === 0) return;
      const key = mod.path.type === 'ReplaceFullPath' ? 'replaceFullPath' : 'replacePrefixMatch';
      const field = `${at}.filters[${i}].${mod.field}.path.${key}`;
      const message =
        `HTTPRoute ${route.meta.namespace}/${route.meta.name}: ${filter.type} ${key} ${shown(mod.path.value)} ` +
        `is rejected by the API server (HTTPPathModifier validation: ${broken.join('; ')}); ${REJECTED}`;
      const fix: Fix = {
        summary: `Shorten ${key} to at most ${MAX_PATH_LENGTH} characters.`,
      };
      out.push(diagnose('InvalidPathModifierValue', route, message, { field, fix }));
    });
  }
  return out;
}

/**
 * One diagnostic per HTTPRoute path value the API server rejects: match values (GS331), then
 * RequestRedirect/URLRewrite path values on rules and backendRefs (GS332). Other kinds have none.
 */
export function pathValueDiagnostics(route: Route): Diagnostic[] {
  if (route.kind !== 'HTTPRoute') return [];
  return [...matchDiagnostics(route), ...modifierDiagnostics(route)];
}
