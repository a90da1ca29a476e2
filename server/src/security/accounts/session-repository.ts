import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import type { Role } from '../roles.js';
import type { UserStatus } from './user-repository.js';

export interface StoredSession {
  id: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  unit: string;
  status: UserStatus;
}

const CREATE = cypher('security/session-create');
const BY_TOKEN = cypher('security/session-by-token');
const TOUCH = cypher('security/session-touch');
const DELETE = cypher('security/session-delete');
const DELETE_FOR_USER = cypher('security/session-delete-for-user');
const PURGE_IDLE = cypher('security/session-purge-idle');

export async function createSession(tx: Tx, session: StoredSession & { tokenHash: string; clientAddress: string }): Promise<void> {
  await tx.run(CREATE, {
    session: {
      ...session,
      createdAt: neo4j.int(session.createdAt),
      lastSeenAt: neo4j.int(session.lastSeenAt),
      expiresAt: neo4j.int(session.expiresAt),
    },
  });
}

export async function findSession(tx: Tx, tokenHash: string): Promise<{ session: StoredSession; user: SessionUser | null } | null> {
  const row = (await tx.run(BY_TOKEN, { tokenHash })).records[0];
  if (!row) return null;
  const s = toPlain(row.get('session')) as Record<string, unknown>;
  const user = toPlain(row.get('user')) as SessionUser | null;
  return {
    session: { id: String(s.id), userId: String(s.userId), createdAt: Number(s.createdAt), lastSeenAt: Number(s.lastSeenAt), expiresAt: Number(s.expiresAt) },
    user,
  };
}

export async function touchSession(tx: Tx, id: string, now: number): Promise<void> {
  await tx.run(TOUCH, { id, now: neo4j.int(now) });
}

export async function deleteSession(tx: Tx, id: string): Promise<void> {
  await tx.run(DELETE, { id });
}

export async function deleteSessionsOfUser(tx: Tx, userId: string): Promise<number> {
  const row = (await tx.run(DELETE_FOR_USER, { userId })).records[0];
  return row ? Number(toPlain(row.get('ended'))) : 0;
}

export async function purgeIdleSessions(tx: Tx, cutoff: number, batch = 1000): Promise<number> {
  const row = (await tx.run(PURGE_IDLE, { cutoff: neo4j.int(cutoff), batch: neo4j.int(batch) })).records[0];
  return row ? Number(toPlain(row.get('purged'))) : 0;
}
