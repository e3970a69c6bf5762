import { describe, expect, it } from 'vitest';
import { headersToText, textToHeaders } from './RequestForm.tsx';

describe('header text', () => {
  it('parses "name: value" lines and ignores junk', () => {
    expect(textToHeaders('x-beta: true\nbad line\n: nothing\nAuthorization: Bearer a:b\n')).toEqual({
      'x-beta': 'true',
      Authorization: 'Bearer a:b',
    });
  });
  it('round-trips', () => {
    const headers = { a: '1', 'x-long': 'v: w' };
    expect(textToHeaders(headersToText(headers))).toEqual(headers);
  });
});
