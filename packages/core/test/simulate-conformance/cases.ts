import type { ConfCase } from './case-types.ts';
import { MATCHING_CASES } from './cases-matching.ts';
import { FILTER_CASES } from './cases-filters.ts';

export const ALL_CASES: readonly ConfCase[] = [...MATCHING_CASES, ...FILTER_CASES];
