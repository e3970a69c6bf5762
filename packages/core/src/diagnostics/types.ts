/**
 * Diagnostics are values with stable codes (see catalogue.ts). The core never throws for user
 * data: every problem in the input becomes one of these.
 */
import type { SourcePos } from '../model/types.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticObject {
  readonly group?: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface Fix {
  /** One sentence: what to change. */
  readonly summary: string;
  /** A manifest to apply (e.g. the missing ReferenceGrant). */
  readonly yaml?: string;
  /** A shell command (e.g. `kubectl label namespace ...`). */
  readonly command?: string;
}

export interface Diagnostic {
  /** Stable code, e.g. "GS1001-RefNotPermitted"; see the catalogue. */
  readonly code: string;
  readonly severity: Severity;
  readonly object: DiagnosticObject;
  /** JSON path within the object, e.g. "spec.rules[0].backendRefs[1]". */
  readonly field?: string;
  /** The Gateway API condition reason, when there is one (e.g. "RefNotPermitted"). */
  readonly reason?: string;
  readonly message: string;
  readonly fix?: Fix;
  /** Where in the input, when known (parse issues always have it). */
  readonly source?: SourcePos;
  /** Other objects involved (the missing backend, the listener that refused, ...) as keys. */
  readonly related?: readonly string[];
}
