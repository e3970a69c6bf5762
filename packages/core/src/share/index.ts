// Share links and export bundles: state, redaction, encode/decode, route tests.
export * from './types.ts';
export * from './limits.ts';
export { encodeShareState, decodeShareFragment, parseJsonState, type EncodedShare } from './codec.ts';
export { shareStateSchema, routeTestSchema, parseShareState } from './schema.ts';
export { Redactor, redactObjects, type RedactionNote, type RedactionReport } from './redact.ts';
export { redactYaml } from './redact-yaml.ts';
export { buildShare, type ShareInput, type SharePreview } from './build.ts';
export { createBundle, readBundle, bundleFileName, BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle.ts';
export { evaluateRouteTest, requestOf, expectationFrom, type RouteTestOutcome } from './route-tests.ts';
