import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from './accounts/tokens.js';

/**
 * The allow-list of persisted queries: one operation per .graphql file in
 * server/src/graphql/persisted/, identified by the SHA-256 (hex) of its text with leading
 * and trailing whitespace removed. Other units' keys may send only these (unless
 * CLEW_KEYS_PERSISTED_ONLY=false): either the exact text, or just the hash in the
 * Apollo-style extension {"persistedQuery": {"version": 1, "sha256Hash": "…"}}.
 */
export const PERSISTED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'graphql', 'persisted');

export interface PersistedQueries {
  byHash: ReadonlyMap<string, { file: string; query: string }>;
  isAllowed(query: string): boolean;
}

export function loadPersistedQueries(dir = PERSISTED_DIR): PersistedQueries {
  const byHash = new Map<string, { file: string; query: string }>();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort() : [];
  for (const file of files) {
    const query = readFileSync(path.join(dir, file), 'utf8').trim();
    byHash.set(sha256Hex(query), { file, query });
  }
  return { byHash, isAllowed: (query) => byHash.has(sha256Hex(query.trim())) };
}

interface QueryRequest {
  query: string;
  extensions?: object;
}

type PersistedExtension = { persistedQuery?: { version?: unknown; sha256Hash?: unknown } };

/** A mercurius persistedQueryProvider that serves hash-only requests from the allow-list and saves nothing. */
export function allowListProvider(queries: PersistedQueries) {
  const extension = (body: QueryRequest) => (body.extensions as PersistedExtension | undefined)?.persistedQuery;
  return {
    isPersistedQuery: (body: QueryRequest) => !body.query && extension(body) !== undefined,
    isPersistedQueryRetry: () => false,
    getHash: (body: QueryRequest) => {
      const p = extension(body);
      return p?.version === 1 && typeof p.sha256Hash === 'string' ? p.sha256Hash : '';
    },
    getQueryFromHash: async (hash: string) => queries.byHash.get(hash)?.query,
    notFoundError: 'This persisted query is not on the allow-list',
    notSupportedError: 'Send {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}} in extensions',
  };
}
