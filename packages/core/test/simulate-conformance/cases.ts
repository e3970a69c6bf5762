import type { ConfCase } from './case-types.ts';
import { MATCHING_CASES } from './cases-matching.ts';

export const ALL_CASES: readonly ConfCase[] = [...MATCHING_CASES];
