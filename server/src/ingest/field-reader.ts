import { normalizeDate, normalizeDateTime } from './time-values.js';

/** Why one record was refused: the field it names and a sentence a clerk can act on. */
export interface FieldProblem {
  field: string;
  reason: string;
  /** A short code for the broken rule (e.g. `required`, `resident-id`), to count rejections by reason. */
  rule?: string;
}

export class RecordRejected extends Error {
  constructor(readonly problem: FieldProblem) {
    super(`${problem.field}: ${problem.reason}`);
  }
}

/**
 * Reads typed fields out of one raw record, throwing RecordRejected with the field's name
 * at the first problem. Empty strings count as absent, as spreadsheets write them.
 */
export class FieldReader {
  constructor(private readonly raw: Record<string, unknown>) {}

  private value(field: string): unknown {
    const v = this.raw[field];
    return v === '' || v === null ? undefined : v;
  }

  private fail(field: string, reason: string, rule: string): never {
    throw new RecordRejected({ field, reason, rule });
  }

  string(field: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const v = this.value(field);
    if (v === undefined) return opts.required ? this.fail(field, 'is required', 'required') : undefined;
    if (typeof v !== 'string' && typeof v !== 'number') this.fail(field, `must be text, got ${typeof v}`, 'not-text');
    const s = String(v).trim();
    if (s === '') return opts.required ? this.fail(field, 'is required', 'required') : undefined;
    const max = opts.max ?? 1000;
    if (s.length > max) this.fail(field, `is ${s.length} characters long; at most ${max} are accepted`, 'too-long');
    return s;
  }

  required(field: string, max?: number): string {
    return this.string(field, { required: true, ...(max ? { max } : {}) })!;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required = false): T | undefined {
    const s = this.string(field, { required });
    if (s === undefined) return undefined;
    const upper = s.toUpperCase();
    if (!(allowed as readonly string[]).includes(upper)) this.fail(field, `"${s}" is not one of ${allowed.join(', ')}`, 'vocabulary');
    return upper as T;
  }

  number(field: string, opts: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    const v = this.value(field);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (!Number.isFinite(n)) this.fail(field, `must be a number, got ${JSON.stringify(v)}`, 'not-number');
    if (opts.integer && !Number.isInteger(n)) this.fail(field, `must be a whole number, got ${n}`, 'not-number');
    if (opts.min !== undefined && n < opts.min) this.fail(field, `must be at least ${opts.min}, got ${n}`, 'out-of-range');
    if (opts.max !== undefined && n > opts.max) this.fail(field, `must be at most ${opts.max}, got ${n}`, 'out-of-range');
    return n;
  }

  dateTime(field: string, required = false) {
    const v = this.value(field);
    if (v === undefined) return required ? this.fail(field, 'is required', 'required') : undefined;
    const t = normalizeDateTime(v);
    if (!t) this.fail(field, `"${String(v)}" is not an ISO 8601 date and time (e.g. 2026-03-27T21:40:00+08:00)`, 'date-time');
    return t;
  }

  date(field: string): string | undefined {
    const v = this.value(field);
    if (v === undefined) return undefined;
    const d = normalizeDate(v);
    if (!d) this.fail(field, `"${String(v)}" is not a real date written YYYY-MM-DD`, 'date');
    return d;
  }

  /** A list, given as a JSON array or (from CSV and spreadsheets) as text separated by ";". */
  list(field: string, opts: { pattern?: RegExp; describe?: string } = {}): string[] {
    const v = this.value(field);
    if (v === undefined) return [];
    const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(';') : this.fail(field, 'must be a list', 'list');
    const out: string[] = [];
    for (const item of items) {
      if (typeof item !== 'string' && typeof item !== 'number') this.fail(field, 'must hold only text items', 'list');
      const s = String(item).trim();
      if (s === '') continue;
      if (s.length > 200) this.fail(field, `has an item of ${s.length} characters; at most 200 are accepted`, 'too-long');
      if (opts.pattern && !opts.pattern.test(s)) this.fail(field, `item "${s}" is not ${opts.describe ?? 'valid'}`, 'format');
      if (!out.includes(s)) out.push(s);
    }
    return out;
  }

  problem(field: string, reason: string, rule = 'format'): never {
    return this.fail(field, reason, rule);
  }
}
