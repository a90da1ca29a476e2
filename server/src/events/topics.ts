import type { SharedEmitter } from './shared-emitter.js';

/**
 * What is pushed to subscribers. Payloads are keyed by the subscription field that
 * delivers them (graphql-js resolves a subscription event by field name), and carry the
 * station so a station officer's subscription can be confined to their own station.
 */
export const TOPICS = {
  ORDER_CHANGED: 'clew/orders',
  ALERT_RAISED: 'clew/alerts',
} as const;

export type OrderChangeKind = 'ISSUED' | 'ACKNOWLEDGED' | 'ANSWERED' | 'CLOSED' | 'DEADLINE_WARNING' | 'OVERDUE';

export interface OrderChangeEvent {
  orderChanged: { change: OrderChangeKind; at: number; orderId: string; station: string };
}

export interface AlertEvent {
  alertRaised: { alertId: string; watchId: string; station: string | null; at: number };
}

export async function publishOrderChange(events: SharedEmitter, change: OrderChangeKind, order: { id: string; station: string }, at: number): Promise<void> {
  const payload: OrderChangeEvent = { orderChanged: { change, at, orderId: order.id, station: order.station } };
  await events.publish(TOPICS.ORDER_CHANGED, payload);
}

/** Several order changes in one write (a collision's new orders, a deadline sweep). */
export async function publishOrderChanges(events: SharedEmitter, change: OrderChangeKind, orders: { id: string; station: string }[], at: number): Promise<void> {
  await events.publishAll(orders.map((o) => ({ topic: TOPICS.ORDER_CHANGED, payload: { orderChanged: { change, at, orderId: o.id, station: o.station } } satisfies OrderChangeEvent })));
}

export async function publishAlerts(events: SharedEmitter, alerts: { id: string; watchId: string; station: string | null }[], at: number): Promise<void> {
  await events.publishAll(alerts.map((a) => ({ topic: TOPICS.ALERT_RAISED, payload: { alertRaised: { alertId: a.id, watchId: a.watchId, station: a.station, at } } satisfies AlertEvent })));
}
