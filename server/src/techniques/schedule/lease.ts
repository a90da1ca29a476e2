import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Graph } from '../../db/graph.js';

const ACQUIRE = cypher('techniques/lease-acquire');
const CLAIM_SLOT = cypher('techniques/slot-claim');
const FINISH_SLOT = cypher('techniques/slot-finish');

/** Takes or renews a named lease in Neo4j; true when this owner holds it until now + ttl. */
export async function acquireLease(graph: Graph, name: string, owner: string, now: number, ttlMs: number): Promise<boolean> {
  const r = await graph.write((tx) => tx.run(ACQUIRE, { name, owner, now: neo4j.int(now), ttlMs: neo4j.int(ttlMs) }));
  return r.records[0]?.get('granted') === true;
}

export async function claimSlot(graph: Graph, key: string, owner: string, now: number, ttlMs: number): Promise<boolean> {
  const r = await graph.write((tx) => tx.run(CLAIM_SLOT, { key, owner, now: neo4j.int(now), ttlMs: neo4j.int(ttlMs) }));
  return r.records[0]?.get('claimed') === true;
}

export async function finishSlot(graph: Graph, key: string, outcome: { status: 'DONE' | 'FAILED'; runId: string | null; error: string | null }, now: number): Promise<void> {
  await graph.write((tx) => tx.run(FINISH_SLOT, { key, ...outcome, now: neo4j.int(now) }));
}
