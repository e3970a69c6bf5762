/**
 * Concrete fixes: the manifest or command that resolves a diagnostic. Output is plain text that a
 * user can paste (YAML with stable key order, shell with single-quoted arguments).
 */
import type { Fix } from './types.ts';

export interface GrantRequest {
  /** Namespace of the referenced object: the ReferenceGrant lives here. */
  readonly toNamespace: string;
  readonly toGroup: string;
  readonly toKind: string;
  readonly toName: string;
  readonly fromGroup: string;
  readonly fromKind: string;
  readonly fromNamespace: string;
}

/**
 * A ReferenceGrant named after the referrer, allowing exactly this one reference. apiVersion v1:
 * ReferenceGrant is in apis/v1 (referencegrant_types.go) and the upstream v1.6.1 and v1.7.0
 * conformance manifests write it as gateway.networking.k8s.io/v1; v1beta1 is only the older
 * served version.
 */
export function referenceGrantFix(request: GrantRequest, summary: string): Fix {
  const name = dnsLabel(`allow-${request.fromKind.toLowerCase()}-from-${request.fromNamespace}`);
  const yaml = [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: ReferenceGrant',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${request.toNamespace}`,
    'spec:',
    '  from:',
    `    - group: ${yamlString(request.fromGroup)}`,
    `      kind: ${request.fromKind}`,
    `      namespace: ${request.fromNamespace}`,
    '  to:',
    `    - group: ${yamlString(request.toGroup)}`,
    `      kind: ${request.toKind}`,
    `      name: ${request.toName}`,
    '',
  ].join('\n');
  return { summary, yaml };
}

/**
 * The ReferenceGrant that lets `from` (a route, Gateway, ListenerSet or policy) reference `to`
 * across namespaces.
 */
export function grantFixFor(
  from: {
    readonly ref: { readonly group: string; readonly kind: string };
    readonly meta: { readonly namespace: string };
  },
  to: { readonly group: string; readonly kind: string; readonly namespace: string; readonly name: string },
): Fix {
  return referenceGrantFix(
    {
      toNamespace: to.namespace,
      toGroup: to.group,
      toKind: to.kind,
      toName: to.name,
      fromGroup: from.ref.group,
      fromKind: from.ref.kind,
      fromNamespace: from.meta.namespace,
    },
    `Apply this ReferenceGrant in namespace ${to.namespace}.`,
  );
}

/** `kubectl label namespace NS key=value ...` for the labels a selector requires. */
export function labelNamespaceFix(
  namespace: string,
  labels: Readonly<Record<string, string>>,
  summary: string,
): Fix {
  const pairs = Object.keys(labels)
    .sort()
    .map((key) => shellQuote(`${key}=${labels[key] ?? ''}`));
  return { summary, command: `kubectl label namespace ${shellQuote(namespace)} ${pairs.join(' ')}` };
}

export function fixText(fix: Fix): string {
  return [fix.summary, fix.yaml?.trimEnd(), fix.command].filter((part) => part !== undefined).join('\n');
}

function yamlString(value: string): string {
  return value === '' ? '""' : value;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./=:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function dnsLabel(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}
