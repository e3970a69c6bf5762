/**
 * HTTPPathModifier (RequestRedirect and URLRewrite `path`; apis/v1/httproute_types.go, Gateway
 * API v1.6). `type` is required and names the one value field that may be set; the CRD says so
 * with four CEL rules (`+kubebuilder:validation:XValidation` on HTTPPathModifier), quoted here:
 *
 * - "replaceFullPath must be specified when type is set to 'ReplaceFullPath'"
 * - "type must be 'ReplaceFullPath' when replaceFullPath is set"
 * - "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'"
 * - "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set"
 *
 * Each broken rule is reported at the value field it is about (MissingField when the field named
 * by `type` is absent, InvalidField when the other one is set). The model keeps the modifier only
 * when it has the value its type names: a modifier without one is dropped (the redirect or rewrite
 * then leaves the path alone) instead of replacing the path with an empty value.
 */
import type { Fix } from '../../diagnostics/types.ts';
import type { PathModifier } from '../types.ts';
import { join, report, str, type FieldCtx, type Rec } from './fields.ts';

type ModifierType = PathModifier['type'];

const TYPES: readonly ModifierType[] = ['ReplaceFullPath', 'ReplacePrefixMatch'];

/** The value field each type names (`type: ReplaceFullPath` → `replaceFullPath`). */
const FIELD: Readonly<Record<ModifierType, string>> = {
  ReplaceFullPath: 'replaceFullPath',
  ReplacePrefixMatch: 'replacePrefixMatch',
};

const REJECTED = 'kubectl apply fails for this route';

function isSet(raw: Rec, key: string): boolean {
  return raw[key] !== undefined && raw[key] !== null;
}

/** What to change when `field` is set but `type` names something else. */
function mismatchFix(raw: Rec, field: string, type: ModifierType, written: string): Fix {
  const meant = TYPES.find((t) => t === written);
  if (meant === undefined) return { summary: `Set type: ${type}.` };
  const own = FIELD[meant];
  return {
    summary: isSet(raw, own)
      ? `Remove ${field} (type ${meant} uses ${own}), or set type: ${type} and remove ${own}.`
      : `Rename ${field} to ${own} (the field type ${meant} uses), or set type: ${type}.`,
  };
}

/**
 * The two CEL rules about one value field, evaluated as the API server does against the written
 * `type` (so an unknown type breaks the "type must be" rule of every value field that is set).
 */
function checkField(ctx: FieldCtx, raw: Rec, path: string, written: string, type: ModifierType): void {
  const field = FIELD[type];
  const at = join(path, field);
  if (written === type && !isSet(raw, field)) {
    const message = `${field} must be specified when type is set to '${type}' (${REJECTED}; Gatescope ignores this path modifier)`;
    report(ctx, 'MissingField', at, message, {
      summary: `Add ${field} with the path to use, or set the type that matches the value you wrote.`,
    });
  }
  if (written !== type && isSet(raw, field)) {
    const message = `type must be '${type}' when ${field} is set (type is ${JSON.stringify(written)}; ${REJECTED})`;
    report(ctx, 'InvalidField', at, message, mismatchFix(raw, field, type, written));
  }
}

/**
 * Without a valid `type` (required) the one value field that is set says what was meant; with
 * both or neither there is nothing to apply.
 */
function inferredType(raw: Rec): ModifierType | undefined {
  const set = TYPES.filter((t) => isSet(raw, FIELD[t]));
  return set.length === 1 ? set[0] : undefined;
}

/** The written `type` when it is one of the enum's values; anything else is reported. */
function knownType(ctx: FieldCtx, path: string, written: string | undefined): ModifierType | undefined {
  const at = join(path, 'type');
  if (written === undefined) {
    report(ctx, 'MissingField', at, 'is required');
    return undefined;
  }
  const known = TYPES.find((t) => t === written);
  if (known === undefined) report(ctx, 'InvalidField', at, `"${written}" is not one of ${TYPES.join(', ')}`);
  return known;
}

export function pathModifier(ctx: FieldCtx, raw: Rec | undefined, path: string): PathModifier | undefined {
  if (raw === undefined) return undefined;
  const written = str(ctx, raw, 'type', path);
  const known = knownType(ctx, path, written);
  if (written !== undefined) for (const t of TYPES) checkField(ctx, raw, path, written, t);
  const type = known ?? inferredType(raw);
  if (type === undefined) return undefined;
  const value = str(ctx, raw, FIELD[type], path);
  return value === undefined ? undefined : { type, value };
}
