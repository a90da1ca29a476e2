import type { Graph, Tx } from '../db/graph.js';
import { BatchWriter, type PendingRow, type WriteOutcome } from './batch-writer.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_WRITE_CONCURRENCY } from './import-defaults.js';
import { RecordRejected, type FieldProblem } from './field-reader.js';
import { furtherProblems, normalizeRecord, type NormalizeOptions } from './normalize-record.js';
import { QualityStats } from './quality-stats.js';
import { isRecordKind, type RecordKind } from './record-kinds.js';
import type { RecordPosition, RecordStream, SourceRecord } from './source-record.js';

export type { SourceRecord } from './source-record.js';

export interface Rejection extends FieldProblem {
  /** The record's sequence number in its import (1-based, in reading order). */
  seq: number;
  position: RecordPosition;
  kind?: string;
  source?: string | null;
  /** The record's problems beyond the one above (normalize-record.ts, furtherProblems). */
  otherProblems?: FieldProblem[];
}

export interface ImportCounters {
  read: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  duplicates: number;
}

export interface ImportProgress extends ImportCounters {
  phase: 'reading' | 'writing' | 'retrying' | 'done';
  /** Accepted records (the name the demo loader reads). */
  written: number;
  /** Valid records handed to the writer so far. */
  toWrite: number;
  kind?: RecordKind;
}

export interface ImportOptions extends NormalizeOptions {
  /** Stored on everything written as `importJob`. */
  job?: string;
  /** The job's run number: records this job wrote in an earlier run count as accepted. */
  run?: number;
  batchSize?: number;
  /** Write transactions that may run at once (batch-writer.ts says which may run together); reading pauses beyond. */
  maxInFlight?: number;
  onRejected?: (rejection: Rejection) => void | Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
  /** Runs inside each batch's transaction with the counters as they will be once it commits. */
  progressInTx?: (tx: Tx, progress: ImportProgress) => Promise<void>;
  stats?: QualityStats;
}

export interface KindCounters {
  written: number;
  rejected: number;
  unchanged: number;
  duplicates: number;
  /** Time spent in this kind's write transactions, summed (up to `maxInFlight` run at once). */
  writeMillis: number;
}

export interface ImportSummary extends ImportCounters {
  /** Accepted records: new or changed, written. */
  written: number;
  byKind: Partial<Record<RecordKind, KindCounters>>;
  millis: number;
}

/**
 * Imports exchange-format records: each is validated, then written in UNWIND batches of
 * idempotent MERGEs (see batch-writer.ts) while the rest are still being read. Every record
 * ends as exactly one of accepted (written, new or changed), unchanged (already there as
 * sent), duplicate (a second copy within this import) or rejected (reported with file, line
 * or sheet and row, field and reason); the import goes on past bad records.
 */
