import type { FastifyReply } from 'fastify';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { ClewError, fromDriverError } from '../errors.js';
import type { ClewContext } from './context.js';

type Formatted = { statusCode: number; response: ExecutionResult };
type MercuriusExecution = ExecutionResult & Required<Pick<ExecutionResult, 'errors'>> & { statusCode?: number };

/**
 * The one place where errors become what a caller sees: Clew's coded errors keep their
 * message and code; GraphQL parse and validation problems become BAD_USER_INPUT with
 * graphql-js's own message (which names the argument or field); anything else is logged
 * with the request id and shown as INTERNAL with no internals. A database outage answers
 * HTTP 503, a malformed request 400.
 */
export function formatErrors(execution: MercuriusExecution, context: unknown): Formatted {
  const ctx = context as Partial<ClewContext> & { reply?: FastifyReply };
  let statusCode = execution.data ? 200 : (execution.statusCode ?? 200);
  const errors: GraphQLError[] = [];
  for (const error of execution.errors) {
    const original = error.originalError as (Error & { errors?: unknown[]; statusCode?: number }) | undefined;
    if (original && Array.isArray(original.errors)) {
      // mercurius wraps the list of parse/validation errors in one MER_ERR_GQL_VALIDATION
      for (const inner of original.errors as GraphQLError[]) {
        errors.push(new GraphQLError(inner.message, { extensions: { code: 'BAD_USER_INPUT' } }));
      }
      statusCode = original.statusCode ?? 400;
      continue;
    }
    const mapped = fromDriverError(original ?? error);
    if (mapped instanceof ClewError) {
      if (mapped.httpStatus !== 200) statusCode = mapped.httpStatus;
      errors.push(new GraphQLError(mapped.message, { ...(error.path ? { path: error.path } : {}), extensions: { code: mapped.code, ...mapped.extensions } }));
      continue;
    }
    if (!original || original instanceof GraphQLError) {
      errors.push(new GraphQLError(error.message, { ...(error.path ? { path: error.path } : {}), extensions: { code: 'BAD_USER_INPUT' } }));
      if (!execution.data) statusCode = original && 'statusCode' in original ? Number(original.statusCode) : 400;
      continue;
    }
    ctx.reply?.log.error({ err: original, requestId: ctx.requestId }, 'internal error while resolving');
    if (!execution.data) statusCode = 500;
    errors.push(
      new GraphQLError(`Internal error; quote request id ${ctx.requestId ?? 'unknown'} when reporting it.`, {
        ...(error.path ? { path: error.path } : {}),
        extensions: { code: 'INTERNAL', requestId: ctx.requestId },
      }),
    );
  }
  return { statusCode, response: { data: execution.data ?? null, errors } };
}
