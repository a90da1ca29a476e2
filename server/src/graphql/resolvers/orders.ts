import type { IResolvers } from 'mercurius';
import { BadUserInput, ClewError, NotFound } from '../../errors.js';
import { publishOrderChange, type OrderChangeKind } from '../../events/topics.js';
import { confinedToUnit } from '../../security/principal.js';
import type { Hit } from '../../techniques/collision/group-rules.js';
import { runCollision, whoMatched } from '../../techniques/collision/run-collision.js';
import { findWatchLists } from '../../techniques/collision/watch-lists.js';
import { dueState, TRANSITIONS, type OrderStatus } from '../../techniques/orders/order-deadlines.js';
import { findOrder, listOrders, updateOrder, type Order } from '../../techniques/orders/orders.js';
import { cstText, idArg, wholeArg, windowArg } from '../../techniques/technique-arguments.js';
import { actorOf } from '../../techniques/technique-runs.js';
import type { ClewContext } from '../context.js';
import { runOut } from './technique-support.js';


type Maybe<T> = T | null | undefined;

/** A station officer's unit is `Station:<id>`: they see and move only that station's orders. */
function ownStation(ctx: ClewContext): string | null {
  const unit = confinedToUnit(ctx.principal);
  return unit === null ? null : unit.startsWith('Station:') ? unit.slice('Station:'.length) : unit;
}

export function orderOut(o: Order, ctx: Pick<ClewContext, 'clock' | 'config'>) {
  const state = dueState(o, ctx.clock(), ctx.config.techniques.orderWarnBeforeMinutes * 60_000);
  const t = (ms: number | null) => (ms === null ? null : cstText(ms));
  return {
    ...o,
    watchList: o.list,
    runId: o.issuedByRun,
    issuedAt: t(o.issuedAt),
    deadline: t(o.deadline),
    acknowledgedAt: t(o.acknowledgedAt),
    answeredAt: t(o.answeredAt),
    closedAt: t(o.closedAt),
    warnedAt: t(o.warnedAt),
    overdueAt: t(o.overdueAt),
    dueState: state,
    overdue: state === 'OVERDUE',
  };
}

function hitOut(h: Hit) {
  return {
    ...h,
    locationId: h.place.id,
    locationName: h.place.name,
    locationType: h.place.type,
    station: h.place.station,
    town: h.place.town,
    subjectId: h.subject?.id ?? null,
    subjectName: h.subject?.name ?? null,
    who: whoMatched(h),
    watchList: h.list,
  };
}

async function moveOrder(ctx: ClewContext, idRaw: string, move: keyof typeof TRANSITIONS, fields: Record<string, unknown>, change: OrderChangeKind) {
  const id = idArg('id', idRaw);
  const existing = await ctx.graph.read((tx) => findOrder(tx, id));
  const station = ownStation(ctx);
  if (!existing || (station !== null && existing.station !== station)) throw new NotFound('VerificationOrder', id);
  const { from, to } = TRANSITIONS[move];
  const updated = await ctx.graph.write((tx) => updateOrder(tx, id, from, { ...fields, status: to }));
  if (!updated) throw new ClewError('CONFLICT', `order ${id} is ${existing.status}; it cannot be moved to ${to} from there`);
  await publishOrderChange(ctx.techniques.events, change, updated, ctx.clock());
  return orderOut(updated, ctx);
}

