/**
 * Gateway condition InsecureFrontendValidationMode (apis/v1 gateway_types.go,
 * GatewayConditionInsecureFrontendValidationMode): "true when the Gateway
 * FrontendValidationModeType is configured to allow insecure fallback behavior", reason
 * ConfigurationChanged, "either at the Gateway level or via a per-port override"; removed once
 * the mode is AllowValidOnly again (so never written as False). FrontendTLSValidation.mode
 * AllowInsecureFallback "introduce[s] a significant security risk" (clients without a valid
 * certificate are let through), hence a warning. Conformance:
 * GatewayFrontendClientCertificateValidationInsecureFallback.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import type { Gateway } from '../model/types.ts';

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Fields of spec.tls.frontend whose validation mode is AllowInsecureFallback. */
function insecureFields(gateway: Gateway): string[] {
  const frontend = record(gateway.tls?.['frontend']);
  if (frontend === undefined) return [];
  const fields: string[] = [];
  const mode = (tls: unknown): unknown => record(record(tls)?.['validation'])?.['mode'];
  if (mode(frontend['default']) === 'AllowInsecureFallback')
    fields.push('spec.tls.frontend.default.validation.mode');
  const perPort = Array.isArray(frontend['perPort']) ? frontend['perPort'] : [];
  for (const [i, entry] of perPort.entries()) {
    if (mode(record(entry)?.['tls']) === 'AllowInsecureFallback')
      fields.push(`spec.tls.frontend.perPort[${i}].tls.validation.mode`);
  }
  return fields;
}

/** The condition's message when the Gateway allows insecure fallback, with a warning; else undefined. */
export function insecureFrontendValidation(gateway: Gateway, out: Diagnostic[]): string | undefined {
  const fields = insecureFields(gateway);
  const first = fields[0];
  if (first === undefined) return undefined;
  const message = `Client certificate validation allows insecure fallback (${fields.join(', ')}): clients without a valid certificate are accepted.`;
  out.push(
    diagnose(
      'GatewayInsecureFrontendValidationMode',
      gateway,
      `Gateway ${gateway.meta.namespace}/${gateway.meta.name}: ${message} The controller sets InsecureFrontendValidationMode=True (ConfigurationChanged).`,
      {
        field: first,
        fix: {
          summary:
            'Set the validation mode to AllowValidOnly (the default) once clients present valid certificates; AllowInsecureFallback is meant for testing or a temporary migration.',
        },
      },
    ),
  );
  return message;
}
