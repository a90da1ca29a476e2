import type { FastifyRequest } from 'fastify';
import type { OperationInfo } from './authorize.js';
import { EntityCollector } from './entity-collector.js';
import { ANONYMOUS, type Principal } from './principal.js';
import type { PurposeReading } from './purpose.js';
import type { UnauthenticatedReason } from './security-errors.js';

/**
 * What security learns about one request as it passes through: who asked, why, what they
 * asked for, what came back. Filled in by the hooks in order and read by the audit hook
 * just before the response leaves.
 */
export class RequestSecurity {
  principal: Principal = ANONYMOUS;
  /** Set when credentials were sent but did not hold; reported if the request needed them. */
  authProblem: UnauthenticatedReason | null = null;
  purpose: PurposeReading = { purpose: null, problem: null };
  /** The operationName the request sent, and what it resolved to. */
  operationName: string | null = null;
  operation: OperationInfo | null = null;
  query: string | null = null;
  variables: unknown = null;
  /** The request is an explicit unmasking, so its answer is not masked. */
  unmasked = false;
  errorCodes: string[] = [];
  /** The audit record's write, once started; the response waits for it. */
  auditWrite: Promise<unknown> | null = null;
  readonly entities = new EntityCollector();

  constructor(
    readonly startedAt: number,
    readonly deadline: number,
    readonly clientAddress: string,
  ) {}
}

/** What the audit record says about the HTTP request itself. */
export function requestInfo(request: FastifyRequest) {
  return { id: String(request.id), method: request.method, url: request.url, routePath: request.routeOptions.url };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the security plugin on every request it audits (GraphQL and guarded routes). */
    clewSecurity: RequestSecurity | null;
  }
}
