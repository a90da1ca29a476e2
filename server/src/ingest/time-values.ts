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
  /** e.g. 2026-03-27T13:40:00.000Z (computed when read: most callers need only the text) */
  readonly instant: string;
  epochMs: number;
}

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
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const seconds = m[6] ?? '00';
  const second = Number(seconds);
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = m[8];
  const offset = zone === undefined ? '+08:00' : zone === 'Z' || zone.length === 6 ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const offsetHours = Number(offset.slice(1, 3));
    const offsetMins = Number(offset.slice(4, 6));
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (offset.charCodeAt(0) === 45 /* - */ ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const frac = m[7] === undefined ? '' : m[7].slice(0, 4);
  const millis = frac === '' ? 0 : Number(frac.slice(1).padEnd(3, '0'));
  // Date.UTC reads years 0–99 as 1900–1999; four centuries later is the same calendar.
  const utc = year < 100 ? Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES_MS : Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return new DateTimeValue(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${seconds}${frac}${offset}`, utc - offsetMinutes * 60_000);
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

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

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
