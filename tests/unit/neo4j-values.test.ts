import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { dateTimeTextAsPlain, toPlain } from '../../server/src/db/neo4j-values.js';

/** Date-times reach JSON two ways (a driver DateTime, or Neo4j's own toString text); both must read the same. */
describe('date-time text', () => {
  const driverValue = (y: number, mo: number, d: number, h: number, mi: number, s: number, ns: number, offsetSeconds: number) =>
    toPlain(new neo4j.types.DateTime(y, mo, d, h, mi, s, ns, offsetSeconds));

  it.each([
    ['2026-06-01T20:00+08:00', driverValue(2026, 6, 1, 20, 0, 0, 0, 8 * 3600)],
    ['2026-06-01T20:15:30+08:00', driverValue(2026, 6, 1, 20, 15, 30, 0, 8 * 3600)],
    ['2026-06-01T12:00:30.5Z', driverValue(2026, 6, 1, 12, 0, 30, 500_000_000, 0)],
    ['2026-06-01T20:00+08:00[Asia/Shanghai]', '2026-06-01T20:00:00+08:00'],
    ['1969-12-31T23:59:59.999-05:30', driverValue(1969, 12, 31, 23, 59, 59, 999_000_000, -(5 * 3600 + 1800))],
  ])('reads %s as a driver DateTime is written', (text, expected) => {
    expect(dateTimeTextAsPlain(text)).toBe(expected);
  });

  it('leaves text that is not a date-time alone', () => {
    expect(dateTimeTextAsPlain('2026-06-01')).toBe('2026-06-01');
  });
});
