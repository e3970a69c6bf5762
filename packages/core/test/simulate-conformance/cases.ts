import type { ConfCase } from './case-types.ts';
import { MATCHING_CASES } from './cases-matching.ts';
import { FILTER_CASES } from './cases-filters.ts';
import { LISTENER_CASES } from './cases-listeners.ts';
import { TRAFFIC_CASES } from './cases-traffic.ts';
import { BACKEND_CASES } from './cases-backends.ts';
import { GRPC_CASES } from './cases-grpc.ts';
import { LISTENERSET_CASES } from './cases-listenersets.ts';
import { LISTENERSET_DUAL_CASES, LISTENERSET_NS_CASES } from './cases-listenerset-ns.ts';
import { V17_CASES } from './cases-v17.ts';
import { L4_CASES } from './cases-l4.ts';
import { BACKEND_TLS_CASES } from './cases-backend-tls.ts';

export const ALL_CASES: readonly ConfCase[] = [
  ...MATCHING_CASES,
  ...FILTER_CASES,
  ...TRAFFIC_CASES,
  ...LISTENER_CASES,
  ...BACKEND_CASES,
  ...GRPC_CASES,
  ...LISTENERSET_CASES,
  ...LISTENERSET_NS_CASES,
  ...LISTENERSET_DUAL_CASES,
  ...V17_CASES,
  ...L4_CASES,
  ...BACKEND_TLS_CASES,
];
