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

  it('gives every kind the fingerprint earlier versions stored (field order included)', () => {
    // Computed by the importer as released; a change here would make every re-import of
    // already stored data count as changed and write it all again.
    const stored: [Record<string, unknown>, string][] = [
      [stay, 'RofVBZhrYunlt8bY-FEzLB'],
      [person, '-WXl2RGfZFL3-QrlSYI1a3'],
      [{ kind: 'region', code: '321281', name: '兴化市', parent: '321200' }, '12svQvwdYFIOq43A2uhVWh'],
      [{ kind: 'station', id: 'S1', name: '戴南派出所', region: '321281' }, '5itdKBgD9VT5ijaJbpgGPZ'],
      [{ kind: 'location', id: 'L1', type: 'HOTEL', name: '旅社', lat: 32.9, lon: 119.8, address: 'x路1号', region: '321281', town: '戴南', station: 'S1' }, 'tGsjS8NLmMQ-97ccFAl3M0'],
      [
        { kind: 'case', id: 'C1', type: 'THEFT', title: '盗窃', status: 'OPEN', occurredFrom: '2026-03-01T10:00:00', occurredTo: '2026-03-01T11:00:00+08:00', mo: ['NIGHT'], offenders: 2, location: 'L1', lat: 32.9, lon: 119.8, region: '321281', agency: 'A', description: 'd' },
        'wlwIN-Aa16zW68_PJ_fDnX',
      ],
      [{ kind: 'relation', from: 'P-1', to: 'P-2', type: 'FAMILY', since: '2020-01-01', weight: 0.5, note: 'n' }, 'zGn5flzBFnTweQ8U9Duf42'],
      [{ kind: 'login', person: 'P-1', location: 'L1', at: '2026-03-01T10:00:00Z', until: '2026-03-01T12:00:00Z' }, 'IvyjjmvGnAKnMIp831yugh'],
      [{ kind: 'pass', plate: '苏m12345', location: 'L1', at: '2026-03-01T10:00:00', direction: 'N' }, 'ari5XzleJMxPGeBnmibY6H'],
      [{ kind: 'call', from: '13800138000', to: '13900139000', at: '2026-03-01T10:00:00', seconds: 60 }, 'ksg0H0akKlj3sKIuj4s-ak'],
      [{ kind: 'involvement', person: 'P-1', case: 'C1', role: 'SUSPECT', note: 'x' }, 'Crp1gnScRNW5Z4JtElZRdZ'],
    ];
    for (const [raw, fingerprint] of stored) expect([raw.kind, rowHash(normalizeRecord(raw, 7).row)]).toEqual([raw.kind, fingerprint]);
  });

  it('changes when what the record says changes', () => {
    expect(rowHash(normalizeRecord({ ...stay, room: '306' }, 1).row)).not.toBe(rowHash(normalizeRecord(stay, 1).row));
  });
});
