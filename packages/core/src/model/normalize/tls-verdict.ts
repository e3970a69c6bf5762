/**
 * The one look at Secret data: whether a TLS Secret's `tls.crt` and `tls.key` are PEM, decided
 * while parsing so that only the verdict is kept (DESIGN.md: Secret data is never kept, logged or
 * shown). Spec: ListenerReasonInvalidCertificateRef covers a Secret "when the data within that
 * resource is malformed" (conformance GatewayInvalidTLSConfiguration: tls.crt and tls.key are
 * base64 of "Hello world"); GatewayReasonInvalidClientCertificateRef says the same for
 * spec.tls.backend.clientCertificateRef.
 *
 * "PEM" here is structure, not cryptography: tls.crt holds at least one
 * `-----BEGIN CERTIFICATE-----` block and tls.key at least one `... PRIVATE KEY` block (PKCS#8,
 * PKCS#1 "RSA", SEC 1 "EC", encrypted), each with a base64 body that decodes to a DER SEQUENCE
 * (first byte 0x30). That is what upstream's conformance suite writes (Go pem.Encode of
 * CERTIFICATE and RSA PRIVATE KEY). X.509 parsing, expiry and key/certificate pairing are not
 * checked: a controller may judge those, Gatescope does not claim to.
 */

export type TlsDataVerdict = 'pem' | 'not-pem';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX: ReadonlyMap<string, number> = new Map([...B64].map((c, i) => [c, i]));

/** Standard base64 (whitespace ignored, '=' padding optional) to bytes; null when not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  const body = clean.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return null;
  if (clean.length !== body.length && clean.length % 4 !== 0) return null;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const c of body) {
    const v = B64_INDEX.get(c);
    if (v === undefined) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\sA-Za-z0-9+/=]*?)-----END \1-----/g;

/** True when `text` holds at least one PEM block whose label passes `label` and body is DER. */
function hasPemBlock(text: string, label: (l: string) => boolean): boolean {
  for (const m of text.matchAll(PEM_BLOCK)) {
    const bytes = label(m[1] ?? '') ? decodeBase64(m[2] ?? '') : null;
    if (bytes !== null && bytes.length > 1 && bytes[0] === 0x30) return true;
  }
  return false;
}

const isCertificate = (l: string): boolean => l === 'CERTIFICATE';
const isPrivateKey = (l: string): boolean => /^(?:(?:RSA|EC|DSA|ENCRYPTED) )?PRIVATE KEY$/.test(l);

/** Bytes as Latin-1 text: PEM is ASCII, and anything else simply fails the block pattern. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

function textOf(value: unknown, encoded: boolean): string | null {
  if (typeof value !== 'string') return null;
  if (!encoded) return value;
  const bytes = decodeBase64(value);
  return bytes === null ? null : latin1(bytes);
}

/**
 * The verdict for a Secret's tls.crt/tls.key, from `stringData` (plain text, wins as the API
 * server merges it over `data`) or `data` (base64). Undefined when either key is absent from the
 * input (live mode reads metadata only) or empty (what redacted or templated manifests show, and
 * the built-in demo): then nothing is claimed.
 */
export function tlsDataVerdict(original: Readonly<Record<string, unknown>>): TlsDataVerdict | undefined {
  const pick = (key: string): string | null | undefined => {
    for (const [field, encoded] of [
      ['stringData', false],
      ['data', true],
    ] as const) {
      const map = original[field];
      if (map !== null && typeof map === 'object' && !Array.isArray(map) && key in map) {
        return textOf((map as Record<string, unknown>)[key], encoded);
      }
    }
    return undefined;
  };
  const crt = pick('tls.crt');
  const key = pick('tls.key');
  if (crt === undefined || key === undefined || crt?.trim() === '' || key?.trim() === '') return undefined;
  const ok =
    crt !== null && key !== null && hasPemBlock(crt, isCertificate) && hasPemBlock(key, isPrivateKey);
  return ok ? 'pem' : 'not-pem';
}
