import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import type { Graph, Tx } from '../db/graph.js';
import { toPlain } from '../db/neo4j-values.js';

const PERSONS_OF_JOB = cypher('ingest/identity-persons-of-job');
const LINK = cypher('ingest/identity-link');
const DECIDE = cypher('ingest/identity-decide');
const UNDO = cypher('ingest/identity-undo');
const LINKS = cypher('ingest/identity-links');
const LINK_BY_KEY = cypher('ingest/identity-link-by-key');

export const IDENTITY_STATUSES = ['CANDIDATE', 'CONFIRMED', 'REJECTED'] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];

export interface ResolutionSummary {
  persons: number;
  confirmed: number;
  candidates: number;
}

export interface IdentityLinkRecord {
  link: Record<string, unknown>;
  from: Record<string, unknown>;
  to: Record<string, unknown>;
  history: Record<string, unknown>[];
}

const PAGE = 1000;

/**
 * Links the persons an import wrote to the records that are likely the same human being
 * (see cypher/ingest/identity-link.cypher). Nothing is merged away: records stay as sent,
 * joined by SAME_AS, so every link can be reviewed and undone.
 */
export async function resolveIdentities(graph: Graph, job: string, opts: { hubLimit?: number; minScore?: number } = {}): Promise<ResolutionSummary> {
  const summary: ResolutionSummary = { persons: 0, confirmed: 0, candidates: 0 };
  let after = '';
  for (;;) {
    const ids = await graph.read(async (tx) => (await tx.run(PERSONS_OF_JOB, { job, after, limit: neo4j.int(PAGE) })).records.map((r) => r.get('id') as string));
    if (ids.length === 0) break;
    const r = await graph.write(async (tx) => (await tx.run(LINK, { ids, job, hubLimit: neo4j.int(opts.hubLimit ?? 10), minScore: opts.minScore ?? 0.4 })).records[0], {
      metadata: { job, step: 'identity' },
    });
    summary.persons += ids.length;
    summary.confirmed += Number(r?.get('confirmed') ?? 0);
    summary.candidates += Number(r?.get('candidates') ?? 0);
    after = ids[ids.length - 1]!;
  }
  return summary;
}

export async function decideIdentity(tx: Tx, key: string, status: 'CONFIRMED' | 'REJECTED', by: string, note: string | null): Promise<boolean> {
  const result = await tx.run(DECIDE, { key, status, by, note, decisionId: randomUUID() });
  return result.records.length > 0;
}

/** Undefined when there is no such link; `undone` false when no decision was left to undo. */
export async function undoIdentityDecision(tx: Tx, key: string, by: string): Promise<{ undone: boolean } | undefined> {
  const r = (await tx.run(UNDO, { key, by })).records[0];
  return r ? { undone: Boolean(r.get('undone')) } : undefined;
}

export async function findIdentityLink(tx: Tx, key: string): Promise<IdentityLinkRecord | null> {
  const r = (await tx.run(LINK_BY_KEY, { key })).records[0];
  return r ? (toPlain(r.toObject()) as IdentityLinkRecord) : null;
}

export async function listIdentityLinks(
  tx: Tx,
  filter: { status: IdentityStatus | null; personId: string | null; skip: number; limit: number },
): Promise<{ links: IdentityLinkRecord[]; total: number }> {
  const result = await tx.run(LINKS, { status: filter.status, personId: filter.personId, skip: neo4j.int(filter.skip), limit: neo4j.int(filter.limit) });
  return {
    links: result.records.map((r) => toPlain({ link: r.get('link'), from: r.get('from'), to: r.get('to'), history: r.get('history') }) as IdentityLinkRecord),
    total: Number(result.records[0]?.get('total') ?? 0),
  };
}
