import { describe, expect, it } from 'vitest';
import { labelsToSatisfy, selectorMatches } from '../../src/analysis/selectors.ts';
import type { LabelSelector } from '../../src/model/types.ts';

const sel = (s: Partial<LabelSelector>): LabelSelector => ({ matchLabels: {}, matchExpressions: [], ...s });

describe('selectorMatches (metav1.LabelSelector)', () => {
  it('matchLabels must all match', () => {
    expect(selectorMatches(sel({ matchLabels: { a: '1', b: '2' } }), { a: '1', b: '2', c: '3' })).toBe(true);
    expect(selectorMatches(sel({ matchLabels: { a: '1', b: '2' } }), { a: '1' })).toBe(false);
  });
  it.each([
    ['In', ['x', 'y'], { k: 'y' }, true],
    ['In', ['x'], {}, false],
    ['NotIn', ['x'], { k: 'x' }, false],
    ['NotIn', ['x'], {}, true],
    ['Exists', [], { k: '' }, true],
    ['Exists', [], {}, false],
    ['DoesNotExist', [], { k: 'v' }, false],
    ['DoesNotExist', [], {}, true],
  ] as const)('%s %j on %j → %s', (operator, values, labels, want) => {
    expect(selectorMatches(sel({ matchExpressions: [{ key: 'k', operator, values }] }), labels)).toBe(want);
  });
  it('an empty selector matches everything', () => {
    expect(selectorMatches(sel({}), {})).toBe(true);
  });
});

describe('labelsToSatisfy', () => {
  it('lists the labels to add', () => {
    const s = sel({
      matchLabels: { team: 'shop' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }],
    });
    expect(labelsToSatisfy(s, { team: 'other' })).toEqual({ team: 'shop', env: 'prod' });
  });
  it('null when adding labels cannot help', () => {
    expect(
      labelsToSatisfy(sel({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }), {
        env: 'prod',
      }),
    ).toBeNull();
  });
});
