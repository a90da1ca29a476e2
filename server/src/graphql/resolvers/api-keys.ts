import type { IResolvers } from 'mercurius';
import { listApiKeys, type PublicApiKey } from '../../security/accounts/api-key-repository.js';
import { issueApiKey, revokeApiKey, type NewApiKeyInput } from '../../security/accounts/api-keys.js';
import type { ClewContext } from '../context.js';
import { isoTime, signedInUser } from './auth.js';

const keyOut = (k: PublicApiKey) => ({ ...k, createdAt: isoTime(k.createdAt), revokedAt: isoTime(k.revokedAt) });

/** Administrators issue and revoke other units' keys. */
export const apiKeyResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    apiKeys: async (_root, _args, ctx) => (await ctx.graph.read((tx) => listApiKeys(tx))).map(keyOut),
  },
  Mutation: {
    createApiKey: async (_root, args: { input: NewApiKeyInput }, ctx) => {
      const { key, token } = await issueApiKey(ctx.security.services.accounts, args.input, signedInUser(ctx.principal).username);
      return { apiKey: keyOut(key), token };
    },
    revokeApiKey: async (_root, args: { id: string }, ctx) =>
      keyOut(await revokeApiKey(ctx.security.services.accounts, args.id, signedInUser(ctx.principal).username)),
  },
};
