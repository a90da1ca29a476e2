import { randomBytes } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import type { OrderStatus } from './order-deadlines.js';

const ISSUE = cypher('techniques/order-issue');
const BY_ID = cypher('techniques/order-by-id');
const LIST = cypher('techniques/order-list');
const UPDATE = cypher('techniques/order-update');
const DUE_WARNINGS = cypher('techniques/order-due-warnings');
const OVERDUE = cypher('techniques/order-overdue');
const DELETE_BY_RUN = cypher('techniques/order-delete-by-run');

/** A verification order (核查指令) as stored; times are epoch ms. */
export interface Order {
  id: string;
  hitKey: string;
  kind: 'GROUP' | 'SINGLE';
  list: string;
  rule: string | null;
  station: string;
  /** The station's name when the order was issued; orders issued before it was kept have none. */
  stationName: string | null;
  title: string;
  why: string;
  /** `why` in Chinese; orders issued before it existed have none. */
  whyZh: string | null;
  members: string[];
  records: string[];
  issuedAt: number;
  deadline: number;
  status: OrderStatus;
  issuedBy: string;
  issuedByRun: string;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  answeredAt: number | null;
  answeredBy: string | null;
  feedback: string | null;
  closedAt: number | null;
  closedBy: string | null;
  closeNote: string | null;
  warnedAt: number | null;
  overdueAt: number | null;
}

/** What a collision asks to issue: the order's content, before it has an id, times and a status. */
export interface NewOrder extends Pick<Order, 'hitKey' | 'kind' | 'list' | 'rule' | 'station' | 'title' | 'why' | 'members' | 'records'> {
  whyZh: string;
  /** Person ids among the members (entries not in the graph have none). */
  persons: string[];
  deadlineMinutes: number;
}

export function newOrderId(now: number): string {
  return `ORD-${new Date(now + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
}

/** Issues the orders (once per hit key) and links them to the run; says which are new. */
export async function issueOrders(tx: Tx, runId: string, orders: NewOrder[], now: number, issuedBy: string): Promise<{ order: Order; created: boolean }[]> {
  if (orders.length === 0) return [];
  const rows = orders.map((o) => ({
    hitKey: o.hitKey,
    station: o.station,
    persons: o.persons,
    props: {
      id: newOrderId(now),
      hitKey: o.hitKey,
      kind: o.kind,
      list: o.list,
      rule: o.rule,
      station: o.station,
      title: o.title,
      why: o.why,
      whyZh: o.whyZh,
      members: o.members,
      records: o.records,
      issuedAt: neo4j.int(now),
      deadline: neo4j.int(now + o.deadlineMinutes * 60_000),
      status: 'ISSUED',
      issuedBy,
    },
  }));
  const result = await tx.run(ISSUE, { runId, orders: rows });
  return result.records.map((r) => ({ order: fromStored(r.get('order')), created: r.get('created') as boolean }));
}

export async function findOrder(tx: Tx, id: string): Promise<Order | null> {
  const r = (await tx.run(BY_ID, { id })).records[0];
  return r ? fromStored(r.get('order')) : null;
}

export async function listOrders(tx: Tx, filter: { station: string | null; statuses: OrderStatus[] | null; skip: number; limit: number }): Promise<{ orders: Order[]; total: number }> {
  const result = await tx.run(LIST, { station: filter.station, statuses: filter.statuses, skip: neo4j.int(filter.skip), limit: neo4j.int(filter.limit) });
  const orders = result.records.filter((r) => r.get('order') !== null).map((r) => fromStored(r.get('order')));
  return { orders, total: Number(result.records[0]?.get('total') ?? 0) };
}

/** Applies a status move if the order is still in one of `from`; null when it is not (or is gone). */
export async function updateOrder(tx: Tx, id: string, from: OrderStatus[], set: Record<string, unknown>): Promise<Order | null> {
  const stored = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
  const r = (await tx.run(UPDATE, { id, from, set: stored })).records[0];
  return r ? fromStored(r.get('order')) : null;
}

export async function markDueWarnings(tx: Tx, now: number, warnMs: number): Promise<Order[]> {
  return (await tx.run(DUE_WARNINGS, { now: neo4j.int(now), warnMs: neo4j.int(warnMs) })).records.map((r) => fromStored(r.get('order')));
}

export async function markOverdue(tx: Tx, now: number): Promise<Order[]> {
  return (await tx.run(OVERDUE, { now: neo4j.int(now) })).records.map((r) => fromStored(r.get('order')));
}

/** For tests and the benchmark: removes a run's orders and the run. */
export async function deleteRunAndOrders(tx: Tx, runId: string): Promise<void> {
  await tx.run(DELETE_BY_RUN, { runId });
}

function fromStored(raw: unknown): Order {
  const p = toPlain(raw) as Record<string, unknown>;
  const n = (v: unknown) => (typeof v === 'number' ? v : null);
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(p.id),
    hitKey: String(p.hitKey),
    kind: p.kind === 'GROUP' ? 'GROUP' : 'SINGLE',
    list: String(p.list),
    rule: s(p.rule),
    station: String(p.station),
    stationName: s(p.stationName),
    title: String(p.title ?? ''),
    why: String(p.why ?? ''),
    whyZh: s(p.whyZh),
    members: (p.members as string[]) ?? [],
    records: (p.records as string[]) ?? [],
    issuedAt: Number(p.issuedAt),
    deadline: Number(p.deadline),
    status: p.status as OrderStatus,
    issuedBy: String(p.issuedBy ?? ''),
    issuedByRun: String(p.issuedByRun ?? ''),
    acknowledgedAt: n(p.acknowledgedAt),
    acknowledgedBy: s(p.acknowledgedBy),
    answeredAt: n(p.answeredAt),
    answeredBy: s(p.answeredBy),
    feedback: s(p.feedback),
    closedAt: n(p.closedAt),
    closedBy: s(p.closedBy),
    closeNote: s(p.closeNote),
    warnedAt: n(p.warnedAt),
    overdueAt: n(p.overdueAt),
  };
}
