/**
 * Builders for raw Kubernetes objects as a controller would see them from the apiserver
 * (apiVersion/kind/metadata with uid, resourceVersion and creationTimestamp).
 */
import type { Json } from './yaml.ts';
export type RawObject = {
  readonly [key: string]: Json;
};
export declare const GW_V1 = 'gateway.networking.k8s.io/v1';
/** Deterministic metadata: creation time and uid derive from a running counter. */
export declare class MetaFactory {
  private counter;
  meta(name: string, namespace?: string, labels?: Record<string, string>): Record<string, Json>;
}
export declare function namespace(mf: MetaFactory, name: string, labels: Record<string, string>): RawObject;
export declare function gatewayClass(mf: MetaFactory, name: string): RawObject;
export interface ListenerSpec {
  readonly name: string;
  readonly port: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly hostname?: string;
  /** Namespaces allowed: Same, All, or a label selector (key=value). */
  readonly from:
    | 'Same'
    | 'All'
    | {
        readonly label: string;
        readonly value: string;
      };
  readonly certificate?: string;
}
export declare function gateway(
  mf: MetaFactory,
  ns: string,
  name: string,
  className: string,
  listeners: readonly ListenerSpec[],
  allowListenerSets?: boolean,
): RawObject;
export declare function listenerSet(
  mf: MetaFactory,
  ns: string,
  name: string,
  parent: {
    readonly namespace: string;
    readonly name: string;
  },
  listeners: readonly ListenerSpec[],
): RawObject;
export declare function service(mf: MetaFactory, ns: string, name: string, port: number): RawObject;
export declare function endpointSlice(mf: MetaFactory, ns: string, svc: string, ready: number): RawObject;
/** A TLS Secret; the data is a placeholder (Gatescope drops Secret values on ingest anyway). */
export declare function tlsSecret(mf: MetaFactory, ns: string, name: string): RawObject;
export declare function referenceGrant(mf: MetaFactory, ns: string, name: string, fromNs: string): RawObject;
export interface MatchSpec {
  readonly path?: {
    readonly type: 'Exact' | 'PathPrefix' | 'RegularExpression';
    readonly value: string;
  };
  readonly headers?: readonly {
    readonly name: string;
    readonly value: string;
    readonly type?: 'Exact' | 'RegularExpression';
  }[];
  readonly queryParams?: readonly {
    readonly name: string;
    readonly value: string;
  }[];
  readonly method?: string;
}
export interface RuleSpec {
  readonly matches: readonly MatchSpec[];
  readonly backends: readonly {
    readonly name: string;
    readonly namespace?: string;
    readonly port: number;
    readonly weight?: number;
  }[];
  readonly filters?: readonly Json[];
}
export interface ParentSpec {
  readonly namespace: string;
  readonly name: string;
  readonly kind?: 'Gateway' | 'ListenerSet';
  readonly sectionName?: string;
}
export declare function httpRoute(
  mf: MetaFactory,
  ns: string,
  name: string,
  parents: readonly ParentSpec[],
  hostnames: readonly string[],
  rules: readonly RuleSpec[],
): RawObject;
