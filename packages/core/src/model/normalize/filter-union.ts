/**
 * HTTPRouteFilter / GRPCRouteFilter are unions: `type` names the one config field that may be
 * set. The CRD says so with a pair of CEL rules per config field (`+kubebuilder:validation:
 * XValidation` on HTTPRouteFilter in apis/v1/httproute_types.go and on GRPCRouteFilter in
 * grpcroute_types.go, Gateway API v1.6), which the API server evaluates against the written
 * `type`. Their messages, quoted verbatim by `nilMessage` / `specifiedMessage`:
 *
 * - "filter.<field> must be nil if the filter.type is not <Type>"
 * - "filter.<field> must be specified for <Type> filter.type"
 *
 * HTTPRouteFilter has the pair for cors, requestHeaderModifier, responseHeaderModifier,
 * requestMirror, requestRedirect, urlRewrite, extensionRef and (experimental channel)
 * externalAuth; GRPCRouteFilter for requestHeaderModifier, responseHeaderModifier, requestMirror
 * and extensionRef only (its schema has no other config fields, so others are not CEL-checked).
 * Each broken rule is reported at the config field it is about: MissingField when the field named
 * by `type` is absent, InvalidField when a field of another type is set.
 */
import type { Fix } from '../../diagnostics/types.ts';
import { filterFields as unionFields, type FilterOwner } from '../filter-types.ts';
import { join, report, type FieldCtx, type Rec } from './fields.ts';

export type { FilterOwner };

const REJECTED = 'kubectl apply fails for this route';

export function nilMessage(field: string, type: string): string {
  return `filter.${field} must be nil if the filter.type is not ${type}`;
}

export function specifiedMessage(field: string, type: string): string {
  return `filter.${field} must be specified for ${type} filter.type`;
}

function isSet(raw: Rec, key: string): boolean {
  return raw[key] !== undefined && raw[key] !== null;
}

/** The one config field set besides the written type's own one, with its type. */
function otherSet(
  raw: Rec,
  fields: ReadonlyMap<string, string>,
  written: string,
): [string, string] | undefined {
  const set = [...fields].filter(([t, f]) => t !== written && isSet(raw, f));
  return set.length === 1 ? set[0] : undefined;
}

function missingFix(field: string, other: [string, string] | undefined): Fix {
  if (other === undefined) return { summary: `Add ${field} with the filter's settings.` };
  const [type, written] = other;
  return {
    summary: `Set type: ${type} (the settings you wrote are ${written}), or rename ${written} to ${field}.`,
  };
}

function nilFix(
  raw: Rec,
  fields: ReadonlyMap<string, string>,
  field: string,
  type: string,
  written: string,
): Fix {
  const own = fields.get(written);
  if (own === undefined) return { summary: `Set type: ${type}, or remove ${field}.` };
  return {
    summary: isSet(raw, own)
      ? `Remove ${field} (type ${written} uses ${own}), or set type: ${type} and remove ${own}.`
      : `Rename ${field} to ${own} (the field type ${written} uses), or set type: ${type}.`,
  };
}

/**
 * Reports every broken union rule of one filter. `written` is its `type` (undefined when absent:
 * then the required-field report says it all and no rule is evaluated). `ignored` says what
 * Gatescope does with a filter whose own config is missing.
 */
export function checkUnion(
  ctx: FieldCtx,
  raw: Rec,
  path: string,
  owner: FilterOwner,
  written: string | undefined,
  ignored: string,
): void {
  if (written === undefined) return;
  const fields = unionFields(owner);
  for (const [type, field] of fields) {
    const at = join(path, field);
    if (written === type && !isSet(raw, field)) {
      const message = `${specifiedMessage(field, type)} (${REJECTED}; ${ignored})`;
      report(ctx, 'MissingField', at, message, missingFix(field, otherSet(raw, fields, written)));
    }
    if (written !== type && isSet(raw, field)) {
      const message = `${nilMessage(field, type)} (type is ${JSON.stringify(written)}; ${REJECTED}; Gatescope ignores ${field})`;
      report(ctx, 'InvalidField', at, message, nilFix(raw, fields, field, type, written));
    }
  }
}
