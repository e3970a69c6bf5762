/**
 * CRD validation messages more than one check quotes, verbatim from the Gateway API v1.6 CRDs
 * (apis/v1/httproute_types.go), so the copies cannot drift apart.
 */

/** The filter types whose `path.replacePrefixMatch` the HTTPRouteRule CEL rules constrain. */
export type PrefixRewriteFilterType = 'RequestRedirect' | 'URLRewrite';

/**
 * HTTPRouteRule's four `+kubebuilder:validation:XValidation` rules on replacePrefixMatch: on the
 * rule's own filters, and "within backendRefs" (that one for URLRewrite does capitalise "When").
 */
export const REPLACE_PREFIX_MATCH_MESSAGES: Readonly<
  Record<'rule' | 'backendRefs', Readonly<Record<PrefixRewriteFilterType, string>>>
> = {
  rule: {
    RequestRedirect:
      'When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    URLRewrite:
      'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  },
  backendRefs: {
    RequestRedirect:
      'Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    URLRewrite:
      'Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  },
};
