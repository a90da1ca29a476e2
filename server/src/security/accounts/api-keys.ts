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
  if (name.length < 2 || name.length > 100) throw new BadUserInput('name', 'must be 2 to 100 characters', '应为 2 到 100 个字');
  checkUnit('unit', input.unit);
  if (input.scopes.length === 0 || !input.scopes.every(isKeyScope)) throw new BadUserInput('scopes', 'must name at least one scope', '至少要选一项权限范围');
  if (!isIdentifierAccess(input.identifierAccess)) throw new BadUserInput('identifierAccess', 'is not a level of identifier access', '不是有效的身份信息访问级别');
  if (!Number.isInteger(input.rateLimitPerMinute) || input.rateLimitPerMinute < 1 || input.rateLimitPerMinute > 100_000) {
    throw new BadUserInput('rateLimitPerMinute', 'must be a whole number from 1 to 100000', '应为 1 到 100000 之间的整数');
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
