import { timingSafeEqual } from 'node:crypto';
import type { KeyPrincipal, Principal, UserPrincipal } from '../principal.js';
import { ANONYMOUS } from '../principal.js';
import { Unauthenticated } from '../security-errors.js';
import type { AccountDeps } from './account-settings.js';
import { findApiKey } from './api-key-repository.js';
import { deleteSession, findSession, touchSession } from './session-repository.js';
import { sha256Hex } from './tokens.js';

/**
 * Turns the Authorization header into a principal:
 *   Authorization: Bearer <session token from signIn>
 *   Authorization: ApiKey <key id>.<secret>
 * No header is the anonymous principal (which may only sign in). Credentials that do not
 * hold throw Unauthenticated with the reason. Sessions end after the idle time without a
 * request (checked here, in the database, so every process agrees) or at their maximum age.
 */
export async function authenticate(deps: AccountDeps, authorization: string | undefined): Promise<Principal> {
  if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
  const [scheme, credential = '', ...rest] = authorization.trim().split(/\s+/);
  if (rest.length > 0 || credential === '' || credential.length > 512) throw new Unauthenticated('INVALID_CREDENTIALS');
  switch (scheme?.toLowerCase()) {
    case 'bearer':
      return sessionPrincipal(deps, credential);
    case 'apikey':
      return keyPrincipal(deps, credential);
    default:
      throw new Unauthenticated('INVALID_CREDENTIALS');
  }
}

async function sessionPrincipal(deps: AccountDeps, token: string): Promise<UserPrincipal> {
  const { graph, clock, settings, cache } = deps;
  const tokenHash = sha256Hex(token);
  const now = clock();
  const cached = cache?.session(tokenHash, now);
  // A remembered session that looks idle is read again: another process may have seen it used.
  if (cached && now - cached.lastSeenAt <= settings.idleMs && now < cached.expiresAt) {
    if (now - cached.lastSeenAt >= settings.touchIntervalMs) {
      await graph.write((tx) => touchSession(tx, cached.principal.sessionId, now));
      cached.lastSeenAt = now;
    }
    return cached.principal;
  }
  const found = await graph.read((tx) => findSession(tx, tokenHash));
  if (!found) throw new Unauthenticated('SESSION_EXPIRED');
  const { session, user } = found;
  const ended = now - session.lastSeenAt > settings.idleMs || now >= session.expiresAt;
  if (ended || !user || user.status !== 'ACTIVE') {
    await graph.write((tx) => deleteSession(tx, session.id));
    cache?.forgetSession(session.id);
    if (ended || !user) throw new Unauthenticated('SESSION_EXPIRED');
    throw new Unauthenticated(user.status === 'LOCKED' ? 'ACCOUNT_LOCKED' : 'ACCOUNT_DISABLED');
  }
  let lastSeenAt = session.lastSeenAt;
  if (now - lastSeenAt >= settings.touchIntervalMs) {
    await graph.write((tx) => touchSession(tx, session.id, now));
    lastSeenAt = now;
  }
  const principal: UserPrincipal = { kind: 'USER', userId: user.id, username: user.username, role: user.role, unit: user.unit, sessionId: session.id };
  cache?.rememberSession(tokenHash, { principal, lastSeenAt, expiresAt: session.expiresAt, cachedAt: now });
  return principal;
}

async function keyPrincipal(deps: AccountDeps, credential: string): Promise<KeyPrincipal> {
  const dot = credential.indexOf('.');
  if (dot <= 0) throw new Unauthenticated('INVALID_CREDENTIALS');
  const now = deps.clock();
  const credentialHash = sha256Hex(credential);
  const cached = deps.cache?.key(credentialHash, now);
  if (cached) return cached;
  const key = await deps.graph.read((tx) => findApiKey(tx, credential.slice(0, dot)));
  const presented = Buffer.from(sha256Hex(credential.slice(dot + 1)), 'hex');
  const stored = Buffer.from(key?.secretHash ?? '', 'hex');
  if (!key || stored.length !== presented.length || !timingSafeEqual(presented, stored)) throw new Unauthenticated('INVALID_CREDENTIALS');
  if (key.revokedAt !== null) throw new Unauthenticated('KEY_REVOKED');
  const principal: KeyPrincipal = {
    kind: 'API_KEY',
    keyId: key.id,
    name: key.name,
    unit: key.unit,
    scopes: key.scopes,
    identifierAccess: key.identifierAccess,
    rateLimitPerMinute: key.rateLimitPerMinute,
  };
  deps.cache?.rememberKey(credentialHash, principal, now);
  return principal;
}
