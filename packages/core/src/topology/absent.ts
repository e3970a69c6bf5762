/**
 * "Absent is not missing" on the canvas (analysis/absent.ts). The predicted status of an object
 * whose reference is only not in the input says what a controller would write if the target were
 * really missing (ResolvedRefs=False, ...), but the analysis is not sure of that, and neither may
 * the graph be: such a failure is drawn as unknown (grey), not error (red), and the target's
 * ghost is "not in the input", not "not found". With `--absent error` (or a live cluster, where
 * the kind is complete) the diagnostics are errors and everything stays red.
 */
import { isAbsentCode } from '../analysis/absent.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { worse } from './health.ts';
import type { Health } from './types.ts';

function absentHealth(d: Diagnostic): Health {
  return d.severity === 'error' ? 'error' : 'unknown';
}

/**
 * The objects referenced but not in the input (the related keys of the not-in-the-input
 * diagnostics), with the health their absence gives: unknown, or error when absent references
 * are configured to be errors. Related objects that are in the input are left out: a
 * NamespaceNotInInput names the Gateway whose selector needs the labels, a ServiceExportNotInInput
 * the ServiceImport, and neither of those is absent.
 */
export function absentTargets(
  diagnostics: readonly Diagnostic[],
  inInput: (key: string) => boolean,
): Map<string, Health> {
  const targets = new Map<string, Health>();
  for (const d of diagnostics) {
    if (!isAbsentCode(d.code)) continue;
    for (const key of d.related ?? []) {
      if (inInput(key)) continue;
      const known = targets.get(key);
      targets.set(key, known === undefined ? absentHealth(d) : worse(known, absentHealth(d)));
    }
  }
  return targets;
}

/**
 * An object's health from its predicted conditions when all it has against it is references not
 * in the input: no error diagnostic, at least one not-in-the-input one. Then a failing condition
 * is a guess, so error becomes unknown; anything else keeps the conditions' verdict.
 */
export function unlessOnlyAbsent(conditionHealth: Health, diagnostics: readonly Diagnostic[]): Health {
  if (conditionHealth !== 'error') return conditionHealth;
  const guessed =
    diagnostics.some((d) => isAbsentCode(d.code)) && !diagnostics.some((d) => d.severity === 'error');
  return guessed ? 'unknown' : conditionHealth;
}
