/** Condition values as a conformant controller writes them (type, status, reason, message). */
import type { Condition } from '../model/types.ts';

export function cond(type: string, status: boolean | 'Unknown', reason: string, message: string): Condition {
  return { type, status: status === 'Unknown' ? 'Unknown' : status ? 'True' : 'False', reason, message };
}

export function findCondition(conditions: readonly Condition[], type: string): Condition | undefined {
  return conditions.find((c) => c.type === type);
}

export function isTrue(conditions: readonly Condition[], type: string): boolean {
  return findCondition(conditions, type)?.status === 'True';
}
