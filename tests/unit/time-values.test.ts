import { describe, expect, it } from 'vitest';
import { normalizeDate, normalizeDateTime } from '../../server/src/ingest/time-values.js';

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
});
