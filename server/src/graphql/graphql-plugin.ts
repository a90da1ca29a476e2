import type { FastifyInstance } from 'fastify';
import mercurius from 'mercurius';
import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import type { ClewContext } from './context.js';
import { formatErrors } from './error-formatter.js';
import { entityLoaders } from './resolvers/entity-fields.js';
import { linkQueryResolvers } from './resolvers/link-queries.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';
import { loadSchemaSdl } from './schema-files.js';

/** POST /graphql, schema-first. GraphiQL and introspection only when configured. */
export async function registerGraphql(app: FastifyInstance, deps: { graph: Graph; config: Config }): Promise<void> {
  await app.register(mercurius, {
    schema: loadSchemaSdl(),
    resolvers: { DateTime: DateTimeScalar, JSON: JSONScalar, ...linkQueryResolvers } as never,
    loaders: entityLoaders as never,
    graphiql: deps.config.graphiql,
    ide: deps.config.graphiql,
    path: '/graphql',
    allowBatchedQueries: false,
    queryDepth: 12,
    errorFormatter: formatErrors as never,
    context: (request): Omit<ClewContext, 'reply'> => ({ graph: deps.graph, config: deps.config, requestId: String(request.id) }),
  });
}
