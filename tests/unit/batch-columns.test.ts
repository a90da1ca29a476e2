import { describe, expect, it } from 'vitest';
import { asColumns } from '../../server/src/ingest/batch-columns.js';
import { normalizeRecord } from '../../server/src/ingest/normalize-record.js';

describe('batch columns', () => {
  it('gives every field one list, entry k holding record k', () => {
    const rows = [
      normalizeRecord({ kind: 'stay', person: 'P-1', location: 'H-1', checkIn: '2026-03-27T21:40:00+08:00', room: '305', source: 'hotel', sourceId: 'r1' }, 1).row,
      normalizeRecord({ kind: 'stay', person: 'P-2', location: 'H-2', checkIn: '2026-03-28T21:40:00+08:00', checkOut: '2026-03-29T08:00:00+08:00', source: 'hotel', sourceId: 'r2' }, 2).row,
    ];
    const columns = asColumns(rows);
    expect(columns.i).toEqual([1, 2]);
    expect(columns.person).toEqual(['P-1', 'P-2']);
    expect(columns.room).toEqual(['305', null]);
    expect(columns.checkOut).toEqual([null, '2026-03-29T08:00:00+08:00']);
    expect(Object.keys(columns).sort()).toEqual(Object.keys(rows[0]!).sort());
  });

  it('keeps a field that only a later row has, as null in the rows before it', () => {
    expect(asColumns([{ i: 1 }, { i: 2, note: 'x' }])).toEqual({ i: [1, 2], note: [null, 'x'] });
  });

  it('refuses a field that would hide a statement parameter', () => {
    expect(() => asColumns([{ i: 1, job: 'J' }])).toThrow(/"job"/);
  });

  it('sizes an empty batch as empty', () => {
    expect(asColumns([])).toEqual({ i: [] });
  });
});
