import { ClewError } from '../errors.js';

/**
 * Refusals, each with a code a client can act on and a message a person can read. None says
 * more than the caller needs: a failed sign-in does not tell whether the user name exists.
 */
export type UnauthenticatedReason = 'NO_CREDENTIALS' | 'INVALID_CREDENTIALS' | 'SESSION_EXPIRED' | 'ACCOUNT_LOCKED' | 'ACCOUNT_DISABLED' | 'KEY_REVOKED';

const UNAUTHENTICATED_MESSAGES: Record<UnauthenticatedReason, string> = {
  NO_CREDENTIALS: 'Sign in first: send "Authorization: Bearer <token>" from signIn, or "Authorization: ApiKey <key>".',
  INVALID_CREDENTIALS: 'The user name, password, token or key is not valid.',
  SESSION_EXPIRED: 'The session has ended (30 minutes without use, or signed out); sign in again.',
  ACCOUNT_LOCKED: 'The account is locked after repeated failed sign-ins; an administrator must release it.',
  ACCOUNT_DISABLED: 'The account is disabled; ask an administrator.',
  KEY_REVOKED: 'The API key has been revoked; ask the intelligence centre for a new one.',
};

export class Unauthenticated extends ClewError {
  override name = 'Unauthenticated';
  constructor(readonly reason: UnauthenticatedReason) {
    super('UNAUTHENTICATED', UNAUTHENTICATED_MESSAGES[reason], { reason }, 401);
  }
}

export class Forbidden extends ClewError {
  override name = 'Forbidden';
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, extensions, 403);
  }
}

export class PurposeRequired extends ClewError {
  override name = 'PurposeRequired';
  constructor(operation: string, detail?: string) {
    super(
      'PURPOSE_REQUIRED',
      `${operation} looks up persons: state a purpose, a case number or a written reason of at least 4 characters, ` +
        `in the request's extensions.purpose ({"caseNumber": "…"} or {"reason": "…"}) or the X-Clew-Purpose header` +
        (detail ? ` (${detail})` : '') +
        '.',
      { operation },
      400,
    );
  }
}

export class RateLimited extends ClewError {
  override name = 'RateLimited';
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds }, 429);
  }
}
