import type { Graph } from '../../db/graph.js';
import { pruneBatch } from './audit-repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes audit records older than the retention period (at least 365 days: the schema of
 * the configuration refuses less), oldest first and only as a contiguous start of the
 * chain, leaving an anchor so what remains still verifies. Run by hand or by a scheduler
 * (npm run audit:prune); the API never deletes audit records.
 */
export async function pruneAuditTrail(graph: Graph, retentionDays: number, now: number, batch = 5000): Promise<number> {
  if (retentionDays < 365) throw new Error('Audit records are kept at least 365 days');
  const cutoff = now - retentionDays * DAY_MS;
  let total = 0;
  for (;;) {
    const pruned = await graph.write((tx) => pruneBatch(tx, cutoff, batch), { metadata: { op: 'audit-prune' } });
    total += pruned;
    if (pruned < batch) return total;
  }
}
