import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Graph, Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import { GENESIS_HASH, sealRecord, type AuditEntry, type SealedAuditRecord } from './audit-record.js';
import { unpackEntityIds } from './entity-ids.js';

const LOCK_HEAD = cypher('security/audit-lock-head');
const APPEND = cypher('security/audit-append');
const APPEND_AT_HEAD = cypher('security/audit-append-at-head');
const INDEX_CURSOR = cypher('security/audit-index-cursor');
const INDEX_PENDING = cypher('security/audit-index-pending');
const INDEX_WRITE = cypher('security/audit-index-write');
const PAGE_UNINDEXED = cypher('security/audit-page-unindexed');
const PAGE = cypher('security/audit-page');
const PAGE_BY_ENTITY = cypher('security/audit-page-by-entity');
const CHAIN_PAGE = cypher('security/audit-chain-page');
const CHAIN_ENDS = cypher('security/audit-chain-ends');
const PRUNE_BATCH = cypher('security/audit-prune-batch');

/** Integers go to Neo4j as integers (a JS number would be stored as a float). */
function toParams(record: SealedAuditRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
}

/**
 * Appends records at the end of the chain, serialized across every API process by the
 * chain head's write lock. The process remembers the head its last append left, so the
 * usual append is one statement (audit-append-at-head); when another process appended in
 * between, the same transaction reads the head under the lock and appends after it. The
 * driver retries the whole function on a transient error and seq and hash are recomputed
 * each time, so a retry cannot fork the chain; the seq constraint is a second guard.
 */
export class AuditChainWriter {
  private lastHead: { seq: number; hash: string } | null = null;

  constructor(private readonly graph: Graph) {}

  async append(entry: AuditEntry): Promise<SealedAuditRecord> {
    const record = (await this.appendAtKnownHead(entry)) ?? (await this.appendAfterReadingHead(entry));
    if (!this.lastHead || record.seq > this.lastHead.seq) this.lastHead = { seq: record.seq, hash: record.hash };
    return record;
  }

  /**
   * The usual case in one round trip: a single auto-commit statement (a managed transaction
   * would add a second one for its commit, on every request). It either appends after the
   * remembered head or changes nothing; on any error the managed path below takes over,
   * whose transaction the driver retries. Should a commit succeed but its answer be lost,
   * that path appends the record a second time: the chain stays whole, with the request
   * recorded twice under the same requestId.
   */
  private async appendAtKnownHead(entry: AuditEntry): Promise<SealedAuditRecord | null> {
    const known = this.lastHead;
    if (!known) return null;
    const sealed = sealRecord(entry, known.seq + 1, known.hash);
    try {
      const appended = await this.graph.runAutoCommit(APPEND_AT_HEAD, {
        requestId: entry.requestId,
        expectedSeq: neo4j.int(known.seq),
        expectedHash: known.hash,
        record: toParams(sealed),
      });
      return appended.records.length > 0 ? sealed : null;
    } catch {
      return null;
    }
  }

  private async appendAfterReadingHead(entry: AuditEntry): Promise<SealedAuditRecord> {
    return this.graph.write(
      async (tx) => {
        const head = (await tx.run(LOCK_HEAD, { requestId: entry.requestId, genesis: GENESIS_HASH })).records[0]!;
        const sealed = sealRecord(entry, Number(toPlain(head.get('seq'))) + 1, String(head.get('hash')));
        await tx.run(APPEND, { record: toParams(sealed) });
        return sealed;
      },
      { metadata: { op: 'audit-append' }, timeoutMs: 10_000 },
    );
  }
}

/** One append without a remembered head (commands and tests). */
export async function appendAuditRecord(graph: Graph, entry: AuditEntry): Promise<SealedAuditRecord> {
  return new AuditChainWriter(graph).append(entry);
}

export interface AuditFilter {
  userId: string | null;
  username: string | null;
  keyId: string | null;
  entityId: string | null;
  field: string | null;
  fromMs: number | null;
  toMs: number | null;
}

/** A quoted Lucene phrase: the whitespace analyzer keeps a graph id as one token. */
function entityPhrase(entityId: string): string {
  return `"${entityId.replace(/["\\]/g, '\\$&')}"`;
}

