/**
 * Health from conditions, by the DESIGN.md polarity table: bad when False for Accepted,
 * Programmed, ResolvedRefs, Ready; bad when True for Conflicted, Detached, PartiallyInvalid;
 * Pending/Unknown is "in progress". Gateway API v1.7 adds AddressesAssigned (bad when False; a
 * PartiallyAssigned Gateway still serves on the addresses it got, so a warning) and two warnings
 * when True: OverlappingTLSConfig (listeners) and InsecureFrontendValidationMode (Gateway).
 */
import type { Diagnostic, Severity } from '../diagnostics/types.ts';
import type { Condition } from '../model/types.ts';
import type { Health } from './types.ts';

const POSITIVE = new Set(['Accepted', 'Programmed', 'ResolvedRefs', 'Ready', 'AddressesAssigned']);
const NEGATIVE = new Set(['Conflicted', 'Detached', 'PartiallyInvalid']);
/** True means "works, but look at this": never an error. */
const CAUTION = new Set(['OverlappingTLSConfig', 'InsecureFrontendValidationMode']);

const RANK: Readonly<Record<Health, number>> = { ok: 0, unknown: 1, warning: 2, error: 3 };

/** The worse of two health values (error > warning > unknown > ok). */
export function worse(a: Health, b: Health): Health {
  return RANK[a] >= RANK[b] ? a : b;
}

export function worst(values: Iterable<Health>): Health {
  let result: Health = 'ok';
  for (const value of values) result = worse(result, value);
  return result;
}

export function conditionHealth(condition: Condition): Health {
  if (condition.status === 'Unknown' || condition.reason === 'Pending') return 'unknown';
  if (POSITIVE.has(condition.type)) {
    if (condition.status !== 'False') return 'ok';
    return condition.reason === 'PartiallyAssigned' ? 'warning' : 'error';
  }
  if (CAUTION.has(condition.type)) return condition.status === 'True' ? 'warning' : 'ok';
  if (NEGATIVE.has(condition.type)) {
    // PartiallyInvalid: some rules were dropped, the rest still serves traffic.
    if (condition.status !== 'True') return 'ok';
    return condition.type === 'PartiallyInvalid' ? 'warning' : 'error';
  }
  return 'ok';
}

export function conditionsHealth(conditions: readonly Condition[]): Health {
  return worst(conditions.map(conditionHealth));
}

export function severityHealth(severity: Severity): Health {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'ok';
}

export function diagnosticsHealth(diagnostics: readonly Diagnostic[]): Health {
  return worst(diagnostics.map((d) => severityHealth(d.severity)));
}
