/**
 * Error messages from client-node, exec credential plugins and TLS can carry secrets: an exec
 * plugin's failure is its whole stderr (which may echo a token or a refresh URL with a code),
 * a credential plugin whose stdout is not JSON fails with a SyntaxError quoting that stdout
 * (the token itself), and stack-like multi-line texts can hold anything. Every such message is
 * reduced here before it reaches /api/readyz, /api/snapshot, SSE status events or the log: its
 * first line only, short, with anything token-like replaced.
 */

const MAX_CHARS = 200;

/** Things that look like credentials, replaced wherever they appear in a line. */
const TOKEN_LIKE: readonly [RegExp, string][] = [
  // JSON Web Tokens (service-account tokens, OIDC id tokens).
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.?[\w-]*/g, '[redacted]'],
  // Authorization header values.
  [/\b(bearer|basic)\s+[^\s"',;]+/gi, '$1 [redacted]'],
  // key=value / key: value where the key names a credential.
  [
    /\b([\w-]*(?:token|secret|password|passwd|credential|api[-_]?key|session)[\w-]*)(\s*[=:]\s*)("?)[^\s"',;&]+/gi,
    '$1$2$3[redacted]',
  ],
];

/** Long opaque runs (base64, hex, URL-safe tokens): 32+ characters mixing letters and digits. */
const OPAQUE_RUN = /[A-Za-z0-9+/_-]{32,}={0,2}/g;

export function scrubTokens(line: string): string {
  let out = line;
  for (const [pattern, replacement] of TOKEN_LIKE) out = out.replace(pattern, replacement);
  return out.replace(OPAQUE_RUN, (run) => (/\d/.test(run) && /[A-Za-z]/.test(run) ? '[redacted]' : run));
}

/** One short, token-free line from any error or message text. */
export function safeErrorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
  if (error instanceof SyntaxError) {
    // JSON.parse quotes the text it failed on: for a credential plugin that is its stdout.
    return 'a response could not be parsed (its content is not shown: it may hold credentials)';
  }
  const first =
    raw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== '') ?? '';
  // eslint-disable-next-line no-control-regex -- control characters never belong in a status line
  const clean = scrubTokens(first).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const text = clean === '' ? 'unknown error' : clean;
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}

/** The credential step (exec plugin, token file, auth provider) failed before any request. */
export class CredentialError extends Error {
  constructor(cause: unknown) {
    super(`the kubeconfig credentials could not be obtained: ${safeErrorText(cause)}`);
    this.name = 'CredentialError';
  }
}
