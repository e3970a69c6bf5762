import { describe, expect, it } from 'vitest';
import { FrameSplitter } from './lib/sse-client.ts';

describe('FrameSplitter (the bench SSE client)', () => {
  const text = 'event: a\ndata: 1\n\nevent: b\ndata: 22\n\n: comment\n\nevent: c\ndata: 333\n\n';
  const expected = ['event: a\ndata: 1', 'event: b\ndata: 22', ': comment', 'event: c\ndata: 333'];

  it('splits whole text into frames', () => {
    expect(new FrameSplitter().push(text)).toEqual(expected);
  });

  it('gives the same frames for every way of cutting the text into two or three chunks', () => {
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3) {
        const splitter = new FrameSplitter();
        const frames = [text.slice(0, i), text.slice(i, j), text.slice(j)].flatMap((c) => splitter.push(c));
        expect(frames, `cuts at ${i}, ${j}`).toEqual(expected);
      }
    }
  });
});
