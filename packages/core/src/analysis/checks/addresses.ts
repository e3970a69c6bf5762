/**
 * Check "addresses": what the controller wrote in a Gateway's `AddressesAssigned` condition
 * (Gateway API v1.7, GEP-3379 address routability). The condition is written only after the
 * controller has reconciled address assignment, and which static addresses a network can use
 * cannot be known offline, so it is never predicted: an observed False is reported with the
 * controller's own message. PartiallyAssigned still serves on the addresses it got (warning);
 * NotAssigned serves on none of the requested ones (error).
 */
import { diagnose } from '../../diagnostics/make.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';
import type { AnalysisContext } from '../context.ts';

export function checkAddresses(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const gw of ctx.snapshot.objects) {
    if (gw.kind !== 'Gateway' || gw.observed === undefined) continue;
    const c = gw.observed.conditions.find((x) => x.type === 'AddressesAssigned');
    if (c === undefined || c.status !== 'False') continue;
    const partial = c.reason === 'PartiallyAssigned';
    const requested = gw.addresses.map((a) => a.value).join(', ');
    const got = gw.observed.addresses.map((a) => a.value).join(', ') || 'none';
    out.push(
      diagnose(
        'GatewayAddressesNotAssigned',
        gw,
        `Gateway ${gw.meta.namespace}/${gw.meta.name}: its controller reports AddressesAssigned=False (${c.reason})${
          c.message === '' ? '' : `: ${c.message}`
        }. Requested ${requested === '' ? 'default addresses' : requested}; assigned ${got}.`,
        {
          field: 'spec.addresses',
          ...(partial ? { severity: 'warning' as const } : {}),
          fix: {
            summary:
              'Request only addresses this network can give the Gateway (an IPAddress inside the range the controller or load balancer allocates from, a Hostname it can resolve), or remove the unusable entries from spec.addresses.',
          },
        },
      ),
    );
  }
  return out;
}
