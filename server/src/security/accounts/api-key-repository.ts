import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import type { IdentifierAccess, KeyScope } from '../roles.js';

/** What may leave the server about a key: never the secret or its hash. */
export interface PublicApiKey {
  id: string;
  name: string;
  unit: string;
  scopes: KeyScope[];
  identifierAccess: IdentifierAccess;
  rateLimitPerMinute: number;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
  revokedBy: string | null;
}

export interface StoredApiKey extends PublicApiKey {
  secretHash: string;
}

const CREATE = cypher('security/api-key-create');
const BY_ID = cypher('security/api-key-by-id');
const LIST = cypher('security/api-key-list');
const REVOKE = cypher('security/api-key-revoke');
const DELETE = cypher('security/api-key-delete');

function publicKey(row: unknown): PublicApiKey {
  const k = toPlain(row) as Record<string, unknown>;
  return {
    id: String(k.id),
    name: String(k.name),
    unit: String(k.unit),
    scopes: (k.scopes as KeyScope[] | null) ?? [],
    identifierAccess: k.identifierAccess as IdentifierAccess,
    rateLimitPerMinute: Number(k.rateLimitPerMinute),
    createdAt: Number(k.createdAt),
    createdBy: String(k.createdBy),
    revokedAt: (k.revokedAt as number | null) ?? null,
    revokedBy: (k.revokedBy as string | null) ?? null,
  };
}

export async function createApiKey(tx: Tx, key: Omit<StoredApiKey, 'revokedAt' | 'revokedBy'>): Promise<PublicApiKey> {
  const result = await tx.run(CREATE, {
    key: { ...key, rateLimitPerMinute: neo4j.int(key.rateLimitPerMinute), createdAt: neo4j.int(key.createdAt) },
  });
  return publicKey(result.records[0]!.get('key'));
}

export async function findApiKey(tx: Tx, id: string): Promise<StoredApiKey | null> {
  const row = (await tx.run(BY_ID, { id })).records[0];
  if (!row) return null;
  const raw = toPlain(row.get('key')) as Record<string, unknown>;
  return { ...publicKey(raw), secretHash: String(raw.secretHash) };
}

export async function listApiKeys(tx: Tx): Promise<PublicApiKey[]> {
  return (await tx.run(LIST)).records.map((r) => publicKey(r.get('key')));
}

export async function revokeApiKey(tx: Tx, id: string, by: string, now: number): Promise<PublicApiKey | null> {
  const row = (await tx.run(REVOKE, { id, by, now: neo4j.int(now) })).records[0];
  return row ? publicKey(row.get('key')) : null;
}

export async function deleteApiKey(tx: Tx, id: string): Promise<void> {
  await tx.run(DELETE, { id });
}
