import { normalizeDate, normalizeDateTime } from './time-values.js';

/**
 * Why one record was refused: the field it names and a sentence a clerk can act on, in
 * English (the API's language, and what other units' systems read) and in Chinese (the
 * workspace's; request-language.ts).
 */
export interface FieldProblem {
  field: string;
  reason: string;
  reasonZh: string;
  /** A short code for the broken rule (e.g. `required`, `resident-id`), to count rejections by reason. */
  rule?: string;
}

/** A sentence in both languages. */
export interface Said {
  en: string;
  zh: string;
}

const ANY_VALID: Said = { en: 'valid', zh: '有效值' };

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

  protected value(field: string): unknown {
    const v = this.raw[field];
    return v === '' || v === null ? undefined : v;
  }

  protected fail(field: string, reason: string, reasonZh: string, rule: string): never {
    throw new RecordRejected({ field, reason, reasonZh, rule });
  }

  // Limits and flags are plain arguments, not option objects: these run several times per
  // record on the import's hot path.
  string(field: string, max = 1000, required = false): string | undefined {
    const v = this.value(field);
    if (v === undefined) return required ? this.missing(field) : undefined;
    if (typeof v !== 'string' && typeof v !== 'number') this.fail(field, `must be text, got ${typeof v}`, `应为文本，实际是 ${typeof v}`, 'not-text');
    const s = typeof v === 'string' ? v.trim() : String(v);
    if (s === '') return required ? this.missing(field) : undefined;
    if (s.length > max) this.fail(field, `is ${s.length} characters long; at most ${max} are accepted`, `长 ${s.length} 个字符，最多接受 ${max} 个`, 'too-long');
    return s;
  }

  required(field: string, max = 1000): string {
    return this.string(field, max, true)!;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required = false): T | undefined {
    const s = this.string(field, 1000, required);
    if (s === undefined) return undefined;
    const upper = s.toUpperCase();
    if (!(allowed as readonly string[]).includes(upper)) {
      this.fail(field, `"${s}" is not one of ${allowed.join(', ')}`, `"${s}" 不在可选值 ${allowed.join('、')} 之中`, 'vocabulary');
    }
    return upper as T;
  }

  number(field: string, min?: number, max?: number, integer = false): number | undefined {
    const v = this.value(field);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (!Number.isFinite(n)) this.fail(field, `must be a number, got ${JSON.stringify(v)}`, `应为数字，实际是 ${JSON.stringify(v)}`, 'not-number');
    if (integer && !Number.isInteger(n)) this.fail(field, `must be a whole number, got ${n}`, `应为整数，实际是 ${n}`, 'not-number');
    if (min !== undefined && n < min) this.fail(field, `must be at least ${min}, got ${n}`, `不能小于 ${min}，实际是 ${n}`, 'out-of-range');
    if (max !== undefined && n > max) this.fail(field, `must be at most ${max}, got ${n}`, `不能大于 ${max}，实际是 ${n}`, 'out-of-range');
    return n;
  }

  dateTime(field: string, required = false) {
    const v = this.value(field);
    if (v === undefined) return required ? this.missing(field) : undefined;
    const t = normalizeDateTime(v);
    if (!t) {
      this.fail(field, `"${String(v)}" is not an ISO 8601 date and time (e.g. 2026-03-27T21:40:00+08:00)`, `"${String(v)}" 不是 ISO 8601 日期时间（例如 2026-03-27T21:40:00+08:00）`, 'date-time');
    }
    return t;
  }

  date(field: string): string | undefined {
    const v = this.value(field);
    if (v === undefined) return undefined;
    const d = normalizeDate(v);
    if (!d) this.fail(field, `"${String(v)}" is not a real date written YYYY-MM-DD`, `"${String(v)}" 不是按 YYYY-MM-DD 书写的真实日期`, 'date');
    return d;
  }

  /**
   * A list, given as a JSON array or (from CSV and spreadsheets) as text separated by ";".
   * `describe` says what each item must be, in English and Chinese.
   */
  list(field: string, pattern?: RegExp, describe: Said = ANY_VALID): string[] {
    const v = this.value(field);
    if (v === undefined) return [];
    const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(';') : this.fail(field, 'must be a list', '应为列表', 'list');
    const out: string[] = [];
    for (const item of items) {
      if (typeof item !== 'string' && typeof item !== 'number') this.fail(field, 'must hold only text items', '列表中只能是文本', 'list');
      const s = String(item).trim();
      if (s === '') continue;
      if (s.length > 200) this.fail(field, `has an item of ${s.length} characters; at most 200 are accepted`, `有一项长 ${s.length} 个字符，每项最多 200 个`, 'too-long');
      if (pattern && !pattern.test(s)) this.fail(field, `item "${s}" is not ${describe.en}`, `"${s}" 不是${describe.zh}`, 'format');
      if (!out.includes(s)) out.push(s);
    }
    return out;
  }

  problem(field: string, reason: Said, rule = 'format'): never {
    return this.fail(field, reason.en, reason.zh, rule);
  }

  missing(field: string): never {
    return this.fail(field, 'is required', '为必填项，但未填写', 'required');
  }
}

/**
 * Reads a record again after it was refused, to find its other problems: the fields already
 * reported read as absent (or as '' where one is required) and raise nothing more, so the
 * checks go on to the next broken field. Only for a record that is refused anyway: what it
 * builds is thrown away, and a check that trips over a stand-in value ends the search.
 */
export class ReaderPastProblems extends FieldReader {
  constructor(
    raw: Record<string, unknown>,
    private readonly reported: ReadonlySet<string>,
  ) {
    super(raw);
  }

  protected override value(field: string): unknown {
    return this.reported.has(field) ? undefined : super.value(field);
  }

  protected override fail(field: string, reason: string, reasonZh: string, rule: string): never {
    // '' stands in for the value: text and property reads on it go on without throwing.
    if (this.reported.has(field)) return '' as never;
    return super.fail(field, reason, reasonZh, rule);
  }
}
