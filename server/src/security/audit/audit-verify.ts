import type { Graph } from '../../db/graph.js';
import { GENESIS_HASH, hashRecord } from './audit-record.js';
import { chainEnds, chainPage } from './audit-repository.js';

/** How a chain breaks: a record changed, one gone, one put in another's place, the end cut off, the end replaced. */
export type ChainBreak = 'ALTERED' | 'MISSING' | 'RELINKED' | 'TAIL_MISSING' | 'HEAD_MISMATCH';

export type ChainVerdict =
  | {
      ok: true;
      records: number;
      firstSeq: number | null;
      lastSeq: number | null;
      /** The head's sequence number when the walk began (the length of the trail). */
      headSeq: number;
      /** Where the next segment starts, or null when this one reached the head. */
      nextSeq: number | null;
    }
  | { ok: false; records: number; brokenSeq: number; code: ChainBreak; reason: string; headSeq: number };

export interface VerifyOptions {
  /** Start here instead of at the chain's start; this record's link to the one before it is checked too. */
  fromSeq?: number;
  /** Check at most this many records, then say where to go on (`nextSeq`). */
  limit?: number;
  pageSize?: number;
}

/**
 * Walks the chain from its start (sequence 1, or just after the anchor that pruning left)
 * to the head and names the first record that does not hold: one whose contents no longer
 * match its hash (altered), one missing from the sequence (deleted), one whose previous
 * hash is not its predecessor's (re-linked), or records missing after the last one.
 *
 * A walk can go in segments (`fromSeq`, `limit`), so a page can verify a long trail a piece
 * at a time with progress: each segment checks its first record against the stored hash of
 * the record before it, so segments that each hold make a chain that holds.
 */
export async function verifyAuditChain(graph: Graph, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const pageSize = options.pageSize ?? 2000;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const ends = await graph.read((tx) => chainEnds(tx));
  const headSeq = ends.head?.seq ?? 0;
  let expectedSeq = (ends.anchor?.seq ?? 0) + 1;
  let expectedPrev: string | null = ends.anchor?.hash ?? GENESIS_HASH;
  if (options.fromSeq !== undefined && options.fromSeq > expectedSeq) {
    expectedSeq = options.fromSeq;
    const before = await graph.read((tx) => chainPage(tx, expectedSeq - 2, 1));
    if (Number(before[0]?.seq) !== expectedSeq - 1) {
      return broken(0, expectedSeq - 1, 'MISSING', `record ${expectedSeq - 1} is missing: the chain has no record before ${expectedSeq}`, headSeq);
    }
    expectedPrev = String(before[0]!.hash);
  }
  const firstSeq = expectedSeq;
  let count = 0;
  while (count < limit) {
    const page = await graph.read((tx) => chainPage(tx, expectedSeq - 1, Math.min(pageSize, limit - count)));
    if (page.length === 0) break;
    for (const record of page) {
      const seq = Number(record.seq);
      if (seq !== expectedSeq) return broken(count, expectedSeq, 'MISSING', `record ${expectedSeq} is missing: the chain jumps from ${expectedSeq - 1} to ${seq}`, headSeq);
      if (record.prevHash !== expectedPrev) return broken(count, seq, 'RELINKED', `record ${seq} does not follow record ${seq - 1}: its previous hash differs`, headSeq);
      if (hashRecord(record) !== record.hash) return broken(count, seq, 'ALTERED', `record ${seq} was altered: its contents no longer match its hash`, headSeq);
      count++;
      expectedSeq = seq + 1;
      expectedPrev = String(record.hash);
    }
    // The page query returns seq > expectedSeq - 1; a gap inside a page is caught above.
  }
  const lastSeq = expectedSeq - 1;
  const range = { firstSeq: count > 0 ? firstSeq : null, lastSeq: count > 0 ? lastSeq : null };
  // Stopped at the limit with more to come (records written meanwhile are past the head read at the start).
  if (count >= limit && lastSeq < headSeq) return { ok: true, records: count, ...range, headSeq, nextSeq: lastSeq + 1 };
  if (headSeq > lastSeq) return broken(count, lastSeq + 1, 'TAIL_MISSING', `records ${lastSeq + 1} to ${headSeq} are missing: the chain head says ${headSeq}`, headSeq);
  if (ends.head && headSeq === lastSeq && count > 0 && ends.head.hash !== expectedPrev) {
    return broken(count, lastSeq, 'HEAD_MISMATCH', `record ${lastSeq} is not the one the chain head recorded`, headSeq);
  }
  return { ok: true, records: count, ...range, headSeq, nextSeq: null };
}

function broken(records: number, brokenSeq: number, code: ChainBreak, reason: string, headSeq: number): ChainVerdict {
  return { ok: false, records, brokenSeq, code, reason, headSeq };
}
