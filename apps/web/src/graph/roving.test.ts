import { describe, expect, it } from 'vitest';
import { moveFrom } from './roving.ts';

const at = (id: string, x: number, y: number) => ({ id, position: { x, y } });
const nodes = [at('gw', 0, 100), at('l1', 300, 0), at('l2', 300, 200), at('r1', 600, 0), at('r2', 600, 260)];

describe('moveFrom', () => {
  it('starts at the first node in reading order', () => {
    expect(moveFrom(nodes, null, 'ArrowDown')).toBe('gw');
    expect(moveFrom(nodes, 'r1', 'Home')).toBe('gw');
    expect(moveFrom(nodes, 'gw', 'End')).toBe('r2');
  });

  it('moves within a column and stops at its ends', () => {
    expect(moveFrom(nodes, 'l1', 'ArrowDown')).toBe('l2');
    expect(moveFrom(nodes, 'l2', 'ArrowUp')).toBe('l1');
    expect(moveFrom(nodes, 'l2', 'ArrowDown')).toBeUndefined();
  });

  it('moves to the nearest node of the neighbouring column', () => {
    expect(moveFrom(nodes, 'gw', 'ArrowRight')).toBe('l1');
    expect(moveFrom(nodes, 'l2', 'ArrowRight')).toBe('r2');
    expect(moveFrom(nodes, 'r2', 'ArrowLeft')).toBe('l2');
    expect(moveFrom(nodes, 'gw', 'ArrowLeft')).toBeUndefined();
  });
});
