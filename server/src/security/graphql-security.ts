import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, type ExecutionResult, type ValidationRule } from 'graphql';
import type { ClewContext } from '../graphql/context.js';
import { ClewError } from '../errors.js';
import { authorize, describeOperation } from './authorize.js';
import { exceededLimit, measureDocument, textNestingDepth } from './document-limits.js';
import { graphWithDeadline } from './deadline-graph.js';
import { instrumentResolvers } from './entity-collector.js';
import { auditEntryFor } from './audit/request-audit.js';
import { allowListProvider } from './persisted-queries.js';
import { ANONYMOUS } from './principal.js';
import { policyFor } from './policy.js';
import { readPurpose, PURPOSE_HEADER } from './purpose.js';
import { RequestSecurity, requestInfo } from './request-state.js';
import { Forbidden } from './security-errors.js';
import type { SecurityServices } from './security-services.js';

type SecurityContextPart = Pick<ClewContext, 'graph' | 'principal' | 'purpose' | 'clock' | 'entityCollector' | 'security'>;

const MAX_DOCUMENT_TOKENS = 20_000;
const LOOKS_LIKE_JSON = /^\s*(\{\s*"|\[|"|-?\d|true\b|false\b|null\b)/;

/** mercurius options that belong to security: spread into the registration in graphql-plugin.ts. */
export function securityMercuriusOptions(services: SecurityServices) {
  const rules: ValidationRule[] = services.config.security.introspection ? [] : [NoSchemaIntrospectionCustomRule];
  return {
    validationRules: rules,
    persistedQueryProvider: allowListProvider(services.persisted),
    allowBatchedQueries: false,
    graphiql: services.config.graphiql,
    ide: services.config.graphiql,
    additionalRouteOptions: { bodyLimit: services.config.security.graphqlBodyLimitBytes },
    // Big requests carry their bulk in variables; the document itself stays small.
    graphql: { parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS } },
  };
}

/**
 * The security part of every resolver's context: who, why, the graph bounded by the
 * request's deadline, and the entity collector the audit reads. The request state was
 * made by the security plugin's onRequest hook.
 */
export function securityContext(services: SecurityServices, request: FastifyRequest): SecurityContextPart {
  const state = request.clewSecurity ?? fallbackState(services, request);
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
  state.purpose = readPurpose(body.extensions, request.headers[PURPOSE_HEADER]);
  state.operationName = typeof body.operationName === 'string' ? body.operationName.slice(0, 200) : null;
  state.query = typeof body.query === 'string' ? body.query : null;
  state.variables = body.variables ?? null;
  return {
    graph: graphWithDeadline(services.graph, state.deadline, services.clock),
    principal: state.principal,
    purpose: state.purpose.purpose,
    clock: services.clock,
    // What a request returned is gathered for its audit record only.
    entityCollector: services.enforced ? state.entities : undefined,
    security: { request: state, services },
  };
}

/** Only reached if the GraphQL route is served without the security plugin's onRequest hook. */
function fallbackState(services: SecurityServices, request: FastifyRequest): RequestSecurity {
  const now = services.clock();
  return (request.clewSecurity = new RequestSecurity(now, now + services.config.neo4j.queryTimeoutMs, request.ip));
}

/**
 * Wraps the error formatter so the audit record gets the error codes the caller saw, and
 * so that Fastify's and mercurius's own refusals of a request (body too large, not JSON,
 * no query: FST_* and MER_ERR_* errors with a 4xx status) reach the caller as what they
 * are, not as INTERNAL.
 */
export function recordingErrorCodes<E extends { errors?: readonly GraphQLError[] }, C>(format: (execution: E, context: C) => { statusCode: number; response: ExecutionResult }) {
  return (execution: E, context: C) => {
    const errors = execution.errors?.map((e) => {
      const original = e.originalError as (Error & { code?: unknown; statusCode?: unknown }) | undefined;
      const status = Number(original?.statusCode);
      const wrapsOthers = Array.isArray((original as { errors?: unknown } | undefined)?.errors); // validation: the formatter lists them
      if (!original || wrapsOthers || !/^(FST_|MER_ERR_)/.test(String(original.code)) || !(status >= 400 && status < 500)) return e;
      return new GraphQLError(original.message, { originalError: new ClewError('BAD_USER_INPUT', original.message, {}, status) });
    });
    const formatted = format(errors ? { ...execution, errors } : execution, context);
    const state = (context as Partial<ClewContext> | undefined)?.security?.request;
    for (const e of (formatted.response.errors ?? []) as GraphQLError[]) state?.errorCodes.push(String(e.extensions?.code ?? 'UNKNOWN'));
    return formatted;
  };
}

/**
 * The request's security state; a GraphQL call that did not come through the HTTP route
 * (and so has none) is refused rather than run unchecked.
 */
function requestStateOf(context: unknown): RequestSecurity {
  const state = (context as Partial<ClewContext> | undefined)?.security?.request;
  if (!state) throw new Forbidden('GraphQL is served over HTTP at /graphql only.');
  return state;
}

