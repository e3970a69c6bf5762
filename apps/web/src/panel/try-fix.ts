/**
 * "Try this fix": a diagnostic's proposed YAML applied as a what-if, with a way back. On the
 * topology page it is an overlay over the current source (the engine's what-if, which also marks
 * changed nodes); in the sandbox it is appended to the sandbox YAML. One trial at a time.
 */
import { useSyncExternalStore } from 'react';
import type { Diagnostic } from '@gatescope/core';

export interface TrialFix {
  readonly diagnostic: Diagnostic;
  /** The result revision the trial was applied on: later revisions show its effect. */
  readonly revision: number;
  readonly errorsBefore: number;
  readonly where: 'overlay' | 'sandbox';
  readonly revert: () => void;
}

let trial: TrialFix | null = null;
const listeners = new Set<() => void>();

export function setTrialFix(next: TrialFix | null): void {
  trial = next;
  for (const listener of listeners) listener();
}

export function getTrialFix(): TrialFix | null {
  return trial;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTrialFix(): TrialFix | null {
  return useSyncExternalStore(subscribe, getTrialFix, getTrialFix);
}

/** Same check on the same object: the diagnostic the trial is meant to clear. */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.object.kind === b.object.kind &&
    a.object.namespace === b.object.namespace &&
    a.object.name === b.object.name &&
    (a.field ?? '') === (b.field ?? '')
  );
}

export function joinYaml(a: string, b: string): string {
  if (a.trim() === '') return b;
  return `${a.replace(/\n*$/, '\n')}---\n${b}`;
}
