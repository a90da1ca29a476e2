/**
 * Verification orders from the Xincheng collision: deadline warnings and overdue flags at
 * the right times on a clock the test moves (no sleeps), the station's acknowledgement and
 * answer, station officers confined to their own station, and every change pushed to a
 * subscriber of ANOTHER app instance through the shared emitter (two API processes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_FIXTURE as F } from '../../seed/fixture.js';
import { manualClock } from '../../server/src/security/clock.js';
import { sweepOrderDeadlines } from '../../server/src/techniques/schedule/follow-ups.js';
import { deleteRunAndOrders } from '../../server/src/techniques/orders/orders.js';
import { forgetStoryOrders, startTechniqueApp, type TechniqueTestApp } from '../helpers/technique-client.js';
import { subscribe, type Subscription } from '../helpers/technique-ws.js';

const C = F.collision;
const MIN = 60_000;
const T0 = Date.parse(`${C.date}T23:30:00+08:00`);
const clock = manualClock(T0);

let a: TechniqueTestApp;
let b: TechniqueTestApp;
let analyst: string;
let xincheng: string;
let dainan: string;
let runId: string;
let orderId: string;
let changes: Subscription<{ orderChanged: { change: string; order: { id: string; dueState: string; overdue: boolean } } }>;

const ORDER = `query O($id: ID!) { order(id: $id) { id station status dueState overdue warnedAt overdueAt deadline feedback answeredBy } }`;

beforeAll(async () => {
  a = await startTechniqueApp({ clock });
  b = await startTechniqueApp({ clock });
  await forgetStoryOrders(a.graph);
  analyst = await a.tokenFor('ANALYST', 'dept:intel');
  xincheng = await a.tokenFor('STATION_OFFICER', `Station:${C.orderStation}`);
  dainan = await a.tokenFor('STATION_OFFICER', 'Station:S-DN');
  // The Xincheng officer listens on the other process.
  changes = await subscribe(b.url, xincheng, `subscription { orderChanged { change order { id dueState overdue } } }`);
  const r = await a.gql<{ runCollision: { run: { id: string }; orders: { created: boolean; order: { id: string; kind: string } }[] } }>(
    analyst,
    `mutation { runCollision(from: "${C.date}T00:00:00+08:00", to: "${C.date}T23:59:59+08:00", watchLists: ["${C.watchList}"]) { run { id } orders { created order { id kind } } } }`,
  );
  expect(r.errors).toBeUndefined();
  runId = r.data!.runCollision.run.id;
  const group = r.data!.runCollision.orders.find((o) => o.order.kind === 'GROUP')!;
  expect(group.created).toBe(true);
  orderId = group.order.id;
});

afterAll(async () => {
  changes?.close();
  if (runId) await a.graph.write((tx) => deleteRunAndOrders(tx, runId));
  await b?.close();
  await a?.close();
});

describe('verification orders', () => {
  it('reaches the Xincheng officer on the other process when issued', async () => {
    const m = await changes.next((x) => x.orderChanged.order.id === orderId && x.orderChanged.change === 'ISSUED');
    expect(m.orderChanged.order.dueState).toBe('ON_TIME');
  });

  it('warns before the deadline and flags overdue after it, once each, at the right minute', async () => {
    const services = a.app.clewTechniques;
    const state = async () => (await a.gql<{ order: { dueState: string; overdue: boolean; warnedAt: string | null; overdueAt: string | null } }>(analyst, ORDER, { id: orderId })).data!.order;
    expect(await state()).toMatchObject({ dueState: 'ON_TIME', overdue: false, warnedAt: null });

    clock.set(T0 + 44 * MIN);
    expect((await sweepOrderDeadlines(services)).warned).not.toContain(orderId);
    expect((await state()).dueState).toBe('ON_TIME');

    clock.set(T0 + 45 * MIN);
    expect((await state()).dueState).toBe('DUE_SOON');
    expect((await sweepOrderDeadlines(services)).warned).toContain(orderId);
    expect((await sweepOrderDeadlines(services)).warned).not.toContain(orderId); // once
    expect(await state()).toMatchObject({ dueState: 'DUE_SOON', overdue: false, warnedAt: '2026-08-28T00:15:00+08:00' });
    await changes.next((x) => x.orderChanged.order.id === orderId && x.orderChanged.change === 'DEADLINE_WARNING');

    clock.set(T0 + 60 * MIN);
    expect((await sweepOrderDeadlines(services)).overdue).not.toContain(orderId);
    clock.set(T0 + 61 * MIN);
    expect(await state()).toMatchObject({ dueState: 'OVERDUE', overdue: true });
    expect((await sweepOrderDeadlines(services)).overdue).toContain(orderId);
    expect((await sweepOrderDeadlines(services)).overdue).not.toContain(orderId);
    expect((await state()).overdueAt).toBe('2026-08-28T00:31:00+08:00');
    const m = await changes.next((x) => x.orderChanged.order.id === orderId && x.orderChanged.change === 'OVERDUE');
    expect(m.orderChanged.order.overdue).toBe(true);
  });

  it('lets only the Xincheng station see, acknowledge and answer it; the centre closes it', async () => {
    const other = await a.gql<{ orders: { orders: { id: string }[] } }>(dainan, `{ orders { orders { id } } }`, {}, null);
    expect(other.errors).toBeUndefined();
    expect(other.data!.orders.orders.map((o) => o.id)).not.toContain(orderId);
    const denied = await a.gql(dainan, `mutation { acknowledgeOrder(id: "${orderId}") { id } }`, {}, null);
    expect(denied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const mine = await a.gql<{ orders: { orders: { id: string; station: string }[] } }>(xincheng, `{ orders { orders { id station } } }`, {}, null);
    expect(mine.data!.orders.orders.map((o) => o.id)).toContain(orderId);
    expect(new Set(mine.data!.orders.orders.map((o) => o.station))).toEqual(new Set([C.orderStation]));

    clock.set(T0 + 70 * MIN);
    const ack = await a.gql<{ acknowledgeOrder: { status: string } }>(xincheng, `mutation { acknowledgeOrder(id: "${orderId}") { status } }`, {}, null);
    expect(ack.data!.acknowledgeOrder.status).toBe('ACKNOWLEDGED');
    const again = await a.gql(xincheng, `mutation { acknowledgeOrder(id: "${orderId}") { status } }`, {}, null);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const answer = await a.gql<{ answerOrder: { status: string; dueState: string; overdue: boolean; feedback: string } }>(
      xincheng,
      `mutation A($id: ID!, $f: String!) { answerOrder(id: $id, feedback: $f) { status dueState overdue feedback } }`,
      { id: orderId, f: '9人尿检均呈冰毒阳性，已依法处理' },
      null,
    );
    expect(answer.data!.answerOrder).toMatchObject({ status: 'ANSWERED', dueState: 'LATE', overdue: false, feedback: '9人尿检均呈冰毒阳性，已依法处理' });
    const stationClose = await a.gql(xincheng, `mutation { closeOrder(id: "${orderId}") { status } }`, {}, null);
    expect(stationClose.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const close = await a.gql<{ closeOrder: { status: string } }>(analyst, `mutation { closeOrder(id: "${orderId}", note: "核查完毕") { status } }`, {}, null);
    expect(close.data!.closeOrder.status).toBe('CLOSED');
    await changes.next((x) => x.orderChanged.order.id === orderId && x.orderChanged.change === 'CLOSED');
    expect(changes.received.filter((x) => x.orderChanged.order.id === orderId).map((x) => x.orderChanged.change)).toEqual(['ISSUED', 'DEADLINE_WARNING', 'OVERDUE', 'ACKNOWLEDGED', 'ANSWERED', 'CLOSED']);
  });
});
