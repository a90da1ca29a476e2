import { BadUserInput } from '../errors.js';
import { normalizeDateTime } from '../ingest/time-values.js';
import { PERSON_RELATION_TYPES } from '../link/arguments.js';

/** Argument checks shared by the techniques; every error names the argument it is about. */

export interface TimeWindow {
  from: string;
  to: string;
  fromMs: number;
  toMs: number;
}

const DAY_MS = 86_400_000;

/** A time window; `to` defaults to now, `from` to `defaultDays` before `to`. */
export function windowArg(from: string | null | undefined, to: string | null | undefined, now: number, defaultDays: number, maxDays = 400): TimeWindow {
  const toMs = instantArg('to', to) ?? now;
  const fromMs = instantArg('from', from) ?? toMs - defaultDays * DAY_MS;
  if (toMs <= fromMs) throw new BadUserInput('to', 'must be after from', '应晚于开始时间');
  if (toMs - fromMs > maxDays * DAY_MS) throw new BadUserInput('from', `the window spans more than ${maxDays} days; narrow it`, `时间范围超过 ${maxDays} 天，请缩小`);
  return { from: cstText(fromMs), to: cstText(toMs), fromMs, toMs };
}

export function instantArg(name: string, value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const t = normalizeDateTime(value) ?? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? normalizeDateTime(`${value}T00:00:00`) : undefined);
  if (!t) throw new BadUserInput(name, `"${value}" is not an ISO 8601 date and time, e.g. 2026-08-10T00:00:00+08:00`, `“${value}”不是有效的日期时间`);
  return t.epochMs;
}

export function numberArg(name: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min || v > max) throw new BadUserInput(name, `must be a number from ${min} to ${max}, got ${v}`, `应在 ${min} 到 ${max} 之间，实际是 ${v}`);
  return v;
}

export function wholeArg(name: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const v = numberArg(name, value, fallback, min, max);
  if (!Number.isInteger(v)) throw new BadUserInput(name, `must be a whole number, got ${v}`, `应为整数，实际是 ${v}`);
  return v;
}

export function idArg(name: string, value: string | null | undefined): string {
  const v = (value ?? '').trim();
  if (v === '' || v.length > 200) throw new BadUserInput(name, 'must be a record id of 1 to 200 characters', '请填写编号（1 到 200 个字符）');
  // Accept a graph id (Person:P-1) as well as the record id (P-1).
  return v.includes(':') ? v.slice(v.indexOf(':') + 1) : v;
}

export function personRelationTypesArg(value: readonly string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [...PERSON_RELATION_TYPES];
  const bad = value.filter((t) => !PERSON_RELATION_TYPES.includes(t));
  if (value.length === 0) throw new BadUserInput('relationTypes', 'must name at least one relation kind, or be left out', '至少要选一种关系，或不选表示全部');
  if (bad.length > 0) throw new BadUserInput('relationTypes', `${bad.join(', ')} are not person relations (${PERSON_RELATION_TYPES.join(', ')})`, `${bad.join('、')} 不是人员之间的关系（可选：${PERSON_RELATION_TYPES.join('、')}）`);
  return [...new Set(value)].sort();
}

export function regionCodeArg(name: string, value: string): string {
  const v = value.trim();
  if (!/^\d{2,6}$/.test(v)) throw new BadUserInput(name, 'must be an administrative region code of 2 to 6 digits (a prefix covers its sub-regions)', '应为 2 到 6 位行政区划代码（前缀包含其下级区划）');
  return v;
}

/** China Standard Time text, as the graph stores times. */
export function cstText(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The calendar date in China Standard Time. */
export function cstDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const HOUR_MS = 3_600_000;
export { DAY_MS };
