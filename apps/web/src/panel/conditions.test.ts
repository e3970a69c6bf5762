import { describe, expect, it } from 'vitest';
import type { Condition } from '@gatescope/core';
import { lineUp } from './conditions.ts';

function c(type: string, status: Condition['status'], reason: string): Condition {
  return { type, status, reason, message: '' };
}

describe('observed vs predicted conditions', () => {
  it('lines conditions up by type and marks rows where the controller disagrees', () => {
    const rows = lineUp(
      [
        c('Accepted', 'True', 'Accepted'),
        c('ResolvedRefs', 'True', 'ResolvedRefs'),
        c('Vendor', 'True', 'X'),
      ],
      [c('Accepted', 'True', 'Accepted'), c('ResolvedRefs', 'False', 'RefNotPermitted')],
    );
    expect(rows.map((r) => [r.type, r.differs])).toEqual([
      ['Accepted', false],
      ['ResolvedRefs', true],
      ['Vendor', false],
    ]);
    expect(rows[2]?.predicted).toBeUndefined();
  });

  it('shows predicted only when there is no observed status', () => {
    const rows = lineUp(undefined, [c('Accepted', 'False', 'NoMatchingListenerHostname')]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.observed).toBeUndefined();
    expect(rows[0]?.differs).toBe(false);
  });
});
