/**
 * Where an order stands against its deadline (到期预警、超期示警), computed from the clock at
 * the moment of asking, so a test moves the clock and sees the flags change:
 *  ON_TIME → DUE_SOON (within the warning lead) → OVERDUE (past the deadline, unanswered);
 *  an answered or closed order is MET or LATE by when it was answered.
 */
export type DueState = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE' | 'MET' | 'LATE';

export interface DeadlineFacts {
  status: OrderStatus;
  deadline: number;
  answeredAt: number | null;
  closedAt: number | null;
}

export type OrderStatus = 'ISSUED' | 'ACKNOWLEDGED' | 'ANSWERED' | 'CLOSED';

export const OPEN_STATUSES: OrderStatus[] = ['ISSUED', 'ACKNOWLEDGED'];

export function dueState(order: DeadlineFacts, now: number, warnBeforeMs: number): DueState {
  if (!OPEN_STATUSES.includes(order.status)) {
    const doneAt = order.answeredAt ?? order.closedAt ?? order.deadline;
    return doneAt <= order.deadline ? 'MET' : 'LATE';
  }
  if (now > order.deadline) return 'OVERDUE';
  if (now >= order.deadline - warnBeforeMs) return 'DUE_SOON';
  return 'ON_TIME';
}

/** Which status may follow which, and who moves it: the station acknowledges and answers, the centre closes. */
export const TRANSITIONS: Record<'ACKNOWLEDGE' | 'ANSWER' | 'CLOSE', { from: OrderStatus[]; to: OrderStatus }> = {
  ACKNOWLEDGE: { from: ['ISSUED'], to: 'ACKNOWLEDGED' },
  ANSWER: { from: ['ISSUED', 'ACKNOWLEDGED'], to: 'ANSWERED' },
  CLOSE: { from: ['ISSUED', 'ACKNOWLEDGED', 'ANSWERED'], to: 'CLOSED' },
};
