import neo4j, { Neo4jError } from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import { ClewError } from '../../errors.js';
import type { Role } from '../roles.js';

export type UserStatus = 'ACTIVE' | 'LOCKED' | 'DISABLED';

/** What may leave the server about a user: never the password hash. */
export interface PublicUser {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
  unit: string;
  status: UserStatus;
  createdAt: number;
  createdBy: string | null;
  lockedAt: number | null;
}

export interface StoredUser extends PublicUser {
  passwordHash: string;
  failedSignIns: number[];
}

const CREATE = cypher('security/user-create');
const BY_USERNAME = cypher('security/user-by-username');
const LIST = cypher('security/user-list');
const RECORD_FAILURE = cypher('security/user-record-failed-sign-in');
const RECORD_SIGN_IN = cypher('security/user-record-sign-in');
const UNLOCK = cypher('security/user-unlock');
const SET_STATUS = cypher('security/user-set-status');
const SET_PASSWORD = cypher('security/user-set-password');
const DELETE = cypher('security/user-delete');

const ms = (value: number) => neo4j.int(value);

function publicUser(row: unknown): PublicUser {
  const u = toPlain(row) as Record<string, unknown>;
  return {
    id: String(u.id),
    username: String(u.username),
    displayName: (u.displayName as string | null) ?? null,
    role: u.role as Role,
    unit: String(u.unit),
    status: u.status as UserStatus,
    createdAt: Number(u.createdAt),
    createdBy: (u.createdBy as string | null) ?? null,
    lockedAt: (u.lockedAt as number | null) ?? null,
  };
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string | null;
  passwordHash: string;
  role: Role;
  unit: string;
  createdAt: number;
  createdBy: string;
}

export async function createUser(tx: Tx, user: NewUser): Promise<PublicUser> {
  try {
    const result = await tx.run(CREATE, { user: { ...user, status: 'ACTIVE', failedSignIns: [], createdAt: ms(user.createdAt) } });
    return publicUser(result.records[0]!.get('user'));
  } catch (e) {
    if (e instanceof Neo4jError && e.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      throw new ClewError('CONFLICT', `A user named ${user.username} already exists`, { argument: 'username' });
    }
    throw e;
  }
}

export async function findUserByUsername(tx: Tx, username: string): Promise<StoredUser | null> {
  const row = (await tx.run(BY_USERNAME, { username })).records[0];
  if (!row) return null;
  const raw = toPlain(row.get('user')) as Record<string, unknown>;
  return { ...publicUser(raw), passwordHash: String(raw.passwordHash), failedSignIns: (raw.failedSignIns as number[] | null) ?? [] };
}

export async function listUsers(tx: Tx): Promise<PublicUser[]> {
  return (await tx.run(LIST)).records.map((r) => publicUser(r.get('user')));
}

export async function recordFailedSignIn(
  tx: Tx,
  args: { username: string; now: number; windowMs: number; threshold: number },
): Promise<{ status: UserStatus; failures: number } | null> {
  const row = (
    await tx.run(RECORD_FAILURE, { username: args.username, now: ms(args.now), windowMs: ms(args.windowMs), threshold: neo4j.int(args.threshold) })
  ).records[0];
  return row ? { status: row.get('status') as UserStatus, failures: Number(toPlain(row.get('failures'))) } : null;
}

export async function recordSignIn(tx: Tx, userId: string, now: number): Promise<void> {
  await tx.run(RECORD_SIGN_IN, { userId, now: ms(now) });
}

async function oneUser(tx: Tx, statement: string, params: Record<string, unknown>): Promise<PublicUser | null> {
  const row = (await tx.run(statement, params)).records[0];
  return row ? publicUser(row.get('user')) : null;
}

export const unlockUser = (tx: Tx, username: string, by: string, now: number) => oneUser(tx, UNLOCK, { username, by, now: ms(now) });

export const setUserStatus = (tx: Tx, username: string, status: 'ACTIVE' | 'DISABLED', by: string, now: number) =>
  oneUser(tx, SET_STATUS, { username, status, by, now: ms(now) });

export const setPasswordHash = (tx: Tx, userId: string, passwordHash: string, by: string, now: number) =>
  oneUser(tx, SET_PASSWORD, { userId, passwordHash, by, now: ms(now) });

export async function deleteUser(tx: Tx, userId: string): Promise<void> {
  await tx.run(DELETE, { userId });
}
