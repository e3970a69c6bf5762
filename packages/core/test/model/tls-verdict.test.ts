/**
 * The PEM verdict normalize keeps for TLS Secrets (issue 11, item 7): a real certificate passes,
 * upstream's malformed Secret (base64 of "Hello world" in both keys) fails, no data is kept.
 */
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/model/load.ts';
import { decodeBase64, tlsDataVerdict } from '../../src/model/normalize/tls-verdict.ts';
import type { Secret } from '../../src/model/types.ts';
import { TEST_CERT_PEM, TEST_KEY_PEM, base64 } from '../fixtures/tls-pem.ts';

const HELLO = 'SGVsbG8gd29ybGQK'; // upstream gateway-invalid-tls-configuration.yaml

function secret(data: string): Secret {
  const text = `apiVersion: v1
kind: Secret
metadata: {name: s, namespace: ns}
type: kubernetes.io/tls
${data}`;
  const o = loadManifests([{ name: 'in.yaml', text }]).snapshot.objects[0];
  if (o?.kind !== 'Secret') throw new Error('no Secret');
  return o;
}

describe('tlsDataVerdict', () => {
  it('a real certificate and a private key block are PEM (data, base64)', () => {
    const s = secret(`data: {tls.crt: ${base64(TEST_CERT_PEM)}, tls.key: ${base64(TEST_KEY_PEM)}}`);
    expect(s.tlsData).toBe('pem');
  });

  it('stringData (plain text) is read too, CRLF line ends and a chain included', () => {
    const crlf = `${TEST_CERT_PEM}${TEST_CERT_PEM}`.replaceAll('\n', '\r\n');
    expect(tlsDataVerdict({ stringData: { 'tls.crt': crlf, 'tls.key': TEST_KEY_PEM } })).toBe('pem');
  });

  it("upstream's malformed Secret (base64 of 'Hello world' in both keys) is not PEM", () => {
    expect(secret(`data: {tls.crt: ${HELLO}, tls.key: ${HELLO}}`).tlsData).toBe('not-pem');
  });

  it('the conformance placeholder (base64 of "PLACEHOLDER") is not PEM', () => {
    expect(tlsDataVerdict({ data: { 'tls.crt': 'UExBQ0VIT0xERVI=', 'tls.key': 'UExBQ0VIT0xERVI=' } })).toBe(
      'not-pem',
    );
  });

  it('a certificate in tls.key (certificate and key identical) is not PEM', () => {
    const crt = base64(TEST_CERT_PEM);
    expect(tlsDataVerdict({ data: { 'tls.crt': crt, 'tls.key': crt } })).toBe('not-pem');
  });

  it('a block whose body is not base64 DER, or data that is not base64, is not PEM', () => {
    const fake = '-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n';
    expect(tlsDataVerdict({ stringData: { 'tls.crt': fake, 'tls.key': TEST_KEY_PEM } })).toBe('not-pem');
    expect(tlsDataVerdict({ data: { 'tls.crt': '%%%', 'tls.key': base64(TEST_KEY_PEM) } })).toBe('not-pem');
  });

  it('no claim without both keys (live metadata-only Secrets, or a Secret missing a key)', () => {
    expect(tlsDataVerdict({})).toBeUndefined();
    expect(tlsDataVerdict({ data: { 'tls.crt': base64(TEST_CERT_PEM) } })).toBeUndefined();
    expect(secret('').tlsData).toBeUndefined();
    // Empty values: a redacted or templated manifest (and the built-in demo) — no claim.
    expect(secret("data: {tls.crt: '', tls.key: ''}").tlsData).toBeUndefined();
    expect(tlsDataVerdict({ stringData: { 'tls.crt': ' ', 'tls.key': TEST_KEY_PEM } })).toBeUndefined();
  });

  it('keeps only the verdict: no Secret value reaches the model or its raw copy', () => {
    const s = secret(`data: {tls.crt: ${HELLO}, tls.key: ${HELLO}}`);
    expect(JSON.stringify(s)).not.toContain(HELLO);
    expect(s.dataKeys).toEqual(['tls.crt', 'tls.key']);
  });

  it('decodeBase64 accepts padding and whitespace and rejects other characters', () => {
    expect([...(decodeBase64('MAMC\nAQA=') ?? [])]).toEqual([0x30, 3, 2, 1, 0]);
    expect(decodeBase64('MAMCAQA')).not.toBeNull();
    expect(decodeBase64('MA*C')).toBeNull();
    expect(decodeBase64('M')).toBeNull();
  });
});
