// Public surface of the simulator (src/matching): route tables, simulate, explain, the reference scan.
export type * from './types.ts';
export { compileRouteTables } from './tables.ts';
export { updateRouteTables } from './update.ts';
export type { RouteTables, ListenerTable, GatewayTable } from './tables.ts';
export { simulate } from './simulate.ts';
export { explain } from './explain.ts';
export { simulateReference } from './reference.ts';
export { INVALID_REGEX_CODE } from './diagnostics.ts';
export { hostnameMatches, intersectHostnames, parseHost } from './hostname.ts';
export { compileRegex, MAX_INPUT_LENGTH, MAX_PATTERN_LENGTH } from './regex.ts';
export { parseSimRequest } from './request-schema.ts';
export type { ParsedRequest } from './request-schema.ts';
