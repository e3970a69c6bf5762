/**
 * The Gatescope HTTP app as a Fastify plugin: security, JSON errors, the API of DESIGN.md and the
 * built SPA. server.ts wraps it in a Fastify instance; tests register it on their own.
 */
import type { FastifyInstance } from 'fastify';
import { jsonNotFound, registerErrorHandling } from './plugins/errors.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerAnalysisRoutes, type AnalysisRouteOptions } from './routes/analyze.ts';
import { registerEventRoutes, type EventRouteOptions } from './routes/events.ts';
import { registerMetricsRoute } from './routes/metrics.ts';
import { registerSpa } from './routes/spa.ts';
import { registerStatusRoutes } from './routes/status.ts';
import type { DataSource } from './source/types.ts';

export interface AppOptions {
  readonly source: DataSource;
  /** Folder of the built SPA (apps/web/dist); absent → API only. */
  readonly webRoot?: string;
  /** Host names accepted besides loopback (DNS rebinding protection). */
  readonly allowedHosts?: readonly string[];
  /** Bounds of POST /api/analyze and /api/simulate (worker time/heap budget, limits). */
  readonly batch?: AnalysisRouteOptions;
  /** Cap on open SSE streams. */
  readonly events?: EventRouteOptions;
}

export async function gatescopeApp(app: FastifyInstance, options: AppOptions): Promise<void> {
  registerSecurity(app, options.allowedHosts ? { allowedHosts: options.allowedHosts } : {});
  registerErrorHandling(app);
  registerStatusRoutes(app, options.source);
  const events = registerEventRoutes(app, options.source, options.events);
  const batch = registerAnalysisRoutes(app, options.batch);
  registerMetricsRoute(app, options.source, events, batch);
  if (!(await registerSpa(app, options.webRoot))) app.setNotFoundHandler(jsonNotFound);
}

// Like fastify-plugin: the app's hooks and handlers apply to the instance it is registered on.
Object.assign(gatescopeApp, { [Symbol.for('skip-override')]: true });
