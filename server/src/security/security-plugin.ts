import { STATUS_CODES } from 'node:http';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OperationTypeNode } from 'graphql';
import { ClewError } from '../errors.js';
import { authenticate } from './accounts/authenticate.js';
import { auditEntryFor } from './audit/request-audit.js';
import { maskValue } from './masking.js';
import { allows, type PolicyTable } from './policy.js';
import { ANONYMOUS, answersAreMasked, rateLimitKey } from './principal.js';
import { readPurpose, PURPOSE_HEADER } from './purpose.js';
import { RequestSecurity, requestInfo } from './request-state.js';
import { Forbidden, PurposeRequired, RateLimited, Unauthenticated } from './security-errors.js';
import type { SecurityServices } from './security-services.js';

export const GRAPHQL_PATH = '/graphql';
const ANONYMOUS_BODY_LIMIT = 64 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A plain HTTP route that serves case data names its policy (a key in policies.ts, e.g.
     * "HTTP.importUpload"): the route is then authenticated, authorized, rate-limited and
     * audited like GraphQL. Routes without one are public (the page, /health).
     */
    policy?: string;
  }
}

/**
 * The security layer in front of every route, in boot order: load shedding first (so an
 * overloaded process answers 503 + Retry-After without touching the database), security
 * headers, CORS allow-list, then authentication, rate limits per user / key / address,
 * and, just before each response leaves, masking and the audit record.
 */
