import { BadUserInput } from '../../errors.js';
import { Unauthenticated } from '../security-errors.js';
import type { AccountDeps } from './account-settings.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { createSession, deleteSession, purgeIdleSessions } from './session-repository.js';
import { newId, newSecret, sha256Hex } from './tokens.js';
import { findUserByUsername, recordFailedSignIn, recordSignIn, type PublicUser } from './user-repository.js';

export interface SignedIn {
  token: string;
  user: PublicUser;
  idleExpiresAt: number;
  expiresAt: number;
}

export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

/**
 * Password sign-in to a server-side session. Failures are counted on the user in the
 * database (so every API process sees them); the threshold-th failure inside the window
 * locks the account until an administrator releases it. The answer to a wrong password
 * and to an unknown user name is the same, and takes the same time.
 */
export async function signIn(deps: AccountDeps, username: string, password: string, clientAddress: string): Promise<SignedIn> {
  if (!USERNAME.test(username)) throw new BadUserInput('username', 'must be 2 to 64 letters, digits, dots, @, _ or -', '应为 2 到 64 个字母、数字、点、@、_ 或 -');
  if (password.length === 0 || password.length > 256) throw new Unauthenticated('INVALID_CREDENTIALS');
  const { graph, clock, settings } = deps;
  const user = await graph.read((tx) => findUserByUsername(tx, username));
  if (!user) {
    await burnPasswordCheck(password);
    throw new Unauthenticated('INVALID_CREDENTIALS');
  }
  const passwordHolds = await verifyPassword(password, user.passwordHash);
  if (user.status === 'LOCKED') throw new Unauthenticated('ACCOUNT_LOCKED');
  if (!passwordHolds) {
    const now = clock();
    const after = await graph.write((tx) =>
      recordFailedSignIn(tx, { username, now, windowMs: settings.lockoutWindowMs, threshold: settings.lockoutThreshold }),
    );
    throw new Unauthenticated(after?.status === 'LOCKED' ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (user.status === 'DISABLED') throw new Unauthenticated('ACCOUNT_DISABLED');
  return startSession(deps, user, clientAddress);
}

/** Opens a session for a user whose credentials were checked (also used by test fixtures). */
export async function startSession(deps: AccountDeps, user: PublicUser, clientAddress: string): Promise<SignedIn> {
  const { graph, clock, settings } = deps;
  const now = clock();
  const token = newSecret();
  const session = { id: newId('s'), userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: now + settings.maxSessionMs };
  await graph.write(async (tx) => {
    await createSession(tx, { ...session, tokenHash: sha256Hex(token), clientAddress });
    await recordSignIn(tx, user.id, now);
    // Housekeeping with a wide margin: a session unused for longer than its whole lifetime.
    await purgeIdleSessions(tx, now - settings.maxSessionMs - settings.idleMs);
  });
  return { token, user, idleExpiresAt: now + settings.idleMs, expiresAt: session.expiresAt };
}

export async function signOut(deps: AccountDeps, sessionId: string): Promise<void> {
  await deps.graph.write((tx) => deleteSession(tx, sessionId));
  deps.cache?.forgetSession(sessionId);
}
