import { KIND_FIELDS, PROVENANCE_FIELDS } from './formats/kind-names.js';
import { RECORD_KINDS, isRecordKind, type RecordKind } from './record-kinds.js';
import { FUTURE_TOLERANCE_MS } from './time-values.js';

/** What one import learned about one source's records of one kind (完整、准确、鲜活). */
export interface KindQuality {
  read: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  duplicates: number;
  /** Records in which each field was filled, as sent (rejected records included). */
  filled: Record<string, number>;
  /** Rejected records by `field: rule`. */
  rejectedBy: Record<string, number>;
  /** The newest event time among accepted records (stays, logins, passes, calls, cases), epoch ms; records dated in the future left out. */
  newestEventMs: number | null;
  /**
   * Accepted records whose event is dated after their import (by more than FUTURE_TOLERANCE_MS).
   * Absent from the stats of jobs that ran before Clew counted them.
   */
  futureDated?: number;
}


/** The fields whose filling is counted, per kind. */
const COUNTED_FIELDS = Object.fromEntries(RECORD_KINDS.map((k) => [k, [...KIND_FIELDS[k], ...PROVENANCE_FIELDS]])) as Record<RecordKind, string[]>;

export type QualityBySource = Record<string, Record<string, KindQuality>>;

export const NO_SOURCE = '(no source)';

/**
 * Counts, per source and kind, what the data-quality report needs, while records stream
 * by: bounded by the number of sources × kinds × fields, never by the number of records.
 */
export class QualityStats {
  readonly bySource: QualityBySource = {};

  private entry(source: string | null | undefined, kind: string | undefined): KindQuality {
    const s = (this.bySource[source ?? NO_SOURCE] ??= {});
    return (s[kind ?? '(unknown)'] ??= { read: 0, accepted: 0, rejected: 0, unchanged: 0, duplicates: 0, filled: {}, rejectedBy: {}, newestEventMs: null, futureDated: 0 });
  }

  seen(source: string | null | undefined, kind: string | undefined, raw: unknown): void {
    const q = this.entry(source, kind);
    q.read++;
    if (!kind || !isRecordKind(kind) || raw === null || typeof raw !== 'object') return;
    const rec = raw as Record<string, unknown>;
    for (const field of COUNTED_FIELDS[kind]) {
      const v = rec[field];
      const filled = v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
      if (filled) q.filled[field] = (q.filled[field] ?? 0) + 1;
      else q.filled[field] ??= 0;
    }
  }

  outcome(source: string | null | undefined, kind: string | undefined, outcome: 'accepted' | 'unchanged' | 'duplicates', n = 1): void {
    this.entry(source, kind)[outcome] += n;
  }

  rejected(source: string | null | undefined, kind: string | undefined, field: string, rule: string | undefined): void {
    const q = this.entry(source, kind);
    q.rejected++;
    const reason = `${field}: ${rule ?? 'invalid'}`;
    q.rejectedBy[reason] = (q.rejectedBy[reason] ?? 0) + 1;
  }

  /**
   * An accepted record's event time. One dated in the future is counted as such (准确) and
   * kept out of the newest event (鲜活): a single mistyped year would otherwise hide how far
   * behind the source really is. `now` is read once per batch by the caller, not per record.
   */
  eventTime(source: string | null | undefined, kind: string, epochMs: number, now: number): void {
    const q = this.entry(source, kind);
    if (epochMs > now + FUTURE_TOLERANCE_MS) q.futureDated = (q.futureDated ?? 0) + 1;
    else if (q.newestEventMs === null || epochMs > q.newestEventMs) q.newestEventMs = epochMs;
  }
}
