/**
 * Time helpers. All generated times are China Standard Time written with an explicit
 * +08:00, and all arithmetic is done on plain calendar numbers, so the machine's own time
 * zone never changes what the generator writes.
 */

export const DEFAULT_REFERENCE_DATE = '2026-08-31';
/** The background covers the 90 days ending at the reference date, both ends included. */
export const WINDOW_DAYS = 90;

const DAY_MS = 86_400_000;

function parseDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new Error(`"${date}" is not a real date`);
  return ms;
}

export function addDays(date: string, days: number): string {
  return new Date(parseDate(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to) - parseDate(from)) / DAY_MS);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The window of background activity and fast ISO formatting of (day, minute) inside it. */
export class TimeWindow {
  readonly from: string;
  readonly to: string;
  private readonly dates: string[] = [];

  constructor(
    readonly referenceDate: string,
    readonly days = WINDOW_DAYS,
  ) {
    this.to = referenceDate;
    this.from = addDays(referenceDate, -(days - 1));
    // A few days either side, so a stay that starts on the last day can check out after it.
    for (let d = -400; d < days + 5; d++) this.dates.push(addDays(this.from, d));
  }

  date(day: number): string {
    const s = this.dates[day + 400];
    if (s === undefined) throw new Error(`day ${day} is outside the prepared range`);
    return s;
  }

  /** `day` counts from the window's first day; `minute` may run past midnight into later days. */
  at(day: number, minute: number, second = 0): string {
    const d = day + Math.floor(minute / 1440);
    const m = ((minute % 1440) + 1440) % 1440;
    return `${this.date(d)}T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:${pad2(second)}+08:00`;
  }

  dayOf(date: string): number {
    return daysBetween(this.from, date);
  }
}

/** Local time string for a story: `cst('2026-08-10', '20:15')`. */
export function cst(date: string, hhmm: string): string {
  parseDate(date);
  if (!/^\d{2}:\d{2}$/.test(hhmm)) throw new Error(`"${hhmm}" is not HH:MM`);
  return `${date}T${hhmm}:00+08:00`;
}

/** A story time `minutes` after another one, still in +08:00. */
export function plusMinutes(time: string, minutes: number): string {
  const ms = Date.parse(time) + minutes * 60_000 + 8 * 3_600_000;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}+08:00`;
}
