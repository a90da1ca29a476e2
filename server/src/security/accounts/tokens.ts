import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session tokens and API key secrets. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Short random ids for users, sessions and keys (not secrets). */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}

/**
 * Session tokens and key secrets are stored as SHA-256 hashes: they are 256-bit random
 * values, so a slow password hash would add nothing but latency on every request.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
