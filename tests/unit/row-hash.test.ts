import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../../server/src/ingest/normalize-record.js';
import { rowHash } from '../../server/src/ingest/row-hash.js';

/** The fingerprint as it has always been computed; hashes already stored in databases depend on it. */
function referenceHash(row: Record<string, unknown>): string {
  const { i: _i, hash: _hash, ...content } = row;
  return createHash('sha1').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

describe('row fingerprints', () => {
  const stay = { kind: 'stay', person: 'P-1', location: 'H-1', checkIn: '2026-03-27T21:40:00', checkOut: '2026-03-28T08:00:00+08:00', room: '305', source: 'hotel', sourceId: 'r1' };
  const person = { kind: 'person', id: 'P-2', name: '李国华', idNumber: '11010519491231002X', phones: ['13800138000'] };

  it('is the hash of the row without its position, as stored by earlier imports', () => {
    for (const raw of [stay, person]) {
      const { row } = normalizeRecord(raw, 42);
      expect(rowHash(row)).toBe(referenceHash(row));
    }
  });

  it('does not depend on the position or on a hash already set', () => {
    const a = normalizeRecord(stay, 1).row;
    const b = normalizeRecord(stay, 999_999).row;
    expect(rowHash(a)).toBe(rowHash(b));
    b.hash = rowHash(b);
    expect(rowHash(b)).toBe(rowHash(a));
  });

  it('is computed the same way for a row built in another order', () => {
    const row = { room: '1', i: 3, key: 'k' };
    expect(rowHash(row)).toBe(referenceHash(row));
  });

  it('changes when what the record says changes', () => {
    expect(rowHash(normalizeRecord({ ...stay, room: '306' }, 1).row)).not.toBe(rowHash(normalizeRecord(stay, 1).row));
  });
});
