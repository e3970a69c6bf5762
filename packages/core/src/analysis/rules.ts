/**
 * Stage "rules": rules a controller must drop (apis/v1 shared_types.go RouteConditionReason):
 * a filter type it does not implement (UnsupportedValue) or RequestRedirect together with
 * URLRewrite in one rule (IncompatibleFilters). When some rules are dropped the route gets
 * PartiallyInvalid=True on its accepted parents; when all are, it is not accepted at all.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import { regexDiagnostics } from '../matching/diagnostics.ts';
import type { HTTPFilter, Route } from '../model/types.ts';
import type { ParentEval } from './attach.ts';
import { pathValueDiagnostics } from './path-values.ts';
import { prefixRewriteDiagnostics } from './prefix-rewrite.ts';
import { ruleNameDiagnostics } from './rule-names.ts';

export interface RuleValidity {
  readonly invalid: number;
  readonly total: number;
  readonly reason: string;
  readonly message: string;
}

function filtersOf(route: Route, ruleIndex: number): { filters: readonly HTTPFilter[]; field: string }[] {
  const rule = route.rules[ruleIndex];
  if (rule === undefined || !('filters' in rule)) return [];
  const base = `spec.rules[${ruleIndex}]`;
  return [
    { filters: rule.filters, field: `${base}.filters` },
    ...rule.backendRefs.map((b) => ({
      filters: b.filters,
      field: `${base}.backendRefs[${b.index}].filters`,
    })),
  ];
}

function ruleProblem(
  route: Route,
  ruleIndex: number,
): { reason: string; message: string; field: string } | null {
  for (const { filters, field } of filtersOf(route, ruleIndex)) {
    for (const [i, f] of filters.entries()) {
      if (f.type === 'Unknown') {
        return {
          reason: 'UnsupportedValue',
          message: `filter type "${f.name}" is not supported`,
          field: `${field}[${i}]`,
        };
      }
    }
  }
  const ruleFilters = filtersOf(route, ruleIndex)[0]?.filters ?? [];
  if (
    ruleFilters.some((f) => f.type === 'RequestRedirect') &&
    ruleFilters.some((f) => f.type === 'URLRewrite')
  ) {
    return {
      reason: 'IncompatibleFilters',
      message: 'RequestRedirect and URLRewrite cannot be used in the same rule',
      field: `spec.rules[${ruleIndex}].filters`,
    };
  }
  return null;
}

export function checkRules(
  routes: readonly Route[],
  parents: ParentEval[],
  out: Diagnostic[],
): Map<string, RuleValidity> {
  const result = new Map<string, RuleValidity>();
  for (const route of routes) {
    // Bounded evaluation needs RE2 syntax: a pattern outside it never matches (matching/regex.ts).
    out.push(...regexDiagnostics([route]));
    // Values the CRD's CEL rules refuse: only a file or the sandbox can carry them.
    out.push(...pathValueDiagnostics(route));
    out.push(...prefixRewriteDiagnostics(route));
    out.push(...ruleNameDiagnostics(route));
    const problems = route.rules.flatMap((r) => {
      const p = ruleProblem(route, r.index);
      return p === null ? [] : [{ index: r.index, ...p }];
    });
    const first = problems[0];
    if (first === undefined) continue;
    const all = problems.length === route.rules.length;
    const label = `${route.kind} ${route.meta.namespace}/${route.meta.name}`;
    for (const p of problems) {
      out.push(
        diagnose(
          'RouteRuleInvalid',
          route,
          `${label}: rule ${p.index} is dropped: ${p.message}${all ? '; no valid rule is left, so the route is not accepted' : ' (the route is PartiallyInvalid)'}.`,
          {
            field: p.field,
            severity: all ? 'error' : 'warning',
            fix: {
              summary:
                p.reason === 'IncompatibleFilters'
                  ? 'Use either RequestRedirect or URLRewrite in a rule, not both.'
                  : 'Remove the filter or use one your implementation supports.',
            },
          },
        ),
      );
    }
    const validity = {
      invalid: problems.length,
      total: route.rules.length,
      reason: first.reason,
      message: `Rule ${first.index}: ${first.message}.`,
    };
    result.set(route.key, validity);
    if (!all) continue;
    for (const p of parents) {
      if (p.route.key === route.key && p.outcome.kind === 'accepted') {
        p.outcome = { kind: 'rejected', reason: first.reason, message: `No valid rule: ${validity.message}` };
      }
    }
  }
  return result;
}
