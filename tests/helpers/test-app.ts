import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { loadConfig, type Config } from '../../server/src/config.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; argument?: string } }[];
}

export interface TestApp {
  app: FastifyInstance;
  graph: Graph;
  config: Config;
  url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/**
 * Builds the real app against the real database and listens on a free loopback port, so
 * tests go through HTTP exactly as a caller does.
 */
export async function startTestApp(overrides: (config: Config) => Config = (c) => c): Promise<TestApp> {
  const config = overrides({ ...loadConfig(), logLevel: 'warn' });
  const graph = await openGraph(config);
  const app = await buildApp({ config, graph });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    graph,
    config,
    url,
    async gql(query, variables = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphqlResponse, 'status'>;
      return { status: res.status, ...body } as GraphqlResponse<never>;
    },
    async close() {
      await app.close();
      await graph.close();
    },
  };
}
