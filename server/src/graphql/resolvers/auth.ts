import type { IResolvers } from 'mercurius';
import { cypher } from '../../db/cypher-files.js';
import { signIn, signOut } from '../../security/accounts/sign-in.js';
import { changeOwnPassword } from '../../security/accounts/user-admin.js';
import type { PublicUser } from '../../security/accounts/user-repository.js';
import type { Principal, UserPrincipal } from '../../security/principal.js';
import { Forbidden } from '../../security/security-errors.js';
import type { ClewContext } from '../context.js';

export const isoTime = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export function userOut(u: PublicUser) {
  return { ...u, createdAt: isoTime(u.createdAt), lockedAt: isoTime(u.lockedAt) };
}

/** The policies admit only users to these operations; this narrows the type for the resolver. */
export function signedInUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'USER') throw new Forbidden('Only a signed-in user can do this.');
  return principal;
}

const STATION_NAMES = cypher('techniques/station-names');

export const authResolvers: IResolvers<unknown, ClewContext> = {
  Viewer: {
    // A station's name for a station (Station:S-XC → 新城派出所); departments have no table of names.
    unitName: async (viewer: unknown, _args, ctx) => {
      const { unit } = viewer as { unit: string };
      if (!unit.startsWith('Station:')) return null;
      const id = unit.slice('Station:'.length);
      const result = await ctx.graph.read((tx) => tx.run(STATION_NAMES, { ids: [id] }));
      return (result.records[0]?.get('name') as string | undefined) ?? null;
    },
  },
  Query: {
    me: (_root, _args, ctx) => {
      const p = ctx.principal;
      if (p.kind === 'USER') return { kind: 'USER', name: p.username, role: p.role, unit: p.unit, scopes: [], identifierAccess: 'FULL' };
      if (p.kind === 'API_KEY') return { kind: 'API_KEY', name: p.name, role: null, unit: p.unit, scopes: p.scopes, identifierAccess: p.identifierAccess };
      throw new Forbidden('Sign in first.');
    },
  },
  Mutation: {
    signIn: async (_root, args: { username: string; password: string }, ctx) => {
      const { services, request } = ctx.security;
      const result = await signIn(services.accounts, args.username.trim(), args.password, request.clientAddress);
      // The audit record of a sign-in names who signed in, though they had no session yet.
      request.principal = { kind: 'USER', userId: result.user.id, username: result.user.username, role: result.user.role, unit: result.user.unit, sessionId: '' };
      return { token: result.token, idleExpiresAt: isoTime(result.idleExpiresAt), expiresAt: isoTime(result.expiresAt), user: userOut(result.user) };
    },
    signOut: async (_root, _args, ctx) => {
      await signOut(ctx.security.services.accounts, signedInUser(ctx.principal).sessionId);
      return true;
    },
    changePassword: async (_root, args: { currentPassword: string; newPassword: string }, ctx) => {
      await changeOwnPassword(ctx.security.services.accounts, signedInUser(ctx.principal), args.currentPassword, args.newPassword);
      return true;
    },
  },
};
