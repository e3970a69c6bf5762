/**
 * POST /api/analyze and POST /api/simulate: the CLI's JSON over HTTP, computed by the core.
 * Body: `{ "files": [{ "name", "text" }] }` or `{ "yaml": "..." }`; simulate adds
 * `"request": {...}` or `"requests": [...]`. Bad input → 400 with a message; over a bound of
 * batch/limits.ts or the worker's memory → 413; over the time budget → 422; too many calls at
 * once → 503. The body is not parsed here: its bytes go to the batch worker (batch-runner.ts),
 * which parses, analyses and explains off the event loop.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BatchRunner, type BatchRunnerOptions } from '../batch/batch-runner.ts';
import type { BatchKind } from '../batch/jobs.ts';
import { DEFAULT_LIMITS, type BatchLimits } from '../batch/limits.ts';

export interface AnalysisRouteOptions {
  readonly runner?: BatchRunnerOptions;
  readonly limits?: Partial<BatchLimits>;
}

/** What /metrics reports about analyze/simulate calls (batch-runner.ts counters). */
export type BatchStats = BatchRunner['stats'];

export function registerAnalysisRoutes(app: FastifyInstance, options: AnalysisRouteOptions = {}): BatchStats {
  const runner = new BatchRunner(options.runner);
  const limits: BatchLimits = { ...DEFAULT_LIMITS, ...options.limits };
  app.addHook('onClose', async () => runner.close());
  const handler =
    (kind: BatchKind) =>
    async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      const body = request.body instanceof Uint8Array ? request.body : new Uint8Array();
      const answer = await runner.run(kind, body, limits);
      if (answer.status >= 500) request.log.warn({ kind, answer: answer.json }, 'batch call failed');
      const payload =
        typeof answer.json === 'string'
          ? answer.json
          : Buffer.from(answer.json.buffer, answer.json.byteOffset, answer.json.byteLength);
      return reply.code(answer.status).type('application/json; charset=utf-8').send(payload);
    };
  // A scope of its own: here JSON bodies stay bytes (decoded and parsed in the worker, not here).
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/api/analyze', handler('analyze'));
    scope.post('/api/simulate', handler('simulate'));
  });
  return runner.stats;
}
