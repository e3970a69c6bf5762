/**
 * Problems the matcher finds while compiling: an invalid RegularExpression never matches and is
 * reported as a diagnostic (never thrown).
 */
import { codeOf } from '../diagnostics/catalogue.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import type { Route } from '../model/types.ts';
import { compileRegex } from './regex.ts';

export const INVALID_REGEX_CODE = codeOf('InvalidRegularExpression');
export const COMPLEX_REGEX_CODE = codeOf('RegularExpressionTooComplex');

function regexProblem(route: Route, field: string, pattern: string): Diagnostic | null {
  const compiled = compileRegex(pattern);
  if (compiled.ok) return null;
  const object = {
    group: route.ref.group,
    kind: route.kind,
    namespace: route.meta.namespace,
    name: route.meta.name,
  };
  if (compiled.tooComplex === true) {
    // Valid RE2: refused by our evaluation bound (regex.ts), which controllers may not share.
    return {
      code: COMPLEX_REGEX_CODE,
      severity: 'warning',
      object,
      field,
      message: `${route.kind} ${route.meta.namespace}/${route.meta.name}: RegularExpression ${JSON.stringify(pattern)} is valid RE2 but too complex to evaluate safely (${compiled.error}); Gatescope treats this match as never matching. Envoy-based controllers may refuse it too (re2.max_program_size).`,
      fix: {
        summary: 'Simplify the pattern: smaller counted repetitions ({n,m}) and fewer nested alternatives.',
      },
    };
  }
  return {
    code: INVALID_REGEX_CODE,
    severity: 'error',
    object,
    field,
    reason: 'UnsupportedValue',
    message: `${route.kind} ${route.meta.namespace}/${route.meta.name}: RegularExpression ${JSON.stringify(pattern)} is not valid RE2 syntax (${compiled.error}); this match never matches.`,
    fix: { summary: 'Rewrite the pattern in RE2 syntax (no backreferences or lookaround).' },
  };
}

export function regexDiagnostics(routes: Iterable<Route>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (d: Diagnostic | null): void => {
    if (d) out.push(d);
  };
  for (const route of routes) {
    if (route.kind === 'HTTPRoute') {
      route.rules.forEach((rule, r) =>
        rule.matches.forEach((m, i) => {
          const at = `spec.rules[${r}].matches[${i}]`;
          if (m.path.type === 'RegularExpression') add(regexProblem(route, `${at}.path.value`, m.path.value));
          m.headers.forEach((h, j) => {
            if (h.type === 'RegularExpression')
              add(regexProblem(route, `${at}.headers[${j}].value`, h.value));
          });
          m.queryParams.forEach((q, j) => {
            if (q.type === 'RegularExpression')
              add(regexProblem(route, `${at}.queryParams[${j}].value`, q.value));
          });
        }),
      );
    } else if (route.kind === 'GRPCRoute') {
      route.rules.forEach((rule, r) =>
        rule.matches.forEach((m, i) => {
          const at = `spec.rules[${r}].matches[${i}]`;
          if (m.method?.type === 'RegularExpression') {
            if (m.method.service !== undefined)
              add(regexProblem(route, `${at}.method.service`, m.method.service));
            if (m.method.method !== undefined)
              add(regexProblem(route, `${at}.method.method`, m.method.method));
          }
          m.headers.forEach((h, j) => {
            if (h.type === 'RegularExpression')
              add(regexProblem(route, `${at}.headers[${j}].value`, h.value));
          });
        }),
      );
    }
  }
  return out;
}