/** Adds the checks that run on every GraphQL request, in mercurius's order. */
export function addSecurityHooks(app: FastifyInstance, services: SecurityServices): void {
  const { config, persisted, policies } = services;
  const schema = () => app.graphql.schema;
  const rootTypeNames = () =>
    new Set([schema().getQueryType()?.name, schema().getMutationType()?.name, schema().getSubscriptionType()?.name].filter((n): n is string => !!n));
  const costOf = (coordinate: string) => {
    const [type = '', field = ''] = coordinate.split('.');
    return policyFor(policies, type, field, true)?.cost ?? 1;
  };

  // Other units' keys may send allow-listed queries only (after a hash is resolved to its text).
  app.graphql.addHook('preParsing', async (_schema, source, context) => {
    const state = requestStateOf(context);
    state.query = source;
    // mercurius would take a JSON-encoded syntax tree in place of the text; Clew reads text only.
    if (LOOKS_LIKE_JSON.test(source)) throw new ClewError('BAD_USER_INPUT', 'Send the query as GraphQL text.', {}, 400);
    // Selection sets, argument lists and input values together; generous, but far below what overflows the parser.
    if (textNestingDepth(source) > config.security.maxDepth * 3) {
      throw new ClewError('BAD_USER_INPUT', `The query nests deeper than ${config.security.maxDepth} levels.`, { limit: true }, 400);
    }
    if (state.principal.kind === 'API_KEY' && config.security.keysPersistedOnly && !persisted.isAllowed(source)) {
      throw new Forbidden('API keys may send only allow-listed (persisted) queries; see server/src/graphql/persisted/.');
    }
  });

  // Size limits before graphql-js validates (some of its rules are quadratic in the fields).
  app.graphql.addHook('preValidation', async (_schema, document) => {
    if (document?.kind !== Kind.DOCUMENT || !Array.isArray(document.definitions)) {
      throw new ClewError('BAD_USER_INPUT', 'Send the query as GraphQL text.', {}, 400);
    }
    const problem = exceededLimit(measureDocument(document), config.security, costOf);
    if (problem) throw new ClewError('BAD_USER_INPUT', problem, { limit: true }, 400);
  });

  // Deny by default: every field selected needs a policy that admits the caller.
  app.graphql.addHook('preExecution', async (currentSchema, document, context) => {
    const state = requestStateOf(context);
    const operation = describeOperation(currentSchema, document, state.operationName);
    if (!operation) throw new ClewError('BAD_USER_INPUT', 'Name the operation to run (operationName).', {}, 400);
    state.operation = operation;
    if (operation.type === 'subscription') throw new ClewError('BAD_USER_INPUT', 'Subscriptions are served over WebSocket at /graphql, not over POST.', {}, 400);
    if (!services.enforced) return;
    state.unmasked = authorize(policies, rootTypeNames(), operation, state.principal, state.purpose, state.authProblem).unmasked;
  });

  // Subscriptions arrive over WebSocket, past the HTTP hooks: the connection's context carries
  // the principal and purpose (events/subscription-options.ts signs the socket in with its
  // connection_init payload); the same policy check applies.
  app.graphql.addHook('preSubscriptionExecution', async (currentSchema, document, context, id) => {
    const ctx = context as unknown as Partial<ClewContext>;
    const operation = describeOperation(currentSchema, document, null);
    if (!operation) throw new ClewError('BAD_USER_INPUT', 'A subscription request holds one operation.', {}, 400);
    if (!services.enforced) return;
    const now = services.clock();
    const state = new RequestSecurity(now, now, '');
    state.principal = ctx.principal ?? ANONYMOUS;
    state.purpose = { purpose: ctx.purpose ?? null, problem: null };
    state.operation = operation;
    try {
      authorize(policies, rootTypeNames(), operation, state.principal, state.purpose, null);
    } catch (e) {
      state.errorCodes.push(e instanceof ClewError ? e.code : 'INTERNAL');
      throw e;
    } finally {
      // A subscription is recorded once, when it starts (or is refused).
      const status = state.errorCodes.length > 0 ? 403 : 200;
      await services.audit.record(auditEntryFor(state, { id: `ws-${String(id)}-${now}`, method: 'WS', url: '/graphql' }, status, services.clock()));
    }
  });

  // The answer is complete: start writing its audit record now, so the write overlaps the
  // serialization of the answer; the response still waits for it (security-plugin onSend).
  // The driver puts the statement on the wire only after a chain of promise hops (taking a
  // pooled connection), which lose the race to serialization: the write used to leave ~1.7 ms
  // late, after the answer was serialized. One turn of the event loop lets it go out first
  // (measured in docs/benchmarks.md: audit cost at p50 1.12 → 1.06 of the unaudited request).
  app.graphql.addHook('onResolution', async (_execution, context) => {
    if (!services.enforced) return;
    const ctx = context as unknown as Partial<ClewContext> & { reply?: FastifyReply };
    const state = ctx.security?.request;
    if (!state || !ctx.reply) return;
    const write = services.audit.record(auditEntryFor(state, requestInfo(ctx.reply.request), ctx.reply.statusCode, services.clock()));
    write.catch(() => undefined); // awaited, and reported, in onSend
    state.auditWrite = write;
    await new Promise<void>((resolve) => setImmediate(resolve));
  });

  // Every resolver registered by then reports the entities it returns to the audit.
  app.addHook('onReady', async () => instrumentResolvers(schema()));
}
