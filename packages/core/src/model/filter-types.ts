/**
 * The filter types of HTTPRouteFilter and GRPCRouteFilter and the config field each one names
 * (`type: RequestRedirect` → `requestRedirect`), from the CRDs' `type` enums in apis/v1/
 * httproute_types.go and grpcroute_types.go. The one table normalize, the union CEL rules and
 * the analysis checks read: a type missing here is unknown, never read as another type.
 */
export const FILTER_CONFIG_FIELD = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  RequestMirror: 'requestMirror',
  CORS: 'cors',
  ExtensionRef: 'extensionRef',
  ExternalAuth: 'externalAuth',
} as const;

export type FilterType = keyof typeof FILTER_CONFIG_FIELD;
export type FilterOwner = 'HTTPRoute' | 'GRPCRoute';

/** GRPCRouteFilter's enum: no redirects, rewrites, CORS or external auth. */
const GRPC_FILTER_TYPES: readonly FilterType[] = [
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestMirror',
  'ExtensionRef',
];

const BY_OWNER: Readonly<Record<FilterOwner, ReadonlyMap<string, string>>> = {
  HTTPRoute: new Map(Object.entries(FILTER_CONFIG_FIELD)),
  GRPCRoute: new Map(GRPC_FILTER_TYPES.map((t) => [t, FILTER_CONFIG_FIELD[t]])),
};

/** [type, config field] pairs of `owner`'s enum (a Map: no prototype keys such as "constructor"). */
export function filterFields(owner: FilterOwner): ReadonlyMap<string, string> {
  return BY_OWNER[owner];
}

/** `type` when `owner`'s CRD accepts it, else undefined. */
export function knownFilterType(owner: FilterOwner, type: string): FilterType | undefined {
  return BY_OWNER[owner].has(type) ? (type as FilterType) : undefined;
}
