import type { FastifyInstance } from 'fastify';
import mercurius from 'mercurius';
import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import { addSecurityHooks, recordingErrorCodes, securityContext, securityMercuriusOptions } from '../security/graphql-security.js';
import type { SecurityServices } from '../security/security-services.js';
import { subscriptionOptions } from '../events/subscription-options.js';
import type { TechniqueServices } from '../techniques/technique-services.js';
import type { ClewContext } from './context.js';
import { formatErrors } from './error-formatter.js';
import { mergeResolvers } from './merge-resolvers.js';
import { entityLoaders } from './resolvers/entity-fields.js';
import { explanationResolvers } from './resolvers/explanations.js';
import { exportResolvers } from './resolvers/export.js';
import { identityResolvers } from './resolvers/import-identity.js';
import { importJobResolvers } from './resolvers/import-jobs.js';
import { linkQueryResolvers } from './resolvers/link-queries.js';
import { securityResolvers } from './resolvers/security-resolvers.js';
import { alertResolvers } from './resolvers/alerts.js';
import { orderResolvers } from './resolvers/orders.js';
import { watchListResolvers } from './resolvers/watch-lists.js';
import { riskProfileResolvers } from './resolvers/risk-profiles.js';
import { savedChartResolvers } from './resolvers/saved-charts.js';
import { techniqueResolvers } from './resolvers/techniques.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';
import { loadSchemaSdl } from './schema-files.js';
import { languageOf } from '../request-language.js';

/**
 * POST /graphql, schema-first. Security (docs/security.md) adds its options, the per-request
 * context (principal, purpose, a graph bounded by the request's time limit) and its hooks:
 * every field needs a policy in server/src/security/policies.ts.
 */
export async function registerGraphql(app: FastifyInstance, deps: { graph: Graph; config: Config; security: SecurityServices; techniques: TechniqueServices }): Promise<void> {
  await app.register(mercurius, {
    schema: loadSchemaSdl(),
    resolvers: mergeResolvers({ DateTime: DateTimeScalar, JSON: JSONScalar }, linkQueryResolvers, ...securityResolvers, importJobResolvers, identityResolvers, techniqueResolvers, orderResolvers, watchListResolvers, alertResolvers, riskProfileResolvers, savedChartResolvers, exportResolvers, explanationResolvers) as never,
    loaders: entityLoaders as never,
    path: '/graphql',
    queryDepth: 12,
    // A query text sent again is compiled to a function (graphql-jit) on a later turn of the
    // event loop, and runs compiled from then on: the page and other units' systems send the
    // same few texts again and again (measured in docs/benchmarks.md, stop 21). mercurius's
    // adaptive mode, not its count mode: that one compiles on the request itself and skips
    // graphql-js's check of the variables there, so a bad variable in that one request
    // became INTERNAL instead of BAD_USER_INPUT (found by tests/integration/security-fuzz).
    // eluThreshold 1: by default it compiles only once the event loop was less than 80 %
    // busy, so a server under steady load kept running graphql-js (stop 22's profile).
    ...(deps.config.graphqlJit ? { jit: { minCount: 2, eluThreshold: 1 } } : {}),
    ...securityMercuriusOptions(deps.security),
    errorFormatter: recordingErrorCodes(formatErrors) as never,
    // Live alerts and order changes (docs/techniques.md), through the Neo4j-backed shared emitter.
    subscription: subscriptionOptions(deps.security, deps.techniques),
    context: (request): Omit<ClewContext, 'reply'> => ({
      config: deps.config,
      requestId: String(request.id),
      ...securityContext(deps.security, request),
      techniques: deps.techniques,
      lang: languageOf(request.headers['accept-language']),
    }),
  });
  addSecurityHooks(app, deps.security);
}
