import { randomBytes } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import type { Tx } from '../db/graph.js';
import { toPlain } from '../db/neo4j-values.js';
import type { Principal } from '../security/principal.js';
import type { Purpose } from '../security/purpose.js';

const RECORD = cypher('techniques/run-record');
const BY_ID = cypher('techniques/run-by-id');
const LIST = cypher('techniques/run-list');

export type TechniqueName = 'TRACE_ASSOCIATES' | 'COLLISION' | 'LINK_CASES' | 'CO_TRAVELLERS' | 'HIGH_RISK_SEARCH';

/** Who ran something: a user, another unit's key, or Clew itself (the scheduler, an import). */
export interface Actor {
  kind: 'USER' | 'API_KEY' | 'SYSTEM';
  name: string;
  role: string | null;
  unit: string | null;
}

export function actorOf(principal: Principal | null | undefined): Actor {
  if (principal?.kind === 'USER') return { kind: 'USER', name: principal.username, role: principal.role, unit: principal.unit };
  if (principal?.kind === 'API_KEY') return { kind: 'API_KEY', name: `key:${principal.name}`, role: null, unit: principal.unit };
  return { kind: 'SYSTEM', name: 'anonymous', role: null, unit: null };
}

export const systemActor = (name: string): Actor => ({ kind: 'SYSTEM', name, role: null, unit: null });

export interface RunStart {
  technique: TechniqueName;
  arguments: Record<string, unknown>;
  actor: Actor;
  purpose: Purpose | null;
  startedAt: number;
}

export interface StoredRun {
  id: string;
  technique: TechniqueName;
  arguments: Record<string, unknown>;
  actor: Actor;
  purpose: Purpose | null;
  startedAt: number;
  finishedAt: number;
  summary: Record<string, unknown>;
  profileVersion: string | null;
}

export function newRunId(technique: TechniqueName, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `run-${technique.toLowerCase().replace(/_/g, '-')}-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Every run is recorded in the same transaction style as other writes: the caller owns it. */
export async function recordRun(tx: Tx, run: StoredRun): Promise<void> {
  await tx.run(RECORD, {
    run: {
      id: run.id,
      technique: run.technique,
      arguments: JSON.stringify(run.arguments),
      actor: run.actor.name,
      actorKind: run.actor.kind,
      role: run.actor.role,
      unit: run.actor.unit,
      purpose: run.purpose ? JSON.stringify(run.purpose) : null,
      startedAt: neo4j.int(run.startedAt),
      finishedAt: neo4j.int(run.finishedAt),
      summary: JSON.stringify(run.summary),
      profileVersion: run.profileVersion,
    },
  });
}

export async function findRun(tx: Tx, id: string): Promise<StoredRun | null> {
  const r = (await tx.run(BY_ID, { id })).records[0];
  return r ? fromStored(toPlain(r.get('run')) as Record<string, unknown>) : null;
}

export async function listRuns(tx: Tx, technique: TechniqueName | null, skip: number, limit: number): Promise<StoredRun[]> {
  const result = await tx.run(LIST, { technique, skip: neo4j.int(skip), limit: neo4j.int(limit) });
  return result.records.map((r) => fromStored(toPlain(r.get('run')) as Record<string, unknown>));
}

function fromStored(p: Record<string, unknown>): StoredRun {
  const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : null);
  return {
    id: String(p.id),
    technique: p.technique as TechniqueName,
    arguments: (json(p.arguments) ?? {}) as Record<string, unknown>,
    actor: { kind: p.actorKind as Actor['kind'], name: String(p.actor), role: (p.role as string) ?? null, unit: (p.unit as string) ?? null },
    purpose: json(p.purpose) as Purpose | null,
    startedAt: Number(p.startedAt),
    finishedAt: Number(p.finishedAt),
    summary: (json(p.summary) ?? {}) as Record<string, unknown>,
    profileVersion: (p.profileVersion as string) ?? null,
  };
}
