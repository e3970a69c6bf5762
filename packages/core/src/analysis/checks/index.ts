/** Stage "checks": whole-picture checks that read the finished analysis. */
import type { Diagnostic } from '../../diagnostics/types.ts';
import type { ParentEval } from '../attach.ts';
import type { AnalysisContext } from '../context.ts';
import type { Analysis } from '../types.ts';
import { checkClassParameters } from './class-parameters.ts';
import { checkAddresses } from './addresses.ts';
import { checkExtensionRefs } from './extension-refs.ts';
import { checkChannel, checkFeatures } from './features.ts';
import { checkObserved } from './observed.ts';
import { checkPolicies } from './policies.ts';
import { checkShadowing } from './shadowing.ts';
import { checkSummary } from './summary.ts';

export type PartialAnalysis = Omit<Analysis, 'diagnostics'>;

export function runChecks(
  ctx: AnalysisContext,
  analysis: PartialAnalysis,
  parents: readonly ParentEval[],
  routeDependentChecks = true,
): Diagnostic[] {
  return [
    ...checkSummary(ctx, analysis),
    ...checkShadowing(parents),
    ...(routeDependentChecks ? checkPolicies(ctx) : []),
    ...checkFeatures(parents),
    ...checkChannel(ctx),
    ...checkClassParameters(ctx),
    ...checkExtensionRefs(ctx),
    ...checkAddresses(ctx),
    ...(routeDependentChecks ? checkObserved(ctx, analysis) : []),
  ];
}
