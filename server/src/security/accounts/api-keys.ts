import { BadUserInput, NotFound } from '../../errors.js';
import { isIdentifierAccess, isKeyScope, type IdentifierAccess, type KeyScope } from '../roles.js';
import type { AccountDeps } from './account-settings.js';
import { createApiKey as insertKey, revokeApiKey as storeRevocation, type PublicApiKey } from './api-key-repository.js';
import { newId, newSecret, sha256Hex } from './tokens.js';
import { checkUnit } from './user-admin.js';

export interface NewApiKeyInput {
  name: string;
  unit: string;
  scopes: KeyScope[];
  identifierAccess: IdentifierAccess;
  rateLimitPerMinute: number;
}

/**
 * Issues a key to another unit's system. The caller sees `<id>.<secret>` once; Clew keeps
 * only the secret's hash.
 */
export async function issueApiKey(deps: AccountDeps, input: NewApiKeyInput, createdBy: string): Promise<{ key: PublicApiKey; token: string }> {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 100) throw new BadUserInput('name', 'must be 2 to 100 characters');
  checkUnit('unit', input.unit);
  if (input.scopes.length === 0 || !input.scopes.every(isKeyScope)) throw new BadUserInput('scopes', 'must name at least one scope');
  if (!isIdentifierAccess(input.identifierAccess)) throw new BadUserInput('identifierAccess', 'is not a level of identifier access');
  if (!Number.isInteger(input.rateLimitPerMinute) || input.rateLimitPerMinute < 1 || input.rateLimitPerMinute > 100_000) {
    throw new BadUserInput('rateLimitPerMinute', 'must be a whole number from 1 to 100000');
  }
  const id = newId('k');
  const secret = newSecret();
  const key = await deps.graph.write((tx) =>
    insertKey(tx, {
      id,
      name,
      unit: input.unit,
      scopes: [...new Set(input.scopes)],
      identifierAccess: input.identifierAccess,
      rateLimitPerMinute: input.rateLimitPerMinute,
      secretHash: sha256Hex(secret),
      createdAt: deps.clock(),
      createdBy,
    }),
  );
  return { key, token: `${id}.${secret}` };
}

export async function revokeApiKey(deps: AccountDeps, id: string, by: string): Promise<PublicApiKey> {
  const key = await deps.graph.write((tx) => storeRevocation(tx, id, by, deps.clock()));
  if (!key) throw new NotFound('API key', id);
  deps.cache?.forgetKey(id);
  return key;
}