/** At most this many records are read past the entity index; it is normally a second behind. */
const MAX_UNINDEXED = 20_000;

/** Newest first, before a sequence number; `limit` rows. */
export async function auditPage(tx: Tx, filter: AuditFilter, beforeSeq: number, limit: number): Promise<Record<string, unknown>[]> {
  const params = {
    userId: filter.userId,
    username: filter.username,
    keyId: filter.keyId,
    field: filter.field,
    fromMs: filter.fromMs === null ? null : neo4j.int(filter.fromMs),
    toMs: filter.toMs === null ? null : neo4j.int(filter.toMs),
    beforeSeq: neo4j.int(beforeSeq),
    limit: neo4j.int(limit),
  };
  const plain = (r: { get(key: string): unknown }) => toPlain(r.get('record')) as Record<string, unknown>;
  if (!filter.entityId) return (await tx.run(PAGE, params)).records.map(plain);

  // The newest records, not yet indexed, are matched here; the rest come from the index.
  const entityId = filter.entityId;
  const unindexed = await tx.run(PAGE_UNINDEXED, { ...params, limit: neo4j.int(MAX_UNINDEXED) });
  const recent = unindexed.records.map(plain).filter((r) => unpackEntityIds(r.entityIdsDeflated).includes(entityId));
  if (recent.length >= limit) return recent.slice(0, limit);
  const indexedUpTo = Number(toPlain(unindexed.records[0]?.get('indexedUpTo') ?? null) ?? beforeSeq);
  const older = await tx.run(PAGE_BY_ENTITY, {
    ...params,
    beforeSeq: neo4j.int(Math.min(beforeSeq, unindexed.records.length > 0 ? indexedUpTo + 1 : beforeSeq)),
    limit: neo4j.int(limit - recent.length),
    entityQuery: entityPhrase(entityId),
  });
  return [...recent, ...older.records.map(plain)];
}

/** Records in chain order after a sequence number, as stored (for verification). */
export async function chainPage(tx: Tx, afterSeq: number, limit: number): Promise<Record<string, unknown>[]> {
  const result = await tx.run(CHAIN_PAGE, { afterSeq: neo4j.int(afterSeq), limit: neo4j.int(limit) });
  return result.records.map((r) => toPlain(r.get('record')) as Record<string, unknown>);
}

export interface ChainEnds {
  head: { seq: number; hash: string } | null;
  anchor: { seq: number; hash: string } | null;
}

export async function chainEnds(tx: Tx): Promise<ChainEnds> {
  const row = toPlain((await tx.run(CHAIN_ENDS)).records[0]?.toObject()) as Record<string, unknown> | null;
  const end = (seq: unknown, hash: unknown) => (seq === null || seq === undefined ? null : { seq: Number(seq), hash: String(hash) });
  return { head: end(row?.headSeq, row?.headHash), anchor: end(row?.anchorSeq, row?.anchorHash) };
}

/** Deletes one batch of records older than the cutoff from the start of the chain. */
export async function pruneBatch(tx: Tx, cutoffMs: number, batch: number): Promise<number> {
  const row = (await tx.run(PRUNE_BATCH, { cutoffMs: neo4j.int(cutoffMs), batch: neo4j.int(batch) })).records[0];
  return row ? Number(toPlain(row.get('pruned'))) : 0;
}

/**
 * Puts the next batch of records into the entity index, under the cursor's lock: their
 * entity ids unpacked into AuditEntityIndex nodes, the cursor moved past them. Returns how
 * many records it went through.
 */
export async function indexBatch(tx: Tx, batch: number): Promise<number> {
  const cursor = Number(toPlain((await tx.run(INDEX_CURSOR)).records[0]!.get('seq')));
  const pending = (await tx.run(INDEX_PENDING, { afterSeq: neo4j.int(cursor), limit: neo4j.int(batch) })).records;
  if (pending.length === 0) return 0;
  const rows = pending
    .map((r) => ({ seq: r.get('seq') as unknown, entities: unpackEntityIds(r.get('entityIdsDeflated')).join(' ') }))
    .filter((r) => r.entities !== '');
  await tx.run(INDEX_WRITE, { rows, lastSeq: pending[pending.length - 1]!.get('seq') });
  return pending.length;
}
