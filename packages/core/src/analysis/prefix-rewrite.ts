/**
 * Check GS333-ReplacePrefixMatchNeedsOnePathPrefix: a RequestRedirect or URLRewrite filter with
 * `path.replacePrefixMatch` in a rule that does not have exactly one match, of type PathPrefix.
 * The CRD refuses such a route (`kubectl apply` fails); a file or the sandbox can carry it, and
 * Gatescope analyses it as written (the simulator leaves the path alone when the winning match
 * is not a PathPrefix one, see matching/filters.ts modifyPath).
 *
 * The rules (apis/v1/httproute_types.go, Gateway API v1.6, `+kubebuilder:validation:XValidation`
 * on HTTPRouteRule), in the CRD's order, with their messages verbatim:
 *
 *   (has(self.filters) && self.filters.exists_one(f, has(f.requestRedirect) &&
 *     has(f.requestRedirect.path) && f.requestRedirect.path.type == 'ReplacePrefixMatch' &&
 *     has(f.requestRedirect.path.replacePrefixMatch)))
 *   ? ((size(self.matches) != 1 || !has(self.matches[0].path) ||
 *       self.matches[0].path.type != 'PathPrefix') ? false : true) : true
 *
 * the same for urlRewrite, and twice more "Within backendRefs": `self.backendRefs.exists_one(b,
 * has(b.filters) && b.filters.exists_one(f, ...))`. `exists_one` is "exactly one", so the rule is
 * checked only when exactly one filter (for backendRefs: exactly one backendRef with exactly one
 * such filter) qualifies — two qualifying filters pass this rule (the CRD refuses a repeated
 * RequestRedirect/URLRewrite on a rule with other rules). Normalize checks what the model cannot
 * show here: an explicit `matches: []` (model/normalize/empty-matches.ts; the model holds the
 * default match) and config fields set against a filter's `type` (normalize/filter-union.ts).
 */
import { diagnose } from '../diagnostics/make.ts';
import type { Diagnostic, Fix } from '../diagnostics/types.ts';
import { REPLACE_PREFIX_MATCH_MESSAGES, type PrefixRewriteFilterType } from '../model/crd-rules.ts';
import { FILTER_CONFIG_FIELD } from '../model/filter-types.ts';
import type { HTTPFilter, HTTPRoute, HTTPRouteRule, Route } from '../model/types.ts';

type PathFilterType = PrefixRewriteFilterType;

const FILTER_TYPES: readonly PathFilterType[] = ['RequestRedirect', 'URLRewrite'];

/**
 * The replacePrefixMatch value when `filter` is a `type` filter with
 * `has(f.<config>.path) && path.type == 'ReplacePrefixMatch' && has(path.replacePrefixMatch)`
 * (normalize keeps a path modifier only when the value its type names is written).
 */
function prefixReplacement(filter: HTTPFilter, type: PathFilterType): string | undefined {
  if (filter.type !== type) return undefined;
  const path = filter.type === 'RequestRedirect' || filter.type === 'URLRewrite' ? filter.path : undefined;
  return path?.type === 'ReplacePrefixMatch' ? path.value : undefined;
}

interface Qualifying {
  /** Field path of the filter, e.g. `spec.rules[0].backendRefs[1].filters[0]`. */
  readonly at: string;
  readonly replacement: string;
}

/** The one filter of the list that qualifies (CEL `exists_one`): none when none or several do. */
function qualifying(filters: readonly HTTPFilter[], at: string, type: PathFilterType): Qualifying[] {
  const found = filters.flatMap((f, i) => {
    const replacement = prefixReplacement(f, type);
    return replacement === undefined ? [] : [{ at: `${at}.filters[${i}]`, replacement }];
  });
  return found.length === 1 ? found : [];
}

