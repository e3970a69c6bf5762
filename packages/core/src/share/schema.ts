/**
 * zod schemas for everything that comes back in from a link or a bundle. Strings and arrays are
 * bounded so a hostile link cannot make the tab allocate without limit after decoding.
 */
import { z } from 'zod';
import type { ShareResult, ShareState } from './types.ts';

const MAX_TESTS = 200;
const MAX_OBJECTS = 20_000;
const MAX_YAML_CHARS = 2 * 1024 * 1024;
const short = z.string().max(2_048);
const headerMap = z.record(z.string().max(256), z.string().max(8_192));

const expectation = z.strictObject({
  status: z.number().int().min(0).max(999).optional(),
  route: short.optional(),
  backend: short.optional(),
  location: short.optional(),
  upstreamPath: short.optional(),
  grpcCode: z.string().max(64).optional(),
});

export const routeTestSchema = z.strictObject({
  id: z.union([z.string().max(256), z.number()]).optional(),
  gateway: short,
  port: z.number().int().min(1).max(65_535).optional(),
  protocol: z.enum(['HTTP', 'HTTPS', 'GRPC', 'TLS', 'TCP', 'UDP']).optional(),
  sni: short.optional(),
  host: short.nullable().optional(),
  method: z.string().max(32).optional(),
  path: z.string().max(8_192).optional(),
  headers: headerMap.optional(),
  grpc: z.strictObject({ service: short, method: short }).optional(),
  backendResponseHeaders: headerMap.optional(),
  expect: expectation.optional(),
});

const filters = z.strictObject({
  text: z.string().max(1_024).optional(),
  namespaces: z.array(short).max(1_000).optional(),
  kinds: z.array(z.string().max(128)).max(100).optional(),
  onlyProblems: z.boolean().optional(),
});

const view = z.strictObject({
  page: z.enum(['topology', 'sandbox']),
  selected: short.optional(),
  filters: filters.optional(),
  panel: z.string().max(64).optional(),
  activeTest: z.number().int().min(0).max(MAX_TESTS).optional(),
  request: routeTestSchema.optional(),
});

/** A Kubernetes object: must at least say what it is. Its content is checked by normalize. */
const rawObject = z
  .record(z.string(), z.unknown())
  .refine((o) => typeof o['kind'] === 'string' && typeof o['apiVersion'] === 'string', {
    message: 'every shared object needs apiVersion and kind',
  });

const source = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sandbox'), yaml: z.string().max(MAX_YAML_CHARS) }),
  z.strictObject({
    type: z.literal('snapshot'),
    objects: z.array(rawObject).max(MAX_OBJECTS),
    label: short.optional(),
  }),
]);

export const shareStateSchema = z.strictObject({
  v: z.literal(1),
  source,
  view,
  tests: z.array(routeTestSchema).max(MAX_TESTS),
  redaction: z.strictObject({ maskIPs: z.boolean(), maskHostnames: z.boolean() }),
});

/** Validation errors as one short sentence: where, then what. */
export function describeSchemaError(error: z.ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'the content does not have the expected shape';
  const where = first.path.length === 0 ? 'content' : first.path.map(String).join('.');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${where}: ${first.message}${more}`;
}

/**
 * Validates a decoded JSON value. zod types optional fields as `T | undefined`; values that came
 * out of JSON.parse never hold `undefined`, so the cast to the exact-optional interface is sound.
 */
export function parseShareState(value: unknown): ShareResult<ShareState> {
  const parsed = shareStateSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'bad-schema',
        message: `Not a valid Gatescope share: ${describeSchemaError(parsed.error)}.`,
      },
    };
  }
  return { ok: true, value: parsed.data as ShareState };
}
