/**
 * The simulator's request and result: exactly the JSON of DESIGN.md's `gatescope simulate`
 * contract, plus a few optional fields (marked "extension") that carry detail the contract's
 * shape has no place for (invalid backends, per-backend filters, timeouts and retry).
 */

export type SimProtocol = 'HTTP' | 'HTTPS' | 'GRPC' | 'TLS' | 'TCP' | 'UDP';

export interface SimRequest {
  readonly id?: string | number;
  /** `namespace/name` of the Gateway. */
  readonly gateway: string;
  readonly port?: number;
  readonly protocol?: SimProtocol;
  readonly sni?: string;
  /** `a.example.com[:port]`; absent or null means the Gateway's IP address. */
  readonly host?: string | null;
  readonly method?: string;
  /** Path and query, e.g. `/x?y=1`. */
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly grpc?: { readonly service: string; readonly method: string };
  /**
   * Extension: HTTP version of the client connection, default "1.1". Only HTTP/2 clients reuse a
   * TLS connection for another host, so only they get 421 Misdirected Request (the spec's
   * GatewayHTTPSListenerDetectMisdirectedRequests feature is tested over h2 only).
   */
  readonly httpVersion?: '1.1' | '2';
  /**
   * Extension: how the backend behaves, to show what timeouts and retry do with it: a response
   * delay (Gateway API Duration, e.g. "1s") and/or failing with `code` for the first `count` tries
   * (each failing try after `failures.delay`, default `delay`; `connectionError`: the connection
   * fails instead of answering).
   */
  readonly backendBehavior?: SimBackendBehavior;
  /** What the backend answers with, so ResponseHeaderModifier and CORS can be shown. */
  readonly backendResponseHeaders?: Readonly<Record<string, string>>;
}

export interface SimBackendBehavior {
  readonly delay?: string;
  readonly failures?: {
    readonly code: number;
    readonly count: number;
    readonly delay?: string;
    readonly connectionError?: boolean;
  };
}

export interface SimRouteRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface SimUpstreamRequest {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface SimBackend {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly port: number | null;
  readonly weight: number;
  /** Share of the requests that reach this backend: weight / sum of the rule's weights. */
  readonly probability: number;
  /** Extension: false when the reference cannot be used (its share of requests gets 500). */
  readonly valid: boolean;
  /** Extension: Gateway API reason when invalid (BackendNotFound, RefNotPermitted, ...). */
  readonly reason?: string;
  /** Extension: exporting clusters of a ServiceImport, when known. */
  readonly clusters?: readonly string[];
  /** Extension: the request this backend receives when backendRef-level filters change it. */
  readonly upstreamRequest?: SimUpstreamRequest;
  /** Extension: backendRef-level response headers, when backendRef-level filters change them. */
  readonly responseHeaders?: Readonly<Record<string, string>>;
}

export interface SimRedirect {
  readonly scheme: string;
  readonly host: string;
  readonly port: number | null;
  readonly path: string;
  readonly statusCode: number;
  readonly location: string;
}

export interface SimMirror {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly port: number | null;
  /** 0–100 (a fraction is converted). */
  readonly percent: number;
}

export type GrpcCode = 'OK' | 'UNIMPLEMENTED' | 'UNAVAILABLE' | 'UNKNOWN' | 'INTERNAL';

export interface SimResult {
  readonly id: string | number | null;
  readonly status: number | null;
  readonly listener: string | null;
  readonly route: SimRouteRef | null;
  readonly rule: number | null;
  readonly backends: readonly SimBackend[];
  readonly redirect: SimRedirect | null;
  readonly upstreamRequest: SimUpstreamRequest | null;
  readonly responseHeaders: Readonly<Record<string, string>> | null;
  readonly mirrors: readonly SimMirror[];
  readonly grpcCode?: GrpcCode;
  /**
   * Extension: rule timeouts and the effective retry policy (simulated against `backendBehavior`
   * when the request describes one; timing.ts).
   */
  readonly timeouts?: { readonly request?: string; readonly backendRequest?: string };
  readonly retry?: {
    readonly codes: readonly number[];
    readonly attempts?: number;
    readonly backoff?: string;
    /** Retries after the first try that the simulation uses (attempts; unspecified: 0). */
    readonly retries: number;
    /** `attempts` unspecified: the spec leaves the default to the implementation ("including none"). */
    readonly attemptsDefaulted: boolean;
    /** Connection failures and backend request timeouts are retried too (spec SHOULD). */
    readonly retriesConnectionFailures: true;
  };
  /** Extension: ExtensionRef / unknown filters on the path, shown but not executed. */
  readonly extensionFilters?: readonly string[];
  /** The human trace; `simulate` gives a short one, `explain` the full one. */
  readonly explanation: readonly string[];
}
