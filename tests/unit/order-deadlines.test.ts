import { describe, expect, it } from 'vitest';
import { dueState } from '../../server/src/techniques/orders/order-deadlines.js';

const MIN = 60_000;
const issued = Date.parse('2026-08-27T23:00:00+08:00');
const open = { status: 'ISSUED' as const, deadline: issued + 60 * MIN, answeredAt: null, closedAt: null };

describe('order deadlines (到期预警、超期示警)', () => {
  it('is on time, then due soon within the warning lead, then overdue after the deadline', () => {
    expect(dueState(open, issued, 15 * MIN)).toBe('ON_TIME');
    expect(dueState(open, issued + 44 * MIN, 15 * MIN)).toBe('ON_TIME');
    expect(dueState(open, issued + 45 * MIN, 15 * MIN)).toBe('DUE_SOON');
    expect(dueState(open, issued + 60 * MIN, 15 * MIN)).toBe('DUE_SOON');
    expect(dueState(open, issued + 60 * MIN + 1, 15 * MIN)).toBe('OVERDUE');
  });

  it('is met or late by when the station answered, whatever the time now', () => {
    const answeredInTime = { ...open, status: 'ANSWERED' as const, answeredAt: issued + 50 * MIN };
    const answeredLate = { ...open, status: 'ANSWERED' as const, answeredAt: issued + 75 * MIN };
    expect(dueState(answeredInTime, issued + 500 * MIN, 15 * MIN)).toBe('MET');
    expect(dueState(answeredLate, issued + 80 * MIN, 15 * MIN)).toBe('LATE');
  });
});
