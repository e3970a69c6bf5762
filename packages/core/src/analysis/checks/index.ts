/** Stage "checks": whole-picture checks that read the finished analysis. */
import type { Diagnostic } from '../../diagnostics/types.ts';
import type { ParentEval } from '../attach.ts';
import type { AnalysisContext } from '../context.ts';
import type { Analysis } from '../types.ts';

export type PartialAnalysis = Omit<Analysis, 'diagnostics'>;

export function runChecks(
  _ctx: AnalysisContext,
  _analysis: PartialAnalysis,
  _parents: readonly ParentEval[],
): Diagnostic[] {
  return [];
}