/** The one qualifying filter, rule-level or "within backendRefs", if there is one. */
function qualifyingFilter(
  rule: HTTPRouteRule,
  type: PathFilterType,
  scope: 'rule' | 'backendRefs',
): Qualifying | undefined {
  const base = `spec.rules[${rule.index}]`;
  const found =
    scope === 'rule'
      ? qualifying(rule.filters, base, type)
      : rule.backendRefs.flatMap((b) => qualifying(b.filters, `${base}.backendRefs[${b.index}]`, type));
  return found.length === 1 ? found[0] : undefined;
}

/** `size(self.matches) == 1 && self.matches[0].path.type == 'PathPrefix'` (path is defaulted). */
function hasOnePathPrefixMatch(rule: HTTPRouteRule): boolean {
  return rule.matches.length === 1 && rule.matches[0]?.path.type === 'PathPrefix';
}

function describeMatches(rule: HTTPRouteRule): string {
  const list = rule.matches.map((m) => `${m.path.type} ${JSON.stringify(m.path.value)}`);
  return `${rule.matches.length} ${rule.matches.length === 1 ? 'match' : 'matches'} (${list.join(', ')})`;
}

/**
 * An Exact match has nothing after the prefix: ReplacePrefixMatch would turn it into the
 * replacement without its trailing '/' (or "/"), which ReplaceFullPath says directly.
 */
function fullPathFor(replacement: string): string {
  return replacement.replace(/\/+$/, '') || '/';
}

function fixFor(rule: HTTPRouteRule, type: PathFilterType, found: Qualifying): Fix {
  const [only, ...others] = rule.matches;
  if (only !== undefined && others.length === 0) {
    const full = fullPathFor(found.replacement);
    return {
      summary:
        only.path.type === 'Exact'
          ? `For the Exact match on ${JSON.stringify(only.path.value)}, replace the whole path instead: path: {type: ReplaceFullPath, replaceFullPath: ${JSON.stringify(full)}} (the same result), or make the match a PathPrefix match.`
          : `Make the match a PathPrefix match, or replace the whole path instead (path: {type: ReplaceFullPath, replaceFullPath: ...}).`,
    };
  }
  const prefixes = rule.matches
    .filter((m) => m.path.type === 'PathPrefix')
    .map((m) => JSON.stringify(m.path.value));
  const which = prefixes.length > 0 ? ` (${prefixes.join(', ')})` : '';
  return {
    summary: `Split the rule: one rule per PathPrefix match${which}, each with its own copy of the ${type} filter, and the other matches in rules without replacePrefixMatch.`,
  };
}

const REJECTED = 'kubectl apply fails for this route. Gatescope analyses it as written.';

function ruleDiagnostics(route: HTTPRoute, rule: HTTPRouteRule): Diagnostic[] {
  if (hasOnePathPrefixMatch(rule)) return [];
  const out: Diagnostic[] = [];
  for (const scope of ['rule', 'backendRefs'] as const) {
    for (const type of FILTER_TYPES) {
      const found = qualifyingFilter(rule, type, scope);
      if (found === undefined) continue;
      const message =
        `HTTPRoute ${route.meta.namespace}/${route.meta.name}: rule ${rule.index} uses ${type} ` +
        `path.replacePrefixMatch (${found.at}.${FILTER_CONFIG_FIELD[type]}) with ${describeMatches(rule)}; ` +
        `the API server rejects it (HTTPRouteRule validation: ${REPLACE_PREFIX_MATCH_MESSAGES[scope][type]}); ${REJECTED}`;
      const field = `spec.rules[${rule.index}].matches`;
      out.push(
        diagnose('ReplacePrefixMatchNeedsOnePathPrefix', route, message, {
          field,
          fix: fixFor(rule, type, found),
        }),
      );
    }
  }
  return out;
}

/** One diagnostic per broken HTTPRouteRule CEL rule above; other kinds have no such filters. */
export function prefixRewriteDiagnostics(route: Route): Diagnostic[] {
  if (route.kind !== 'HTTPRoute') return [];
  return route.rules.flatMap((rule) => ruleDiagnostics(route, rule));
}
