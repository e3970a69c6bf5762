/**
 * An explicit `matches: []` on an HTTPRouteRule. The CRD's default
 * (`+kubebuilder:default={{path:{ type: "PathPrefix", value: "/"}}}`) is applied by the API server
 * only when the field is absent (or null); an empty list is stored as written. For matching the
 * two mean the same: "If no matches are specified, the default is a prefix path match on "/",
 * which has the effect of matching every HTTP request" (HTTPRouteRule.Matches, apis/v1/
 * httproute_types.go), so normalize gives both the default match.
 *
 * They differ for the four HTTPRouteRule CEL rules on `path.replacePrefixMatch`, which test
 * `size(self.matches) != 1` on the stored value: with `matches: []` a rule whose filters qualify
 * is rejected, where the same rule without `matches` is accepted. The model can no longer tell
 * the two apart (analysis GS333 sees the default match), so this is checked here, on the raw rule,
 * with the rules' `exists_one` semantics and messages verbatim (same rules as analysis/
 * prefix-rewrite.ts).
 */
import { REPLACE_PREFIX_MATCH_MESSAGES } from '../crd-rules.ts';
import { FILTER_CONFIG_FIELD } from '../filter-types.ts';
import { isRec, join, report, type FieldCtx, type Rec } from './fields.ts';

type ConfigField = (typeof FILTER_CONFIG_FIELD)['RequestRedirect' | 'URLRewrite'];

const { RequestRedirect: REDIRECT, URLRewrite: REWRITE } = FILTER_CONFIG_FIELD;

const MESSAGES: readonly [ConfigField, 'rule' | 'backendRefs', string][] = [
  [REDIRECT, 'rule', REPLACE_PREFIX_MATCH_MESSAGES.rule.RequestRedirect],
  [REWRITE, 'rule', REPLACE_PREFIX_MATCH_MESSAGES.rule.URLRewrite],
  [REDIRECT, 'backendRefs', REPLACE_PREFIX_MATCH_MESSAGES.backendRefs.RequestRedirect],
  [REWRITE, 'backendRefs', REPLACE_PREFIX_MATCH_MESSAGES.backendRefs.URLRewrite],
];

function has(obj: Rec, key: string): boolean {
  return obj[key] !== undefined && obj[key] !== null;
}

function records(value: unknown): Rec[] {
  return Array.isArray(value) ? value.filter(isRec) : [];
}

/** `has(f.<field>) && has(f.<field>.path) && path.type == 'ReplacePrefixMatch' && has(path.replacePrefixMatch)` */
function rewritesPrefix(f: Rec, field: ConfigField): boolean {
  const config = f[field];
  const path = isRec(config) ? config['path'] : undefined;
  return isRec(path) && path['type'] === 'ReplacePrefixMatch' && has(path, 'replacePrefixMatch');
}

/** `filters.exists_one(f, rewritesPrefix(f))` */
function exactlyOne(filters: unknown, field: ConfigField): boolean {
  return records(filters).filter((f) => rewritesPrefix(f, field)).length === 1;
}

function breaks(rule: Rec, field: ConfigField, level: 'rule' | 'backendRefs'): boolean {
  if (level === 'rule') return exactlyOne(rule['filters'], field);
  return records(rule['backendRefs']).filter((b) => exactlyOne(b['filters'], field)).length === 1;
}

/** Reports each replacePrefixMatch rule an explicit `matches: []` breaks, at `<path>.matches`. */
export function checkEmptyMatches(ctx: FieldCtx, rule: Rec, path: string): void {
  const matches = rule['matches'];
  if (!Array.isArray(matches) || matches.length > 0) return;
  for (const [field, level, cel] of MESSAGES) {
    if (!breaks(rule, field, level)) continue;
    const message =
      `${cel} (matches: [] is stored as written, only an absent list gets the default PathPrefix "/" match, ` +
      'so this rule has 0 matches; kubectl apply fails for this route; Gatescope matches it like the default)';
    report(ctx, 'InvalidField', join(path, 'matches'), message, {
      summary:
        'Remove matches: [] (an absent list becomes one PathPrefix "/" match), or write the one PathPrefix match whose prefix is replaced.',
    });
  }
}
