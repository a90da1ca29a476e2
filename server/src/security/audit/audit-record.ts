import { createHash } from 'node:crypto';

/**
 * One audit record: who (user or key, role, unit, address), what (operation, its fields,
 * the query and variables with secrets redacted), why (purpose), what came back (the
 * entities' graph ids and their number), how it ended (outcome, error codes, HTTP status),
 * when (request start, duration). Only primitives and lists of strings, so that what is
 * hashed on writing is exactly what is read back when verifying.
 */
export interface AuditEntry {
  requestId: string;
  atMs: number;
  durationMs: number;
  route: string;
  actorKind: 'USER' | 'API_KEY' | 'ANONYMOUS';
  userId?: string;
  username?: string;
  keyId?: string;
  keyName?: string;
  role?: string;
  unit?: string;
  clientAddress: string;
  operationName?: string;
  operationType?: string;
  fields: string[];
  query?: string;
  variables?: string;
  purposeCaseNumber?: string;
  purposeReason?: string;
  /** Graph ids of the entities returned, packed (entity-ids.ts). */
  entityIdsDeflated: string;
  entityCount: number;
  outcome: AuditOutcome;
  errorCodes: string[];
  httpStatus: number;
}

/** OK: answered; PARTIAL: answered with some errors; REFUSED: security or input said no; FAILED: the server could not. */
export type AuditOutcome = 'OK' | 'PARTIAL' | 'REFUSED' | 'FAILED';

export interface SealedAuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The hash "before" the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with keys sorted at every level and absent values dropped (Neo4j does not store
 * nulls), so the same record always serializes the same way.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A record's hash covers every stored property but the hash itself, the previous hash included. */
export function hashRecord(record: Record<string, unknown>): string {
  const { hash: _hash, ...rest } = record;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

export function sealRecord(entry: AuditEntry, seq: number, prevHash: string): SealedAuditRecord {
  const unsealed = { ...dropAbsent(entry), seq, prevHash };
  return { ...unsealed, hash: hashRecord(unsealed) } as SealedAuditRecord;
}

function dropAbsent<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}
