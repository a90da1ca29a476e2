import { matchKindZh, recordKindZh } from '../chinese-words.js';
import { cstText } from '../technique-arguments.js';
import type { Graph } from '../../db/graph.js';
import type { Subgraph } from '../../link/graph-elements.js';
import type { Purpose } from '../../security/purpose.js';
import { publishOrderChanges } from '../../events/topics.js';
import type { NewOrder, Order } from '../orders/orders.js';
import { issueOrders } from '../orders/orders.js';
import type { TechniqueServices } from '../technique-services.js';
import { newRunId, recordRun, type Actor, type StoredRun } from '../technique-runs.js';
import { compareRecords, hitEvidence, type CollisionScope, type Comparison } from './compare-records.js';
import type { GroupHit, Hit } from './group-rules.js';
import { findWatchLists, type WatchList } from './watch-lists.js';

export interface CollisionRequest {
  scope: CollisionScope;
  /** Watch-list names; null: every active list. */
  lists: string[] | null;
  issueOrders: boolean;
  actor: Actor;
  purpose: Purpose | null;
  trigger: 'MANUAL' | 'SCHEDULE' | 'IMPORT';
}

export interface CollisionReport {
  run: StoredRun;
  comparison: Comparison;
  orders: { order: Order; created: boolean }[];
  subgraph: Subgraph;
}

/**
 * 批量比对碰撞法 end to end: compare (read), record the run and issue the orders (one write),
 * then tell subscribers about each new order. `graph` is the request's bounded graph for
 * an analyst's run, the unbounded one for scheduled and post-import runs.
 */
export async function runCollision(services: TechniqueServices, graph: Graph, request: CollisionRequest): Promise<CollisionReport> {
  const startedAt = services.clock();
  const { comparison, lists, subgraph } = await graph.read(async (tx) => {
    const all = await findWatchLists(tx, request.lists);
    const active = all.filter((l) => l.active);
    const c = await compareRecords(tx, request.scope, active);
    return { comparison: c, lists: active, subgraph: await hitEvidence(tx, [...c.groups.flatMap((g) => g.hits), ...c.hits].slice(0, 500)) };
  }, { metadata: { op: 'runCollision' } });

  const run: StoredRun = {
    id: newRunId('COLLISION', startedAt),
    technique: 'COLLISION',
    arguments: { job: request.scope.job, from: request.scope.window?.from ?? null, to: request.scope.window?.to ?? null, lists: request.lists, issueOrders: request.issueOrders, trigger: request.trigger },
    actor: request.actor,
    purpose: request.purpose,
    startedAt,
    finishedAt: services.clock(),
    summary: {
      compared: comparison.compared,
      hits: comparison.hits.length,
      groups: comparison.groups.map((g) => ({ list: g.list, rule: g.rule.id, station: g.station, members: g.members })),
    },
    profileVersion: null,
  };
  const wanted = request.issueOrders ? orderRequests(comparison, lists) : [];
  const orders = await graph.write(async (tx) => {
    await recordRun(tx, run);
    return issueOrders(tx, run.id, wanted, services.clock(), request.actor.name);
  }, { metadata: { op: 'runCollision.record' } });
  await publishOrderChanges(services.events, 'ISSUED', orders.filter((x) => x.created).map((x) => x.order), services.clock());
  return { run, comparison, orders, subgraph };
}

function orderRequests(c: Comparison, lists: WatchList[]): NewOrder[] {
  const byName = new Map(lists.map((l) => [l.name, l]));
  const groups = c.groups.filter((g) => g.station).map((g) => groupOrder(g));
  const singles = c.singlesToOrder.map((h) => singleOrder(h, byName.get(h.list)!));
  return [...groups, ...singles];
}

const personIdOf = (member: string) => (member.startsWith('Person:') ? [member.slice('Person:'.length)] : []);

function groupOrder(g: GroupHit): NewOrder {
  return {
    hitKey: `G|${g.list}|${g.rule.id}|${g.scopeKey}|${g.hits[0]!.record}`,
    kind: 'GROUP',
    list: g.list,
    rule: g.rule.id,
    station: g.station!,
    title: `${g.rule.name}: ${g.members.length} 人`,
    why: g.why,
    whyZh: g.whyZh,
    members: g.members,
    persons: g.members.flatMap(personIdOf),
    records: g.hits.map((h) => h.record),
    deadlineMinutes: g.rule.deadlineMinutes,
  };
}

/** A time as a station officer reads it: China Standard Time to the minute (2026-08-27 21:40). */
const minuteCst = (ms: number) => cstText(ms).slice(0, 16).replace('T', ' ');

/** Who a hit is about: the record's own person, else the listed one with the plate that matched (a checkpoint pass has no person). */
export function whoMatched(h: Hit): string {
  if (h.subject) return h.subject.name;
  if (h.memberName) return h.plate ? `${h.memberName}（${h.plate}）` : h.memberName;
  return h.plate ?? h.member;
}

/** A single listed person's record: when and where first, the record's key last (for looking it up). */
export function singleOrder(h: Hit, list: WatchList): NewOrder {
  return {
    hitKey: `S|${h.list}|${h.member}|${h.record}`,
    kind: 'SINGLE',
    list: h.list,
    rule: null,
    station: h.place.station!,
    title: `${list.title}: ${whoMatched(h)} @ ${h.place.name}`,
    why: `${h.kind} at ${h.place.name} on ${minuteCst(h.atMs)} matched ${list.title === h.list ? h.list : `${list.title} (${h.list})`} by ${h.matchedBy} (record ${h.record})`,
    whyZh: `${minuteCst(h.atMs)} 在${h.place.name}的${recordKindZh(h.kind)}记录按${matchKindZh(h.matchedBy)}比中${list.title}名单（记录 ${h.record}）`,
    members: [h.member],
    persons: personIdOf(h.member),
    records: [h.record],
    deadlineMinutes: list.singleDeadlineMinutes,
  };
}
