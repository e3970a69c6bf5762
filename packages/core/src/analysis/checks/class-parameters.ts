/**
 * Check "class parameters": a GatewayClass's spec.parametersRef names a controller-specific
 * object (Envoy Gateway's EnvoyProxy, NGINX Gateway Fabric's NginxProxy, Contour's
 * ContourDeployment). Those are installed with the controller, so one absent from the input is
 * only "not in the input" (info). When the input is complete for the kind (analysis/absent.ts)
 * nothing is said here: the class is still predicted accepted (DESIGN.md: a GatewayClass in
 * the input is treated as accepted by its controller), and the controller's own status tells.
 */
import { diagnose } from '../../diagnostics/make.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';
import { absence } from '../absent.ts';
import type { AnalysisContext } from '../context.ts';

export function checkClassParameters(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const gc of ctx.snapshot.objects) {
    if (gc.kind !== 'GatewayClass' || gc.parametersRef === undefined) continue;
    const ref = gc.parametersRef;
    if (ctx.snapshot.byKey.has(ref.key)) continue;
    const a = absence(ctx, ref.group, ref.kind);
    if (a.missing) continue;
    const gk = ref.group === '' ? ref.kind : `${ref.group}/${ref.kind}`;
    const where = ref.namespace === '' ? ref.name : `${ref.namespace}/${ref.name}`;
    out.push(
      diagnose(
        'ParametersRefNotInInput',
        gc,
        `GatewayClass ${gc.meta.name}: parametersRef ${gk} ${where} is not in the input.`,
        {
          field: 'spec.parametersRef',
          fix: {
            summary: `Nothing to do if ${gk} ${where} is installed with the controller; include it in the input to have it checked.`,
          },
          related: [ref.key],
          ...a.details,
        },
      ),
    );
  }
  return out;
}
