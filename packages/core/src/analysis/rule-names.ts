/**
 * Check GS344-RuleNameNotUnique: route rule names must be unique within a route. The field doc
 * (apis/v1 HTTPRouteRule.Name and the GRPC/TLS/TCP/UDP rules) says "This name MUST be unique
 * within a Route if it is set"; the CRDs carry the CEL rule, on spec.rules,
 *
 *   self.all(l1, !has(l1.name) || self.exists_one(l2, has(l2.name) && l1.name == l2.name))
 *
 * with the message "Rule name must be unique within the route" (an experimental-channel
 * validation: there the API server refuses the route; standard-channel CRDs store it, and policies
 * or status that name the rule become ambiguous). A file or the sandbox can carry it either way.
 */
import { diagnose } from '../diagnostics/make.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import type { Route } from '../model/types.ts';

export const RULE_NAME_UNIQUE_MESSAGE = 'Rule name must be unique within the route';

export function ruleNameDiagnostics(route: Route): Diagnostic[] {
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const rule of route.rules as readonly { readonly name?: string; readonly index: number }[]) {
    if (rule.name === undefined) continue;
    const earlier = first.get(rule.name);
    if (earlier === undefined) {
      first.set(rule.name, rule.index);
      continue;
    }
    out.push(
      diagnose(
        'RuleNameNotUnique',
        route,
        `${route.kind} ${route.meta.namespace}/${route.meta.name}: spec.rules[${rule.index}].name "${rule.name}" repeats spec.rules[${earlier}].name; the CRD refuses it: "${RULE_NAME_UNIQUE_MESSAGE}".`,
        {
          field: `spec.rules[${rule.index}].name`,
          fix: {
            summary: `Give spec.rules[${rule.index}] a name no other rule of the route uses, or remove it.`,
          },
        },
      ),
    );
  }
  return out;
}
