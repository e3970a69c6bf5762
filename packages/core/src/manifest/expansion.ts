/**
 * Alias bombs ("billion laughs"): js-yaml shares aliased nodes instead of copying them, so the
 * parse itself is cheap, but every later stage that walks or serializes the object would expand
 * them exponentially. A document whose expanded size is far beyond what was written is refused.
 */

/** Allowed expansion over the written size, and a floor so small documents never trip it. */
const EXPANSION_FACTOR = 10;
const MIN_BUDGET = 100_000;

export function exceedsExpansion(value: unknown, writtenNodes: number): boolean {
  let budget = Math.max(MIN_BUDGET, writtenNodes * EXPANSION_FACTOR);
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (--budget < 0) return true;
    if (Array.isArray(next)) for (const item of next) pending.push(item);
    else if (typeof next === 'object' && next !== null)
      for (const item of Object.values(next)) pending.push(item);
  }
  return false;
}
