import type { IResolvers } from 'mercurius';
import { BadUserInput } from '../../errors.js';
import { listUsers } from '../../security/accounts/user-repository.js';
import { createUser, resetPassword, setUserStatus, unlockUser, type NewUserInput } from '../../security/accounts/user-admin.js';
import type { ClewContext } from '../context.js';
import { signedInUser, userOut } from './auth.js';

/** Administrators' account management; each change records who made it. */
export const userAdminResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    users: async (_root, _args, ctx) => (await ctx.graph.read((tx) => listUsers(tx))).map(userOut),
  },
  Mutation: {
    createUser: async (_root, args: { input: NewUserInput }, ctx) =>
      userOut(await createUser(ctx.security.services.accounts, args.input, signedInUser(ctx.principal).username)),
    unlockUser: async (_root, args: { username: string }, ctx) =>
      userOut(await unlockUser(ctx.security.services.accounts, args.username, signedInUser(ctx.principal).username)),
    setUserStatus: async (_root, args: { username: string; status: string }, ctx) => {
      if (args.status !== 'ACTIVE' && args.status !== 'DISABLED') throw new BadUserInput('status', 'must be ACTIVE or DISABLED (accounts lock themselves)', '应为 ACTIVE（启用）或 DISABLED（停用）；锁定由系统自动处理');
      return userOut(await setUserStatus(ctx.security.services.accounts, args.username, args.status, signedInUser(ctx.principal).username));
    },
    resetPassword: async (_root, args: { username: string; newPassword: string }, ctx) =>
      userOut(await resetPassword(ctx.security.services.accounts, args.username, args.newPassword, signedInUser(ctx.principal).username)),
  },
};
