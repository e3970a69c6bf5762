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

describe('route tests as JSONL', () => {
  it('drops expectations and writes one request per line', async () => {
    const { testsAsJsonl } = await import('./RouteTestsTable.tsx');
    const text = testsAsJsonl([
      { id: 'a', gateway: 'ns/gw', path: '/', expect: { status: 200 } },
      { gateway: 'ns/gw', host: 'x.example.com' },
    ]);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { id: 'a', gateway: 'ns/gw', path: '/' },
      { gateway: 'ns/gw', host: 'x.example.com' },
    ]);
  });
});
