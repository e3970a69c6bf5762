/**
 * Our own transcription of the request cases of the upstream Gateway API conformance suite
 * (kubernetes-sigs/gateway-api conformance/tests/*.go, v1.6.1 and v1.7.0): each upstream
 * `http.ExpectedResponse` (or gRPC / TLS / TCP / UDP expectation) becomes one row here, checked
 * against `simulate` on the upstream manifests of each version it belongs to
 * (../shared/conformance/<version>). Defaults follow the
 * upstream helpers: the request goes to Gateway gateway-conformance-infra/same-namespace by IP
 * (no Host header), GET /, and expects 200 from the named backend in gateway-conformance-infra.
 */
import type { SimBackendBehavior } from '../../src/matching/types.ts';

export interface ConfRequest {
  readonly host?: string;
  readonly path?: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly port?: number;
  readonly protocol?: 'HTTP' | 'HTTPS' | 'GRPC' | 'TLS' | 'TCP' | 'UDP';
  readonly sni?: string;
  readonly grpc?: { readonly service: string; readonly method: string };
  readonly backendResponseHeaders?: Readonly<Record<string, string>>;
  readonly httpVersion?: '1.1' | '2';
  /** What the echo backend is told to do (upstream: query params `delay`, `responseCode`/`succeedAfter`). */
  readonly backendBehavior?: SimBackendBehavior;
}

export interface ConfExpect {
  /** Default 200 for HTTP/gRPC, null (no HTTP status) for TLS/TCP/UDP connections. */
  readonly status?: number | null;
  /** Any of these (upstream `StatusCodes`). */
  readonly statuses?: readonly number[];
  /** Backend (Service) that receives the request; with weights, the backends with traffic. */
  readonly backend?: string;
  readonly namespace?: string;
  /** Expected backend shares by Service name (weights tests). */
  readonly shares?: Readonly<Record<string, number>>;
  /** Upstream request as the backend sees it. */
  readonly upstreamPath?: string;
  readonly upstreamHost?: string;
  readonly upstreamHeaders?: Readonly<Record<string, string>>;
  readonly upstreamAbsentHeaders?: readonly string[];
  /** Response headers: exact values, any-of values, absent names. */
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly responseHeaderOneOf?: Readonly<Record<string, readonly string[]>>;
  readonly responseAbsentHeaders?: readonly string[];
  readonly redirect?: {
    readonly scheme?: string;
    readonly host?: string;
    readonly port?: string;
    readonly path?: string;
  };
  /** Mirror targets by Service name (namespace defaults to the infra namespace). */
  readonly mirroredTo?: readonly string[];
  /** Mirror percentages by Service name (percentage mirror test). */
  readonly mirrorPercent?: Readonly<Record<string, number>>;
  /** Headers each backend receives, by Service name (backendRef-level filters). */
  readonly backendUpstreamHeaders?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly grpcCode?: 'OK' | 'UNIMPLEMENTED';
  /** TLS/TCP/UDP: no route takes the connection (upstream "connection reset" / no answer). */
  readonly closed?: boolean;
}

export type ConfVersion = 'v1.6.1' | 'v1.7.0';
export const VERSIONS: readonly ConfVersion[] = ['v1.6.1', 'v1.7.0'];

export interface ConfCase {
  /** Upstream ShortName. */
  readonly test: string;
  /** The suite versions the case belongs to; default every version whose manifests have the files. */
  readonly versions?: readonly ConfVersion[];
  /**
   * Why a row is not a verbatim transcription (e.g. the upstream test creates objects in code at a
   * version whose Go source was not readable): said, so that a reader can weigh the row.
   */
  readonly adapted?: string;
  /** Manifest file name(s) under conformance/<version>. */
  readonly manifests: readonly string[];
  /** Inline YAML applied after the manifests: the upstream test's own setup steps (patches). */
  readonly setup?: readonly string[];
  /** `namespace/name`; default gateway-conformance-infra/same-namespace. */
  readonly gateway?: string;
  readonly request: ConfRequest;
  readonly expect: ConfExpect;
}

export const INFRA = 'gateway-conformance-infra';

/** Rows of one test: every case gets the test's name, manifests and options. */
export function rowsOf(
  test: string,
  manifest: string,
  rows: readonly (readonly [ConfRequest, ConfExpect])[],
  options: Omit<ConfCase, 'test' | 'manifests' | 'request' | 'expect'> = {},
): ConfCase[] {
  return rows.map(([request, expect]) => ({ test, manifests: [manifest], request, expect, ...options }));
}
