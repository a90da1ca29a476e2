import type { Graph } from '../../db/graph.js';
import { GENESIS_HASH, hashRecord } from './audit-record.js';
import { chainEnds, chainPage } from './audit-repository.js';

export type ChainVerdict =
  | { ok: true; records: number; firstSeq: number | null; lastSeq: number | null }
  | { ok: false; records: number; brokenSeq: number; reason: string };

/**
 * Walks the chain from its start (sequence 1, or just after the anchor that pruning left)
 * to the head and names the first record that does not hold: one whose contents no longer
 * match its hash (altered), one missing from the sequence (deleted), one whose previous
 * hash is not its predecessor's (re-linked), or records missing after the last one.
 */
export async function verifyAuditChain(graph: Graph, options: { fromSeq?: number; pageSize?: number } = {}): Promise<ChainVerdict> {
  const pageSize = options.pageSize ?? 2000;
  const ends = await graph.read((tx) => chainEnds(tx));
  let expectedSeq = (ends.anchor?.seq ?? 0) + 1;
  let expectedPrev: string | null = ends.anchor?.hash ?? GENESIS_HASH;
  // A spot check from a later record trusts that record's link to the one before it.
  if (options.fromSeq !== undefined && options.fromSeq > expectedSeq) {
    expectedSeq = options.fromSeq;
    expectedPrev = null;
  }
  const firstSeq = expectedSeq;
  let count = 0;
  for (;;) {
    const page = await graph.read((tx) => chainPage(tx, expectedSeq - 1, pageSize));
    if (page.length === 0) break;
    for (const record of page) {
      const seq = Number(record.seq);
      if (seq !== expectedSeq) {
        return { ok: false, records: count, brokenSeq: expectedSeq, reason: `record ${expectedSeq} is missing: the chain jumps from ${expectedSeq - 1} to ${seq}` };
      }
      if (expectedPrev !== null && record.prevHash !== expectedPrev) {
        return { ok: false, records: count, brokenSeq: seq, reason: `record ${seq} does not follow record ${seq - 1}: its previous hash differs` };
      }
      if (hashRecord(record) !== record.hash) {
        return { ok: false, records: count, brokenSeq: seq, reason: `record ${seq} was altered: its contents no longer match its hash` };
      }
      count++;
      expectedSeq = seq + 1;
      expectedPrev = String(record.hash);
    }
    // The page query returns seq > expectedSeq - 1; a gap inside a page is caught above.
  }
  const headSeq = ends.head?.seq ?? 0;
  const lastSeq = expectedSeq - 1;
  if (headSeq > lastSeq) {
    return { ok: false, records: count, brokenSeq: lastSeq + 1, reason: `records ${lastSeq + 1} to ${headSeq} are missing: the chain head says ${headSeq}` };
  }
  if (ends.head && headSeq === lastSeq && count > 0 && ends.head.hash !== expectedPrev) {
    return { ok: false, records: count, brokenSeq: lastSeq, reason: `record ${lastSeq} is not the one the chain head recorded` };
  }
  return { ok: true, records: count, firstSeq: count > 0 ? firstSeq : null, lastSeq: count > 0 ? lastSeq : null };
}
