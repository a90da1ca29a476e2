import { gql } from './client.js';

/** Verification orders (核查指令) and alerts (预警). */
export interface Order {
  id: string;
  kind: string;
  watchList: string;
  station: string;
  stationName: string | null;
  title: string;
  why: string;
  members: string[];
  records: string[];
  issuedAt: string;
  deadline: string;
  status: 'ISSUED' | 'ACKNOWLEDGED' | 'ANSWERED' | 'CLOSED';
  dueState: 'ON_TIME' | 'DUE_SOON' | 'OVERDUE' | 'MET' | 'LATE';
  overdue: boolean;
  issuedBy: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  feedback: string | null;
}

export const ORDER_FIELDS = `id kind watchList station stationName title why members records issuedAt deadline status dueState overdue issuedBy acknowledgedAt acknowledgedBy answeredAt answeredBy feedback`;

export async function listOrders(status: string[] | null): Promise<{ orders: Order[]; total: number }> {
  const data = await gql<{ orders: { orders: Order[]; total: number } }>(`query Orders($status: [OrderStatus!]) { orders(status: $status, first: 100) { total orders { ${ORDER_FIELDS} } } }`, { status });
  return data.orders;
}

export async function acknowledgeOrder(id: string): Promise<Order> {
  const data = await gql<{ acknowledgeOrder: Order }>(`mutation Ack($id: ID!) { acknowledgeOrder(id: $id) { ${ORDER_FIELDS} } }`, { id });
  return data.acknowledgeOrder;
}

export async function answerOrder(id: string, feedback: string): Promise<Order> {
  const data = await gql<{ answerOrder: Order }>(`mutation Answer($id: ID!, $feedback: String!) { answerOrder(id: $id, feedback: $feedback) { ${ORDER_FIELDS} } }`, { id, feedback });
  return data.answerOrder;
}

export interface Alert {
  id: string;
  personId: string;
  personName: string | null;
  associateId: string;
  associateName: string | null;
  relation: string;
  kind: string;
  at: string;
  locationId: string;
  locationName: string;
  town: string | null;
  raisedAt: string;
}

export const ALERT_FIELDS = `id personId personName associateId associateName relation kind at locationId locationName town raisedAt`;

export async function listAlerts(): Promise<Alert[]> {
  const data = await gql<{ alerts: Alert[] }>(`query Alerts { alerts(first: 50) { ${ALERT_FIELDS} } }`);
  return data.alerts;
}
