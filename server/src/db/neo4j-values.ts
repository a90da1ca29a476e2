import neo4j, { type Integer } from 'neo4j-driver';

/**
 * The one place where driver values become plain JSON: Integers become numbers (they are
 * counts and sizes far below 2^53 here), temporal values become ISO-8601 strings, points
 * become {lat, lon}. Nothing driver-typed goes past this module.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isDateTime(value) || neo4j.isDate(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value)) {
    return temporalToString(value);
  }
  if (neo4j.isDuration(value)) return value.toString();
  if (neo4j.isPoint(value)) {
    const p = value as unknown as { x: number; y: number };
    return { lon: p.x, lat: p.y };
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

function temporalToString(value: unknown): string {
  if (neo4j.isDateTime(value)) {
    // Offsets are kept as given; a zone-id DateTime keeps its offset too.
    const dt = value;
    const offset = dt.timeZoneOffsetSeconds === undefined || dt.timeZoneOffsetSeconds === null ? 0 : Number(dt.timeZoneOffsetSeconds);
    const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
    const sign = offset >= 0 ? '+' : '-';
    const oh = Math.floor(Math.abs(offset) / 3600);
    const om = Math.floor((Math.abs(offset) % 3600) / 60);
    return `${pad(Number(dt.year), 4)}-${pad(Number(dt.month))}-${pad(Number(dt.day))}T${pad(Number(dt.hour))}:${pad(Number(dt.minute))}:${pad(Number(dt.second))}${sign}${pad(oh)}:${pad(om)}`;
  }
  return String(value);
}

/**
 * Neo4j's toString of a date-time (2026-06-01T20:00+08:00, 2026-06-01T12:00:30.5Z,
 * …+08:00[Asia/Shanghai]) written as temporalToString writes a driver DateTime: seconds
 * always, no fraction, the offset as ±HH:MM.
 */
export function dateTimeTextAsPlain(text: string): string {
  const m = /^(\d{4,}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)/.exec(text);
  if (!m) return text;
  const offset = m[3] === 'Z' ? '+00:00' : m[3]!.slice(0, 6);
  return `${m[1]}:${m[2] ?? '00'}${offset}`;
}

export function plainRecord<T>(record: { toObject(): Record<string, unknown> }): T {
  return toPlain(record.toObject()) as T;
}
