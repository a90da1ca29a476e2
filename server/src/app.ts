import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { Graph } from './db/graph.js';
import { registerGraphql } from './graphql/graphql-plugin.js';
import { createExportServices } from './export/export-service.js';
import { registerClientPage } from './routes/client-page.js';
import { registerExportRoutes } from './routes/export.js';
import { registerHealth } from './routes/health.js';
import { registerImportRoutes } from './routes/imports.js';
import type { Clock } from './security/clock.js';
import { registerSecurity } from './security/security-plugin.js';
import { createSecurityServices } from './security/security-services.js';
import { createTechniqueServices, registerTechniques } from './techniques/technique-plugin.js';

export interface AppDeps {
  config: Config;
  graph: Graph;
  /** Security reads time from here (lockout, idle sessions, audit); tests pass a manual clock. */
  clock?: Clock;
  /**
   * Only bench/security.bench.ts sets this, to measure what authorization and audit cost;
   * no configuration variable turns them off.
   */
  withoutAuthorizationAndAudit?: boolean;
}

/**
 * Composes Clew's HTTP application in boot order. It does not listen (server.ts does) and
 * does not own the database connection (the caller opens and closes it), so tests build
 * the same app against the same database.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.logLevel },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.security.trustProxy,
    // A client that sends its request slowly is cut off instead of holding a socket open.
    requestTimeout: 30_000,
  });
  const security = createSecurityServices({
    graph: deps.graph,
    config: deps.config,
    clock: deps.clock,
    enforced: !deps.withoutAuthorizationAndAudit,
    log: app.log,
  });
  await registerSecurity(app, security);
  await registerHealth(app, deps);
  // The four techniques (docs/techniques.md): shared events for subscriptions, scheduled collision.
  const techniques = createTechniqueServices(deps, app.log);
  await registerTechniques(app, techniques);
  await registerGraphql(app, { ...deps, security, techniques });
  await registerImportRoutes(app, deps);
  // Evidence export (docs/export.md): files and signed packages, audited through security's route policies.
  await registerExportRoutes(app, createExportServices(deps.graph, deps.config));
  await registerClientPage(app);
  return app;
}
