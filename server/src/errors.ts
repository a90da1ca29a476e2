import { Neo4jError } from 'neo4j-driver';

/**
 * The error codes Clew shows to callers. Every error that reaches GraphQL or HTTP is one of
 * these classes; anything else is logged with the request id and shown as INTERNAL.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PURPOSE_REQUIRED'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export class ClewError extends Error {
  override name = 'ClewError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly httpStatus = 200,
  ) {
    super(message);
  }
}

/**
 * A refused argument, named. `reasonZh` says why in Chinese, for the workspace (required, so
 * no refusal reaches a Chinese page in English); the message stays English for other systems.
 */
export class BadUserInput extends ClewError {
  override name = 'BadUserInput';
  constructor(
    readonly argument: string,
    reason: string,
    reasonZh: string,
  ) {
    super('BAD_USER_INPUT', `${argument}: ${reason}`, { argument, reasonZh });
  }
}

export class NotFound extends ClewError {
  override name = 'NotFound';
  constructor(kind: string, id: string) {
    super('NOT_FOUND', `${kind} ${id} was not found`, { kind, id });
  }
}

export class ServiceUnavailable extends ClewError {
  override name = 'ServiceUnavailable';
  constructor(message = 'The graph database is unavailable; try again shortly.') {
    super('SERVICE_UNAVAILABLE', message, {}, 503);
  }
}

export class QueryTimeout extends ClewError {
  override name = 'QueryTimeout';
  constructor() {
    super('TIMEOUT', 'The query took longer than its time limit; narrow it (fewer hops, a shorter time window) and try again.');
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Maps driver errors onto Clew's codes, in this one place. */
export function fromDriverError(error: unknown): unknown {
  if (error instanceof ClewError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new ServiceUnavailable();
    if (
      error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
      error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
    ) {
      return new QueryTimeout();
    }
  }
  if (error instanceof Error && /ECONNREFUSED|connect ECONN|Pool is closed|Connection was closed/i.test(error.message)) {
    return new ServiceUnavailable();
  }
  return error;
}
