/**
 * Time values of the exchange format: ISO 8601, China Standard Time when no offset is given.
 * `normalizeDateTime` returns the string Cypher's datetime() reads (offset always present)
 * and the UTC instant used inside natural keys, so the same moment written two ways is the
 * same record.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface NormalizedDateTime {
  /** e.g. 2026-03-27T21:40:00+08:00 */
  text: string;
  /** e.g. 2026-03-27T13:40:00.000Z (computed when read: most callers need only the text) */
  readonly instant: string;
  epochMs: number;
}

/**
 * How far after now (its import, or a query) a movement may be dated before it counts as
 * dated in the future: clocks of sending systems drift by minutes, while a time sent in UTC but marked as
 * China Standard Time (or the reverse) is eight hours off, and a mistyped year far more.
 */
export const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

/** Milliseconds in 400 Gregorian years, a whole number of days: the calendar repeats after them. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/**
 * Reads an ISO 8601 date-time with the arithmetic done here rather than by Date.parse and
 * toISOString: an import reads two of these per movement record, and they were the largest
 * single cost of the importer's own work (tests/unit/time-values.test.ts checks the result
 * against Date.parse and toISOString).
 */
export function normalizeDateTime(value: unknown): NormalizedDateTime | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  // YYYY-MM-DD[T ]hh:mm, read a character at a time: a regular expression's captures
  // cost a string each, eight per value.
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 2);
  const day = digits(v, 8, 2);
  const hour = digits(v, 11, 2);
  const minute = digits(v, 14, 2);
  const sep = v.charCodeAt(10);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || v.charCodeAt(4) !== DASH || v.charCodeAt(7) !== DASH || (sep !== T && sep !== SPACE) || v.charCodeAt(13) !== COLON) {
    return undefined;
  }
  let at = 16;
  let second = 0;
  let hasSeconds = false;
  if (v.charCodeAt(at) === COLON) {
    second = digits(v, at + 1, 2);
    if (second < 0) return undefined;
    hasSeconds = true;
    at += 3;
  }
  let fracEnd = at;
  if (hasSeconds && v.charCodeAt(at) === DOT) {
    fracEnd = at + 1;
    while (fracEnd < v.length && fracEnd - at <= 9 && isDigit(v.charCodeAt(fracEnd))) fracEnd++;
    if (fracEnd === at + 1 || isDigit(v.charCodeAt(fracEnd))) return undefined;
  }
  const zone = v.slice(fracEnd);
  let offset: string;
  let offsetMinutes = 0;
  if (zone === '') {
    offset = '+08:00';
    offsetMinutes = 480;
  } else if (zone === 'Z') offset = 'Z';
  else {
    const sign = zone.charCodeAt(0);
    const colon = zone.length === 6 && zone.charCodeAt(3) === COLON;
    if ((sign !== PLUS && sign !== MINUS) || !(colon || zone.length === 5)) return undefined;
    const offsetHours = digits(zone, 1, 2);
    const offsetMins = digits(zone, colon ? 4 : 3, 2);
    if (offsetHours < 0 || offsetMins < 0 || offsetHours > 23 || offsetMins > 59) return undefined;
    offset = colon ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    offsetMinutes = (sign === MINUS ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  // Milliseconds from the first three digits of the fraction; the text keeps at most those.
  const fracDigits = Math.min(3, fracEnd - at - 1);
  const millis = fracDigits <= 0 ? 0 : digits(v, at + 1, fracDigits) * (fracDigits === 1 ? 100 : fracDigits === 2 ? 10 : 1);
  // Date.UTC reads years 0–99 as 1900–1999; four centuries later is the same calendar.
  const utc = year < 100 ? Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES_MS : Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // The usual value (T, seconds, a fraction of at most three digits, the offset written
  // ±hh:mm or Z) is already the text Cypher reads: no new string.
  const text =
    sep === T && hasSeconds && fracEnd - at <= 4 && zone.length > 0 && offset === zone
      ? v
      : `${v.slice(0, 10)}T${v.slice(11, 16)}:${hasSeconds ? v.slice(17, 19) : '00'}${v.slice(at, Math.min(fracEnd, at + 4))}${offset}`;
  return new DateTimeValue(text, utc - offsetMinutes * 60_000);
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const MINUS = 45;
const T = 84;
const SPACE = 32;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The number written by `count` decimal digits at `from`, or -1 when any is not a digit. */
function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let k = from; k < from + count; k++) {
    const c = s.charCodeAt(k);
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

class DateTimeValue implements NormalizedDateTime {
  constructor(
    readonly text: string,
    readonly epochMs: number,
  ) {}

  /** What toISOString gives, computed only when a natural key needs it. */
  get instant(): string {
    return isoInstant(this.epochMs);
  }
}

/** Two-digit texts 00–99, made once: the instant of every movement record needs five of them. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const pad2 = (n: number) => TWO_DIGITS[n]!;

/** toISOString's text for years 0–9999 without a Date (days to civil date: H. Hinnant's algorithm). */
function isoInstant(epochMs: number): string {
  const days = Math.floor(epochMs / 86_400_000);
  const msOfDay = epochMs - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(epochMs).toISOString();
  const ms = msOfDay % 1000;
  const secondsOfDay = (msOfDay - ms) / 1000;
  const yyyy = year < 1000 ? String(year).padStart(4, '0') : String(year);
  const msText = ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : String(ms);
  return `${yyyy}-${pad2(month)}-${pad2(day)}T${pad2(Math.floor(secondsOfDay / 3600))}:${pad2(Math.floor(secondsOfDay / 60) % 60)}:${pad2(secondsOfDay % 60)}.${msText}Z`;
}

export function normalizeDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_ONLY.exec(value.trim());
  if (!m) return undefined;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? value.trim() : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the day exists in the (proleptic Gregorian) calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  return day <= DAYS_IN_MONTH[month - 1]! + leapDay;
}