export async function registerSecurity(app: FastifyInstance, services: SecurityServices): Promise<void> {
  const { config } = services;
  const s = config.security;

  await app.register(underPressure, {
    maxEventLoopDelay: s.maxEventLoopDelayMs,
    ...(s.maxHeapUsedBytes > 0 ? { maxHeapUsedBytes: s.maxHeapUsedBytes } : {}),
    retryAfter: s.retryAfterSeconds,
    pressureHandler: (_request, reply) => {
      overloaded(reply, s.retryAfterSeconds);
    },
  });

  await app.register(helmet, {
    // GraphiQL (development only) loads its page from a CDN; everything else is same-origin.
    contentSecurityPolicy: config.graphiql
      ? false
      : {
          directives: {
            'default-src': ["'self'"],
            'script-src': ["'self'"],
            'style-src': ["'self'", "'unsafe-inline'"],
            'img-src': ["'self'", 'data:', 'blob:'],
            'worker-src': ["'self'", 'blob:'],
            'connect-src': ["'self'"],
            'object-src': ["'none'"],
            'frame-ancestors': ["'none'"],
            'upgrade-insecure-requests': null,
          },
        },
  });

  await app.register(cors, {
    origin: s.corsOrigins.length > 0 ? s.corsOrigins : false,
    methods: ['POST'],
    allowedHeaders: ['content-type', 'authorization', PURPOSE_HEADER],
    maxAge: 600,
  });

  app.decorateRequest('clewSecurity', null);
  app.addHook('onClose', async () => services.audit.close());

  app.addHook('onRequest', async (request, reply) => {
    const guarded = isGraphql(request) || routePolicy(request) !== undefined;
    // A WebSocket upgrade opens subscriptions: they sign in with their connection_init
    // payload and are authorized and audited per subscription (graphql-security.ts).
    if (!guarded || request.headers.upgrade?.toLowerCase() === 'websocket') return;
    const now = services.clock();
    const state = new RequestSecurity(now, now + config.neo4j.queryTimeoutMs, request.ip);
    request.clewSecurity = state;
    // The id under which the request is audited, so a caller can quote it to a supervisor.
    reply.header('x-request-id', String(request.id));
    if (isGraphql(request) && request.method !== 'POST') {
      throw new ClewError('BAD_USER_INPUT', 'Send GraphQL requests with POST.', {}, 405);
    }
    if (!services.enforced) return;
    try {
      state.principal = await authenticate(services.accounts, request.headers.authorization);
    } catch (e) {
      if (!(e instanceof Unauthenticated)) throw withStatusCode(e);
      state.authProblem = e.reason;
    }
    // Only signed-in callers may send large bodies; signing in takes a few hundred bytes.
    if (state.principal.kind === 'ANONYMOUS' && Number(request.headers['content-length'] ?? 0) > ANONYMOUS_BODY_LIMIT) {
      throw withStatusCode(new ClewError('BAD_USER_INPUT', 'Sign in before sending a request this large.', {}, 413));
    }
  });

  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    allowList: (request) => request.clewSecurity === null || !services.enforced,
    // Unguarded routes (the page, /health) are on the allow-list; their key is never used.
    keyGenerator: (request) => rateLimitKey(request.clewSecurity?.principal ?? ANONYMOUS, request.ip),
    max: (request) => {
      const p = request.clewSecurity?.principal ?? ANONYMOUS;
      if (p.kind === 'API_KEY') return p.rateLimitPerMinute;
      return p.kind === 'USER' ? s.rateLimitPerMinute : s.anonymousRateLimitPerMinute;
    },
    errorResponseBuilder: (_request, context) => Object.assign(new RateLimited(Math.ceil(context.ttl / 1000)), { statusCode: 429 }),
  });

  // Plain HTTP routes with a policy: the same checks as GraphQL, before the handler runs.
  app.addHook('preHandler', async (request) => {
    const name = routePolicy(request);
    const state = request.clewSecurity;
    if (name === undefined || !state || !services.enforced) return;
    // A JSON body may carry the purpose as GraphQL requests do, or as a top-level "purpose".
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as { extensions?: unknown; purpose?: unknown };
    state.purpose = readPurpose(body.extensions ?? (body.purpose === undefined ? undefined : { purpose: body.purpose }), request.headers[PURPOSE_HEADER]);
    try {
      checkRoutePolicy(services.policies, name, state);
    } catch (e) {
      if (e instanceof ClewError) state.errorCodes.push(e.code);
      throw withStatusCode(e);
    }
  });

  // Plain routes' failures show no internals either (GraphQL has its own formatter).
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    // A refusal names its argument and says why in Chinese too (extensions), as GraphQL's do.
    if (status < 500) return reply.code(status).send(error instanceof ClewError ? refusalBody(error, status) : error);
    request.log.error({ err: error, requestId: request.id }, 'internal error in a route');
    request.clewSecurity?.errorCodes.push('INTERNAL');
    return reply.code(status).send({ statusCode: status, code: 'INTERNAL', error: 'Internal Server Error', message: `Internal error; quote request id ${request.id} when reporting it.` });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.clewSecurity;
    if (!state || !services.enforced) return payload;
    const out = answersAreMasked(state.principal) && !state.unmasked ? maskPayload(payload) : payload;
    try {
      // GraphQL answers started their record as soon as they were resolved (graphql-security.ts).
      await (state.auditWrite ?? services.audit.record(auditEntryFor(state, requestInfo(request), reply.statusCode, services.clock())));
    } catch (e) {
      // No record, no answer: the caller gets 503 instead of unaudited data.
      request.log.error({ err: e, requestId: request.id }, 'could not write the audit record; answer withheld');
      reply.code(503).header('content-type', 'application/json; charset=utf-8').header('retry-after', String(s.retryAfterSeconds));
      return JSON.stringify({
        data: null,
        errors: [{ message: 'The audit trail could not be written, so the answer is withheld; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
    }
    return out;
  });
}

/** Fastify's error body (statusCode, code, error, message) with the error's extensions beside it. */
function refusalBody(error: ClewError, status: number): Record<string, unknown> {
  return { ...error.extensions, statusCode: status, code: error.code, error: STATUS_CODES[status] ?? 'Error', message: error.message };
}

function isGraphql(request: FastifyRequest): boolean {
  return request.routeOptions.url === GRAPHQL_PATH;
}

function routePolicy(request: FastifyRequest): string | undefined {
  return request.routeOptions.config?.policy;
}

function checkRoutePolicy(policies: PolicyTable, name: string, state: RequestSecurity): void {
  const policy = policies[name];
  if (!policy) throw new Forbidden(`${name} has no access policy, so it is refused; register one in server/src/security/policies.ts.`);
  if (!allows(policy.allow, state.principal)) {
    if (state.principal.kind === 'ANONYMOUS') throw new Unauthenticated(state.authProblem ?? 'NO_CREDENTIALS');
    throw new Forbidden(`${name} is not open to this caller.`);
  }
  if (policy.purpose && !state.purpose.purpose) throw new PurposeRequired(name, state.purpose.problem ?? undefined);
  state.operation = { name, type: OperationTypeNode.QUERY, rootFields: [name], coordinates: [name] };
}

/** Fastify's own error handler (plain routes) reads statusCode; GraphQL's formatter reads httpStatus. */
function withStatusCode(e: unknown): unknown {
  return e instanceof ClewError ? Object.assign(e, { statusCode: e.httpStatus === 200 ? 400 : e.httpStatus }) : e;
}

function maskPayload(payload: unknown): unknown {
  if (typeof payload !== 'string') return payload;
  try {
    return JSON.stringify(maskValue(JSON.parse(payload)));
  } catch {
    return payload; // not JSON (a stream or plain text): routes that stream mask their own rows
  }
}

function overloaded(reply: FastifyReply, retryAfterSeconds: number) {
  return reply
    .code(503)
    .header('retry-after', String(retryAfterSeconds))
    .send({ data: null, errors: [{ message: `Clew is overloaded; try again in ${retryAfterSeconds} s.`, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
}
