import type { FastifyInstance } from 'fastify';
import type { Graph } from '../db/graph.js';

/**
 * GET /health: 200 with the database state when Clew can answer queries, 503 otherwise,
 * so a load balancer takes an instance out while its database is unreachable.
 */
export async function registerHealth(app: FastifyInstance, deps: { graph: Graph }): Promise<void> {
  app.get('/health', async (_request, reply) => {
    const started = Date.now();
    try {
      const info = await deps.graph.read(
        async (tx) => {
          const r = await tx.run('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
          return { version: r.records[0]?.get('version') as string, edition: r.records[0]?.get('edition') as string };
        },
        { timeoutMs: 3000 },
      );
      return { status: 'ok', database: { state: 'available', ...info, latencyMs: Date.now() - started } };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: { state: 'unavailable' } });
    }
  });
}
