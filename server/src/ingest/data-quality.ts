import { cypher } from '../db/cypher-files.js';
import type { Tx } from '../db/graph.js';
import type { KindQuality, QualityBySource } from './quality-stats.js';

const STATS_SINCE = cypher('ingest/job-stats-since');

export interface FieldCompleteness {
  field: string;
  filled: number;
  ratio: number;
}

export interface ReasonCount {
  reason: string;
  count: number;
  rate: number;
}

interface Counts {
  read: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  duplicates: number;
  rejectionRate: number;
  duplicateRate: number;
  /** Records sent again exactly as Clew already had them. */
  resentRate: number;
  newestRecordAt: string | null;
  lagSeconds: number | null;
  /** Accepted records dated after their import: left out of the freshness, counted here. */
  futureDated: number;
  futureDatedRate: number;
  rejectionsByReason: ReasonCount[];
}

export interface KindReport extends Counts {
  kind: string;
  completeness: FieldCompleteness[];
}

export interface SourceReport extends Counts {
  source: string;
  imports: number;
  lastImportAt: string | null;
  kinds: KindReport[];
}

/**
 * The data-quality report per sending system (完整、准确、鲜活), over the imports that started
 * since a time: completeness of each field as sent, rejections by reason, records dated in
 * the future, freshness (the newest event and how far it lags behind now), and how often
 * records came twice.
 */
export async function dataQualityReport(tx: Tx, opts: { since: string; source: string | null; now?: number }): Promise<SourceReport[]> {
  const rows = (await tx.run(STATS_SINCE, { since: opts.since })).records;
  const merged = new Map<string, { imports: Set<string>; last: string | null; kinds: Map<string, KindQuality> }>();
  for (const r of rows) {
    const stats = JSON.parse(String(r.get('stats'))) as { bySource?: QualityBySource };
    const endedAt = r.get('endedAt') === null ? null : String(r.get('endedAt'));
    for (const [source, kinds] of Object.entries(stats.bySource ?? {})) {
      if (opts.source !== null && source !== opts.source) continue;
      const entry = merged.get(source) ?? { imports: new Set<string>(), last: null, kinds: new Map<string, KindQuality>() };
      merged.set(source, entry);
      entry.imports.add(String(r.get('id')));
      if (endedAt && (!entry.last || endedAt > entry.last)) entry.last = endedAt;
      for (const [kind, q] of Object.entries(kinds)) entry.kinds.set(kind, add(entry.kinds.get(kind), q));
    }
  }
  const now = opts.now ?? Date.now();
  return [...merged.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, e]) => {
      const kinds = [...e.kinds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, q]) => ({ kind, ...counts(q, now), completeness: completeness(q) }));
      const total = [...e.kinds.values()].reduce((acc, q) => add(acc, q), undefined as KindQuality | undefined)!;
      return { source, imports: e.imports.size, lastImportAt: e.last, ...counts(total, now), kinds };
    });
}

function add(a: KindQuality | undefined, b: KindQuality): KindQuality {
  const out: KindQuality = a
    ? { ...a, filled: { ...a.filled }, rejectedBy: { ...a.rejectedBy } }
    : { read: 0, accepted: 0, rejected: 0, unchanged: 0, duplicates: 0, filled: {}, rejectedBy: {}, newestEventMs: null, futureDated: 0 };
  out.read += b.read;
  out.accepted += b.accepted;
  out.rejected += b.rejected;
  out.unchanged += b.unchanged;
  out.duplicates += b.duplicates;
  out.futureDated = (out.futureDated ?? 0) + (b.futureDated ?? 0);
  for (const [f, n] of Object.entries(b.filled)) out.filled[f] = (out.filled[f] ?? 0) + n;
  for (const [r, n] of Object.entries(b.rejectedBy)) out.rejectedBy[r] = (out.rejectedBy[r] ?? 0) + n;
  if (b.newestEventMs !== null && (out.newestEventMs === null || b.newestEventMs > out.newestEventMs)) out.newestEventMs = b.newestEventMs;
  return out;
}

function counts(q: KindQuality, now: number): Counts {
  const rate = (n: number) => (q.read === 0 ? 0 : round(n / q.read));
  return {
    read: q.read,
    accepted: q.accepted,
    rejected: q.rejected,
    unchanged: q.unchanged,
    duplicates: q.duplicates,
    rejectionRate: rate(q.rejected),
    duplicateRate: rate(q.duplicates),
    resentRate: rate(q.unchanged),
    newestRecordAt: q.newestEventMs === null ? null : new Date(q.newestEventMs).toISOString(),
    lagSeconds: q.newestEventMs === null ? null : Math.round((now - q.newestEventMs) / 1000),
    futureDated: q.futureDated ?? 0,
    futureDatedRate: rate(q.futureDated ?? 0),
    rejectionsByReason: Object.entries(q.rejectedBy)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([reason, count]) => ({ reason, count, rate: rate(count) })),
  };
}

function completeness(q: KindQuality): FieldCompleteness[] {
  return Object.entries(q.filled).map(([field, filled]) => ({ field, filled, ratio: q.read === 0 ? 0 : round(filled / q.read) }));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
