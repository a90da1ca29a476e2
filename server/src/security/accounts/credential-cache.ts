import type { KeyPrincipal, UserPrincipal } from '../principal.js';

/**
 * A few seconds' memory of credentials this process has just checked, so a burst of
 * requests does not read the same session from the database each time. The database stays
 * the truth: an entry is used for at most `ttlMs` (5 s), idle expiry is still decided from
 * the session's last use, and changes made in this process (sign-out, password change,
 * account disabled, key revoked) drop the entries at once. A change made through another
 * process takes effect here within `ttlMs`.
 */
interface SessionEntry {
  principal: UserPrincipal;
  lastSeenAt: number;
  expiresAt: number;
  cachedAt: number;
}

interface KeyEntry {
  principal: KeyPrincipal;
  cachedAt: number;
}

export class CredentialCache {
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly keys = new Map<string, KeyEntry>();

  constructor(
    readonly ttlMs = 5000,
    private readonly maxEntries = 10_000,
  ) {}

  session(tokenHash: string, now: number): SessionEntry | undefined {
    const e = this.sessions.get(tokenHash);
    if (e && now - e.cachedAt >= 0 && now - e.cachedAt < this.ttlMs) return e;
    if (e) this.sessions.delete(tokenHash);
    return undefined;
  }

  rememberSession(tokenHash: string, entry: SessionEntry): void {
    if (this.sessions.size >= this.maxEntries) this.sessions.clear();
    this.sessions.set(tokenHash, entry);
  }

  key(credentialHash: string, now: number): KeyPrincipal | undefined {
    const e = this.keys.get(credentialHash);
    if (e && now - e.cachedAt >= 0 && now - e.cachedAt < this.ttlMs) return e.principal;
    if (e) this.keys.delete(credentialHash);
    return undefined;
  }

  rememberKey(credentialHash: string, principal: KeyPrincipal, now: number): void {
    if (this.keys.size >= this.maxEntries) this.keys.clear();
    this.keys.set(credentialHash, { principal, cachedAt: now });
  }

  forgetSession(sessionId: string): void {
    for (const [k, e] of this.sessions) if (e.principal.sessionId === sessionId) this.sessions.delete(k);
  }

  forgetUser(userId: string): void {
    for (const [k, e] of this.sessions) if (e.principal.userId === userId) this.sessions.delete(k);
  }

  forgetKey(keyId: string): void {
    for (const [k, e] of this.keys) if (e.principal.keyId === keyId) this.keys.delete(k);
  }
}
