export * from './types.ts';
export * from './health.ts';
export { buildTopology, diagnosticNodeId } from './build.ts';
export { RELATIONS, STANDALONE_KINDS } from './relations.ts';
export type { Relation, RelationEdge, Endpoint } from './relations.ts';
export { ruleNodeId, endpointsNodeId, clusterNodeId, ruleSummary } from './nodes.ts';
