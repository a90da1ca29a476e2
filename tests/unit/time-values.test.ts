import { describe, expect, it } from 'vitest';
import { isRealDate, normalizeDate, normalizeDateTime } from '../../server/src/ingest/time-values.js';

describe('exchange-format times', () => {
  it('reads a time without offset as China Standard Time', () => {
    expect(normalizeDateTime('2026-03-27T21:40:00')).toMatchObject({ text: '2026-03-27T21:40:00+08:00', instant: '2026-03-27T13:40:00.000Z' });
  });

  it('gives the same instant for the same moment written two ways', () => {
    expect(normalizeDateTime('2026-03-27T21:40:00+08:00')!.instant).toBe(normalizeDateTime('2026-03-27T13:40:00Z')!.instant);
  });

  it('refuses impossible dates and times', () => {
    expect(normalizeDateTime('2026-02-30T10:00:00')).toBeUndefined();
    expect(normalizeDateTime('2026-03-27T24:00:00')).toBeUndefined();
    expect(normalizeDateTime('yesterday')).toBeUndefined();
    expect(normalizeDate('2025-02-29')).toBeUndefined();
    expect(normalizeDate('2024-02-29')).toBe('2024-02-29');
  });

  it('reads every date-time as Date.parse does, the arithmetic done by hand', () => {
    // The reference is what normalizeDateTime did before it stopped calling Date.parse.
    const reference = (text: string) => {
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? undefined : { epochMs: ms, instant: new Date(ms).toISOString() };
    };
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const two = (n: number) => String(n).padStart(2, '0');
    const zones = ['', 'Z', '+08:00', '-05:30', '+0800', '-1200', '+14:00', '+23:59', '-00:45'];
    for (let k = 0; k < 20_000; k++) {
      const year = Math.min(9999, [1, 99, 100, 1900, 1970, 2000, 2024, 2026, 9999][next(9)]! + (k % 3 === 0 ? next(4) : 0));
      const date = `${String(year).padStart(4, '0')}-${two(1 + next(12))}-${two(1 + next(31))}`;
      const fraction = k % 5 === 0 ? `.${String(next(1000)).padStart(1 + next(3), '0')}` : '';
      const time = `${two(next(24))}:${two(next(60))}${k % 4 === 0 ? '' : `:${two(next(60))}${fraction}`}`;
      const input = `${date}${k % 7 === 0 ? ' ' : 'T'}${time}${zones[next(zones.length)]}`;
      const got = normalizeDateTime(input);
      const want = got ? reference(got.text) : undefined;
      if (got) expect(got.text, input).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/);
      if (!got) {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        expect(isRealDate(y, m, d), input).toBe(false);
        continue;
      }
      expect({ epochMs: got.epochMs, instant: got.instant }, input).toEqual(want);
    }
  });

  it('accepts and writes exactly what the regular expression it replaced did', () => {
    // The reader as it was before it read characters one at a time.
    const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
    const reference = (value: string): string | undefined => {
      const m = PATTERN.exec(value.trim());
      if (!m) return undefined;
      const [y, mo, d, h, mi, sec = '00'] = [m[1], m[2], m[3], m[4], m[5], m[6]] as string[];
      if (!isRealDate(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return undefined;
      const zone = m[8];
      const offset = zone === undefined ? '+08:00' : zone === 'Z' || zone.length === 6 ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
      if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) return undefined;
      return `${y}-${mo}-${d}T${h}:${mi}:${sec}${(m[7] ?? '').slice(0, 4)}${offset}`;
    };
    const valid = ['2026-03-27T21:40:00', '2026-03-27 21:40', '2026-03-27T21:40:00.123456789Z', '2026-03-27T21:40:00.5-0530', ' 2026-03-27T21:40:00+08:00 ', '2026-03-27T21:40+08:00'];
    const broken = [
      '2026-03-27T21:40:00.1234567890Z', '2026-03-27T21:40.5', '2026-03-27T21:40:00+8', '2026-03-27T21:40:00+08:0', '2026-03-27T21:40:00+08000',
      '2026-03-27T21:40:00z', '2026-03-27t21:40:00', '2026-3-27T21:40:00', '2026-03-27T21:4', '2026-03-27T21:40:', '2026-03-27T21:40:00.',
      '2026-03-27T21:40:00+24:00', '2026-03-27T21:40:00+08:60', '2026-03-27T21:60:00', '2026-03-27T21:40:60', '2026/03/27T21:40:00', '2026-03-27T21:40:00 +08:00',
      '2026-03-27T21:40:00+08:00x', '２０２６-03-27T21:40:00', '',
    ];
    for (const input of [...valid, ...broken]) expect(normalizeDateTime(input)?.text, input).toBe(reference(input));
    expect(valid.every((v) => normalizeDateTime(v) !== undefined)).toBe(true);
  });

  it('knows which days exist, leap years included', () => {
    expect([isRealDate(2024, 2, 29), isRealDate(2023, 2, 29), isRealDate(1900, 2, 29), isRealDate(2000, 2, 29)]).toEqual([true, false, false, true]);
    expect([isRealDate(2026, 4, 31), isRealDate(2026, 12, 31), isRealDate(2026, 13, 1), isRealDate(2026, 1, 0)]).toEqual([false, true, false, false]);
  });
});
