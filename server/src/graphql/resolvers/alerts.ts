import type { IResolvers } from 'mercurius';
import mercurius from 'mercurius';
import { BadUserInput, NotFound } from '../../errors.js';
import { TOPICS, type AlertEvent, type OrderChangeEvent } from '../../events/topics.js';
import { confinedToUnit } from '../../security/principal.js';
import { findOrder } from '../../techniques/orders/orders.js';
import { cstText, idArg, numberArg, personRelationTypesArg, wholeArg } from '../../techniques/technique-arguments.js';
import { actorOf } from '../../techniques/technique-runs.js';
import { createWatch, findAlert, listAlerts, listWatches, newWatchId, setWatchActive, type Alert, type StandingWatch } from '../../techniques/watch/standing-watches.js';
import type { ClewContext } from '../context.js';

/** A watch's note says why (a case number, 上网追逃); it is shown with every alert, not a file. */
const WATCH_NOTE_MAX = 500;
import { orderOut } from './orders.js';

type Maybe<T> = T | null | undefined;
// mercurius is CommonJS: its helpers are read from the default export under Node's ESM loader.
const { withFilter } = mercurius;
type PubSubContext = { pubsub: { subscribe(topic: string): Promise<AsyncIterable<unknown>> } };

const watchOut = (w: StandingWatch) => ({ ...w, createdAt: cstText(w.createdAt) });
const alertOut = (a: Alert) => ({ ...a, locationId: a.placeId, locationName: a.placeName, raisedAt: cstText(a.raisedAt) });

/** A station officer hears only their own station's events. */
function stationAllowed(ctx: ClewContext, station: string | null): boolean {
  const unit = confinedToUnit(ctx.principal);
  return unit === null || unit === `Station:${station ?? ''}`;
}

/** Standing watches, their alerts, and the live subscriptions for alerts and orders. */
export const alertResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    standingWatches: async (_root, a: { activeOnly?: Maybe<boolean>; personId?: Maybe<string> }, ctx) =>
      (await ctx.graph.read((tx) => listWatches(tx, a.activeOnly ?? true, a.personId ? idArg('personId', a.personId) : null))).map(watchOut),
    alerts: async (_root, a: { watchId?: Maybe<string>; first?: Maybe<number>; offset?: Maybe<number> }, ctx) => {
      const list = await ctx.graph.read((tx) =>
        listAlerts(tx, a.watchId ? idArg('watchId', a.watchId) : null, wholeArg('offset', a.offset, 0, 0, 100_000), wholeArg('first', a.first, 50, 1, 500)),
      );
      return list.filter((x) => stationAllowed(ctx, x.station)).map(alertOut);
    },
  },
  Mutation: {
    watchPerson: async (_root, a: { personId: string; relationTypes?: Maybe<string[]>; depth?: Maybe<number>; minStrength?: Maybe<number>; note?: Maybe<string> }, ctx) => {
      if (a.note && a.note.trim().length > WATCH_NOTE_MAX) throw new BadUserInput('note', `must be at most ${WATCH_NOTE_MAX} characters`, `最多 ${WATCH_NOTE_MAX} 个字`);
      const watch: StandingWatch = {
        id: newWatchId(),
        personId: idArg('personId', a.personId),
        relationTypes: personRelationTypesArg(a.relationTypes),
        depth: wholeArg('depth', a.depth, 1, 1, 2),
        minStrength: numberArg('minStrength', a.minStrength, 0.3, 0, 2),
        note: a.note?.trim() || null,
        createdBy: actorOf(ctx.principal).name,
        createdAt: ctx.clock(),
        active: true,
      };
      const created = await ctx.graph.write((tx) => createWatch(tx, watch));
      if (!created) throw new NotFound('Person', watch.personId);
      return watchOut(created);
    },
    endWatch: async (_root, a: { id: string }, ctx) => {
      const w = await ctx.graph.write((tx) => setWatchActive(tx, idArg('id', a.id), false, actorOf(ctx.principal).name, ctx.clock()));
      if (!w) throw new NotFound('StandingWatch', a.id);
      return watchOut(w);
    },
  },
  Subscription: {
    orderChanged: {
      subscribe: withFilter(
        (_root: unknown, _args: unknown, ctx: unknown) => (ctx as PubSubContext).pubsub.subscribe(TOPICS.ORDER_CHANGED),
        (payload: OrderChangeEvent, rawArgs: unknown, rawCtx: unknown) => {
          const args = rawArgs as { station?: Maybe<string> };
          const ctx = rawCtx as ClewContext;
          const { station } = payload.orderChanged;
          return stationAllowed(ctx, station) && (!args.station || args.station === station);
        },
      ) as never,
      resolve: async (source: unknown, _args: unknown, ctx: ClewContext) => {
        const e = (source as OrderChangeEvent).orderChanged;
        const order = await ctx.techniques.graph.read((tx) => findOrder(tx, e.orderId));
        if (!order) throw new NotFound('VerificationOrder', e.orderId);
        return { change: e.change, at: cstText(e.at), order: orderOut(order, { clock: ctx.techniques.clock, config: ctx.techniques.config }) };
      },
    },
    alertRaised: {
      subscribe: withFilter(
        (_root: unknown, _args: unknown, ctx: unknown) => (ctx as PubSubContext).pubsub.subscribe(TOPICS.ALERT_RAISED),
        (payload: AlertEvent, rawArgs: unknown, rawCtx: unknown) => {
          const watchId = (rawArgs as { watchId?: Maybe<string> }).watchId;
          return stationAllowed(rawCtx as ClewContext, payload.alertRaised.station) && (!watchId || watchId === payload.alertRaised.watchId);
        },
      ) as never,
      resolve: async (source: unknown, _args: unknown, ctx: ClewContext) => {
        const payload = source as AlertEvent;
        const alert = await ctx.techniques.graph.read((tx) => findAlert(tx, payload.alertRaised.alertId));
        if (!alert) throw new NotFound('Alert', payload.alertRaised.alertId);
        return alertOut(alert);
      },
    },
  },
};
