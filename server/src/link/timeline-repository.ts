import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import { toPlain } from '../db/neo4j-values.js';
import type { Tx } from '../db/graph.js';

const TIMELINE = cypher('link/timeline');

const KIND: Record<string, string> = { STAYED_AT: 'STAY', LOGGED_IN: 'LOGIN', PASSED: 'PASS', CALLED: 'CALL', INVOLVED_IN: 'CASE' };

export interface TimelineEvent {
  at: string;
  until: string | null;
  kind: string;
  location: Record<string, unknown> | null;
  counterpart: string | null;
  edgeId: string;
  properties: Record<string, unknown>;
}

export async function personTimeline(
  tx: Tx,
  args: { id: string; from: string | null; to: string | null; skip: number; limit: number },
): Promise<{ total: number; events: TimelineEvent[] } | null> {
  const result = await tx.run(TIMELINE, { ...args, skip: neo4j.int(args.skip), limit: neo4j.int(args.limit) });
  const row = result.records[0];
  if (!row) return null;
  const plain = toPlain(row.toObject()) as { total: number; events: TimelineEvent[] };
  return { total: plain.total, events: plain.events.map((e) => ({ ...e, kind: KIND[e.kind] ?? e.kind })) };
}
