import { describe, expect, it } from 'vitest';
import { stepProblem } from './hotkeys.ts';

describe('stepProblem', () => {
  const order = ['a', 'b', 'c'];
  it('starts at the first (j) or last (k) problem', () => {
    expect(stepProblem(order, null, 1)).toBe('a');
    expect(stepProblem(order, null, -1)).toBe('c');
    expect(stepProblem(order, 'not-a-problem', 1)).toBe('a');
  });
  it('moves and wraps around', () => {
    expect(stepProblem(order, 'a', 1)).toBe('b');
    expect(stepProblem(order, 'c', 1)).toBe('a');
    expect(stepProblem(order, 'a', -1)).toBe('c');
  });
  it('has nothing to step through without problems', () => {
    expect(stepProblem([], null, 1)).toBeUndefined();
  });
});
