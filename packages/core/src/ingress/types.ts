/**
 * Ingress import: networking.k8s.io/v1 Ingress objects in, equivalent Gateway API objects out,
 * with a note for everything that has no standard equivalent.
 */

export type Json = Record<string, unknown>;

export interface IngressNote {
  /** `namespace/name` of the Ingress the note is about ("" for the whole conversion). */
  readonly ingress: string;
  /** info: translated with a nuance; warning: not translated, behaviour differs. */
  readonly severity: 'info' | 'warning';
  readonly message: string;
  /** Annotation key or field path the note is about. */
  readonly field?: string;
}

export interface IngressConversionOptions {
  /** GatewayClass for the generated Gateways; defaults to the Ingress class name. */
  readonly gatewayClassName?: string;
  /** Also emit a GatewayClass object (handy in the sandbox). Defaults to true. */
  readonly emitGatewayClass?: boolean;
}

export interface IngressConversion {
  /** Gateway API objects (raw Kubernetes JSON), in a stable order. */
  readonly objects: readonly Json[];
  /** The same objects as multi-document YAML, ready for the sandbox. */
  readonly yaml: string;
  readonly notes: readonly IngressNote[];
  /** How many Ingress objects were found in the input. */
  readonly ingressCount: number;
}

/** One HTTP rule of an Ingress, flattened (host + path + backend). */
export interface IngressPath {
  readonly host: string;
  readonly path: string;
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  readonly backend: BackendTarget | null;
  readonly field: string;
}

export type BackendTarget =
  | { readonly type: 'service'; readonly name: string; readonly port?: number; readonly portName?: string }
  | { readonly type: 'resource'; readonly kind: string; readonly name: string };
