import type { IdentifierAccess, KeyScope, Role } from './roles.js';

/** A signed-in user, through a server-side session. */
export interface UserPrincipal {
  kind: 'USER';
  userId: string;
  username: string;
  role: Role;
  unit: string;
  sessionId: string;
}

/** Another unit's system, through an API key. */
export interface KeyPrincipal {
  kind: 'API_KEY';
  keyId: string;
  name: string;
  unit: string;
  scopes: readonly KeyScope[];
  identifierAccess: IdentifierAccess;
  rateLimitPerMinute: number;
}

export interface AnonymousPrincipal {
  kind: 'ANONYMOUS';
}

export type Principal = UserPrincipal | KeyPrincipal | AnonymousPrincipal;

export const ANONYMOUS: AnonymousPrincipal = { kind: 'ANONYMOUS' };

/** Keys whose scope does not allow full identifiers get resident IDs and phones masked. */
export function answersAreMasked(principal: Principal): boolean {
  return principal.kind === 'API_KEY' && principal.identifierAccess !== 'FULL';
}

/** The rate-limit bucket: one per user, one per key, one per client address for the rest. */
export function rateLimitKey(principal: Principal, clientAddress: string): string {
  switch (principal.kind) {
    case 'USER':
      return `user:${principal.userId}`;
    case 'API_KEY':
      return `key:${principal.keyId}`;
    default:
      return `ip:${clientAddress}`;
  }
}

/**
 * The unit whose records a principal is confined to, or null for all units. Station
 * officers see their own station's orders only; resolvers of unit-scoped data filter with
 * this (see docs/security.md).
 */
export function confinedToUnit(principal: Principal): string | null {
  if (principal.kind === 'USER' && principal.role === 'STATION_OFFICER') return principal.unit;
  return null;
}
