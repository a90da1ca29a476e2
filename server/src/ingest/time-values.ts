/**
 * Time values of the exchange format: ISO 8601, China Standard Time when no offset is given.
 * `normalizeDateTime` returns the string Cypher's datetime() reads (offset always present)
 * and the UTC instant used inside natural keys, so the same moment written two ways is the
 * same record.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface NormalizedDateTime {
  /** e.g. 2026-03-27T21:40:00+08:00 */
  text: string;
  /** e.g. 2026-03-27T13:40:00.000Z */
  instant: string;
  epochMs: number;
}

export function normalizeDateTime(value: unknown): NormalizedDateTime | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const offset = zone === undefined ? '+08:00' : zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const text = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`;
  const epochMs = Date.parse(text);
  if (Number.isNaN(epochMs)) return undefined;
  return { text, instant: new Date(epochMs).toISOString(), epochMs };
}

export function normalizeDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_ONLY.exec(value.trim());
  if (!m) return undefined;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? value.trim() : undefined;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}
