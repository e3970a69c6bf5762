/**
 * Checks "summary": object-level outcomes read from the predicted status — a Gateway that will
 * not be programmed, a ListenerSet whose listeners are not all valid. The per-listener causes
 * have their own diagnostics; these say what the user sees on the parent object.
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import { diagnose } from '../../diagnostics/make.ts';
import type { AnalysisContext } from '../context.ts';
import { findCondition } from '../conditions.ts';
import type { PartialAnalysis } from './index.ts';

export function checkSummary(ctx: AnalysisContext, analysis: PartialAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const gateway of ctx.gateways) {
    const status = analysis.predicted.get(gateway.key);
    if (status?.kind !== 'Gateway') continue;
    const programmed = findCondition(status.conditions, 'Programmed');
    if (programmed?.status !== 'False') continue;
    const accepted = findCondition(status.conditions, 'Accepted');
    out.push(
      diagnose(
        'GatewayNotProgrammed',
        gateway,
        `Gateway ${gateway.meta.namespace}/${gateway.meta.name} will not be programmed: Accepted=${accepted?.status ?? '?'} (${accepted?.reason ?? '?'}) — ${programmed.message}`,
        {
          field: 'status.conditions',
          fix: { summary: 'Fix the listener (or parametersRef) diagnostics of this Gateway.' },
        },
      ),
    );
  }
  for (const ls of ctx.listenerSets) {
    const status = analysis.predicted.get(ls.key);
    if (status?.kind !== 'ListenerSet') continue;
    const accepted = findCondition(status.conditions, 'Accepted');
    if (accepted?.reason !== 'ListenersNotValid') continue;
    const bad = status.listeners
      .filter((l) => findCondition(l.conditions, 'Accepted')?.status === 'False')
      .map((l) => l.name);
    out.push(
      diagnose(
        'ListenerSetListenersNotValid',
        ls,
        `${ls.ref.kind} ${ls.meta.namespace}/${ls.meta.name}: listeners ${bad.join(', ')} are not accepted${accepted.status === 'False' ? ', and no valid listener is left, so the ListenerSet is not accepted' : ''}.`,
        {
          field: 'spec.listeners',
          severity: accepted.status === 'False' ? 'error' : 'warning',
          fix: { summary: 'Fix the listener diagnostics of this ListenerSet (conflicts, protocol, TLS).' },
        },
      ),
    );
  }
  return out;
}