export const orderResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    orders: async (_root, a: { station?: Maybe<string>; status?: Maybe<OrderStatus[]>; first?: Maybe<number>; offset?: Maybe<number> }, ctx) => {
      const own = ownStation(ctx);
      const asked = a.station ? idArg('station', a.station) : null;
      if (own !== null && asked !== null && asked !== own) throw new BadUserInput('station', `a station officer sees only the orders of ${own}`, `派出所民警只能查看本所（${own}）的指令`);
      const page = await ctx.graph.read((tx) =>
        listOrders(tx, { station: own ?? asked, statuses: a.status?.length ? a.status : null, skip: wholeArg('offset', a.offset, 0, 0, 100_000), limit: wholeArg('first', a.first, 50, 1, 500) }),
      );
      return { total: page.total, orders: page.orders.map((o) => orderOut(o, ctx)) };
    },
    order: async (_root, a: { id: string }, ctx) => {
      const o = await ctx.graph.read((tx) => findOrder(tx, idArg('id', a.id)));
      const own = ownStation(ctx);
      return o && (own === null || o.station === own) ? orderOut(o, ctx) : null;
    },
  },
  Mutation: {
    runCollision: async (_root, a: { importJob?: Maybe<string>; from?: Maybe<string>; to?: Maybe<string>; watchLists?: Maybe<string[]>; issueOrders?: Maybe<boolean> }, ctx) => {
      const job = a.importJob ? idArg('importJob', a.importJob) : null;
      if (job && (a.from || a.to)) throw new BadUserInput('importJob', 'give an import job or a time window, not both', '请指定一次导入或一个时间范围，不能两者都给');
      if (!job && (!a.from || !a.to)) throw new BadUserInput('from', 'give an import job, or both from and to', '请指定一次导入，或同时给出开始和结束时间');
      const window = job ? null : windowArg(a.from, a.to, ctx.clock(), 1, 31);
      const lists = a.watchLists?.length ? [...new Set(a.watchLists)].sort() : null;
      if (lists) {
        const known = new Set((await ctx.graph.read((tx) => findWatchLists(tx, lists))).map((l) => l.name));
        const unknown = lists.filter((l) => !known.has(l));
        if (unknown.length > 0) throw new BadUserInput('watchLists', `no watch-list named ${unknown.join(', ')}`, `没有名为 ${unknown.join('、')} 的布控名单`);
      }
      const r = await runCollision(ctx.techniques, ctx.graph, { scope: { job, window }, lists, issueOrders: a.issueOrders ?? true, actor: actorOf(ctx.principal), purpose: ctx.purpose, trigger: 'MANUAL' });
      return {
        run: runOut(r.run),
        compared: { stays: r.comparison.compared.STAY, logins: r.comparison.compared.LOGIN, passes: r.comparison.compared.PASS, total: r.comparison.compared.total },
        hits: r.comparison.hits.map(hitOut),
        groups: r.comparison.groups.map((g) => ({
          watchList: g.list,
          rule: g.rule.id,
          ruleName: g.rule.name,
          scope: g.rule.scope,
          scopeKey: g.scopeKey,
          scopeName: g.scopeName,
          station: g.station,
          members: g.members,
          places: [...new Set(g.hits.map((h) => h.place.id))].sort(),
          firstAt: g.firstAt,
          lastAt: g.lastAt,
          why: g.why,
          whyZh: g.whyZh,
          hits: g.hits.map(hitOut),
        })),
        orders: r.orders.map((o) => ({ created: o.created, order: orderOut(o.order, ctx) })),
        subgraph: r.subgraph,
      };
    },
    acknowledgeOrder: async (_root, a: { id: string }, ctx) => {
      const by = actorOf(ctx.principal).name;
      return moveOrder(ctx, a.id, 'ACKNOWLEDGE', { acknowledgedAt: ctx.clock(), acknowledgedBy: by }, 'ACKNOWLEDGED');
    },
    answerOrder: async (_root, a: { id: string; feedback: string }, ctx) => {
      const feedback = a.feedback.trim();
      if (feedback.length < 2 || feedback.length > 4000) throw new BadUserInput('feedback', 'must say what the verification found, in 2 to 4,000 characters', '请写明核查结果（2 到 4000 个字）');
      return moveOrder(ctx, a.id, 'ANSWER', { answeredAt: ctx.clock(), answeredBy: actorOf(ctx.principal).name, feedback }, 'ANSWERED');
    },
    closeOrder: async (_root, a: { id: string; note?: Maybe<string> }, ctx) => {
      if (ownStation(ctx) !== null) throw new ClewError('FORBIDDEN', 'the intelligence centre closes orders; a station answers them');
      return moveOrder(ctx, a.id, 'CLOSE', { closedAt: ctx.clock(), closedBy: actorOf(ctx.principal).name, closeNote: a.note?.trim() || null }, 'CLOSED');
    },
  },
};
