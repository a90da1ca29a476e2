import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { Graph } from './db/graph.js';
import { registerGraphql } from './graphql/graphql-plugin.js';
import { registerClientPage } from './routes/client-page.js';
import { registerHealth } from './routes/health.js';

export interface AppDeps {
  config: Config;
  graph: Graph;
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
  });
  await registerHealth(app, deps);
  await registerGraphql(app, deps);
  await registerClientPage(app);
  return app;
}