export async function importRecords(graph: Graph, source: RecordStream, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const job = options.job ?? `import-${new Date().toISOString()}`;
  const stats = options.stats ?? new QualityStats();
  const byKind: ImportSummary['byKind'] = {};
  const progress: ImportProgress = { phase: 'writing', read: 0, accepted: 0, rejected: 0, unchanged: 0, duplicates: 0, written: 0, toWrite: 0 };
  const kindEntry = (kind: string | undefined) =>
    kind && isRecordKind(kind) ? (byKind[kind] ??= { written: 0, rejected: 0, unchanged: 0, duplicates: 0, writeMillis: 0 }) : undefined;
  const pendingRejections: Rejection[] = [];

  const reject = (r: Rejection) => {
    progress.rejected++;
    const entry = kindEntry(r.kind);
    if (entry) entry.rejected++;
    stats.rejected(r.source, r.kind, r.field, r.rule);
    pendingRejections.push(r);
  };
  const flushRejections = async () => {
    for (const r of pendingRejections.splice(0)) await options.onRejected?.(r);
  };

  const writer = new BatchWriter(
    graph,
    { job, run: options.run ?? Date.now(), batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, maxInFlight: options.maxInFlight ?? DEFAULT_WRITE_CONCURRENCY },
    {
      inTx: async (tx, kind, batch, outcomes, final) => {
        if (!options.progressInTx) return;
        const after = tally(batch, outcomes, final);
        await options.progressInTx(tx, {
          ...progress,
          kind,
          accepted: progress.accepted + after.accepted,
          written: progress.accepted + after.accepted,
          unchanged: progress.unchanged + after.unchanged,
          duplicates: progress.duplicates + after.duplicates,
          rejected: progress.rejected + after.rejected,
        });
      },
      settle: (kind, batch, outcomes, final, millis) => {
        const entry = kindEntry(kind)!;
        entry.writeMillis += millis;
        const now = Date.now();
        for (const { p, r, t } of batch) {
          const o = outcomes.get(r.i);
          const src = r.source as string | null;
          if (!o) {
            progress.accepted++;
            entry.written++;
            stats.outcome(src, kind, 'accepted');
            if (t !== undefined) stats.eventTime(src, kind, t, now);
          } else if (o.outcome === 'unresolved') {
            if (final) reject(unresolvedRejection(r.i, p, kind, src, o));
          } else if (o.outcome === 'resumed') {
            progress.accepted++;
            entry.written++;
            stats.outcome(src, kind, 'accepted');
          } else if (o.outcome === 'unchanged') {
            progress.unchanged++;
            entry.unchanged++;
            stats.outcome(src, kind, 'unchanged');
          } else {
            progress.duplicates++;
            entry.duplicates++;
            stats.outcome(src, kind, 'duplicates');
          }
        }
        progress.written = progress.accepted;
        progress.kind = kind;
        options.onProgress?.({ ...progress });
      },
    },
  );

  /** Takes one record; returns what to wait for when that sent a batch (backpressure). */
  const take = (record: SourceRecord): Promise<void> | undefined => {
    const seq = ++progress.read;
    const rawKind = kindOf(record.raw);
    const rawSource = sourceOf(record.raw) ?? options.defaultSource ?? null;
    if (record.problem) {
      stats.seen(rawSource, rawKind, null);
      reject({ ...record.problem, seq, position: record.position, source: rawSource, ...(rawKind ? { kind: rawKind } : {}) });
      return undefined;
    }
    stats.seen(rawSource, rawKind, record.raw);
    try {
      const { kind, row, eventMs } = normalizeRecord(record.raw, seq, options);
      progress.toWrite++;
      return writer.add(kind, { p: record.position, r: row, t: eventMs } satisfies PendingRow);
    } catch (e) {
      if (!(e instanceof RecordRejected)) throw e;
      const otherProblems = furtherProblems(record.raw, e.problem, options);
      reject({ ...e.problem, seq, position: record.position, source: rawSource, ...(rawKind ? { kind: rawKind } : {}), ...(otherProblems.length ? { otherProblems } : {}) });
      return undefined;
    }
  };

  try {
    for await (const item of source) {
      for (const record of isChunk(item) ? item : [item]) {
        const sent = take(record);
        if (sent) await sent;
        if (pendingRejections.length >= 500) await flushRejections();
        if (progress.read % 10000 === 0) options.onProgress?.({ ...progress });
      }
    }
    progress.phase = 'retrying';
    await writer.finish();
    await flushRejections();
  } finally {
    await writer.dispose();
  }
  progress.phase = 'done';
  options.onProgress?.({ ...progress });
  const { phase: _phase, toWrite: _toWrite, kind: _kind, ...counters } = progress;
  return { ...counters, byKind, millis: Date.now() - started };
}

/** What a batch will add to the counters once it commits. */
function tally(batch: PendingRow[], outcomes: Map<number, WriteOutcome>, final: boolean): ImportCounters {
  const t: ImportCounters = { read: 0, accepted: 0, rejected: 0, unchanged: 0, duplicates: 0 };
  for (const { r } of batch) {
    const o = outcomes.get(r.i)?.outcome;
    if (o === undefined || o === 'resumed') t.accepted++;
    else if (o === 'unchanged') t.unchanged++;
    else if (o === 'duplicate') t.duplicates++;
    else if (final) t.rejected++;
  }
  return t;
}

function unresolvedRejection(seq: number, position: RecordPosition, kind: RecordKind, source: string | null, o: WriteOutcome): Rejection {
  return {
    seq,
    position,
    kind,
    source,
    field: o.field ?? '(reference)',
    reason: `refers to "${o.ref}", which is neither in the database nor in this import`,
    reasonZh: `引用的 "${o.ref}" 既不在数据库中，也不在本次导入中`,
    rule: 'reference',
  };
}

function isChunk(item: SourceRecord | readonly SourceRecord[]): item is readonly SourceRecord[] {
  return Array.isArray(item);
}

function kindOf(raw: unknown): string | undefined {
  const k = raw !== null && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
  return typeof k === 'string' && k.trim() !== '' ? k.trim().toLowerCase() : undefined;
}

function sourceOf(raw: unknown): string | undefined {
  const s = raw !== null && typeof raw === 'object' ? (raw as { source?: unknown }).source : undefined;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}
