import { cypher } from '../db/cypher-files.js';
import type { Graph } from '../db/graph.js';
import { RecordRejected, type FieldProblem } from './field-reader.js';
import { normalizeRecord, type NormalizeOptions } from './normalize-record.js';
import { RECORD_KINDS, type RecordKind } from './record-kinds.js';
import { KindSpool, type RecordPosition } from './spool.js';

export interface SourceRecord {
  raw: unknown;
  position: RecordPosition;
}

export interface Rejection extends FieldProblem {
  position: RecordPosition;
  kind?: string;
}

export interface ImportProgress {
  phase: 'reading' | 'writing' | 'done';
  read: number;
  written: number;
  rejected: number;
  /** Rows read so far that will be written (known once reading ends). */
  toWrite: number;
  kind?: RecordKind;
}

export interface ImportOptions extends NormalizeOptions {
  job?: string;
  batchSize?: number;
  onRejected?: (rejection: Rejection) => void;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportSummary {
  read: number;
  written: number;
  rejected: number;
  byKind: Partial<Record<RecordKind, { written: number; rejected: number }>>;
  millis: number;
}

const WRITE_CYPHER: Record<RecordKind, string> = Object.fromEntries(
  RECORD_KINDS.map((k) => [k, cypher(`ingest/${k}`)]),
) as Record<RecordKind, string>;

/**
 * Imports exchange-format records: every record is validated and spooled by kind, then the
 * kinds are written in dependency order in UNWIND batches of idempotent MERGEs, each batch
 * in its own managed transaction. A bad record is reported (file, line, field, reason) and
 * the rest go on; a reference to an id that is in neither the database nor the import is
 * rejected, not guessed.
 */
export async function importRecords(graph: Graph, source: AsyncIterable<SourceRecord>, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const job = options.job ?? `import-${new Date().toISOString()}`;
  const batchSize = options.batchSize ?? 5000;
  const byKind: ImportSummary['byKind'] = {};
  const progress: ImportProgress = { phase: 'reading', read: 0, written: 0, rejected: 0, toWrite: 0 };
  const tally = (kind: RecordKind, field: 'written' | 'rejected', n: number) => {
    const entry = (byKind[kind] ??= { written: 0, rejected: 0 });
    entry[field] += n;
  };
  const reject = (r: Rejection) => {
    progress.rejected++;
    if (r.kind && (RECORD_KINDS as readonly string[]).includes(r.kind)) tally(r.kind as RecordKind, 'rejected', 1);
    options.onRejected?.(r);
  };

  const spool = await KindSpool.create();
  try {
    for await (const { raw, position } of source) {
      progress.read++;
      try {
        const { kind, row } = normalizeRecord(raw, progress.read, options);
        await spool.add(kind, { p: position, r: row });
      } catch (e) {
        if (!(e instanceof RecordRejected)) throw e;
        const kind = typeof (raw as { kind?: unknown })?.kind === 'string' ? String((raw as { kind: string }).kind).toLowerCase() : undefined;
        reject({ ...e.problem, position, ...(kind ? { kind } : {}) });
      }
      if (progress.read % 10000 === 0) options.onProgress?.({ ...progress });
    }
    await spool.finish();
    progress.phase = 'writing';
    progress.toWrite = [...spool.counts.values()].reduce((a, b) => a + b, 0);
    options.onProgress?.({ ...progress });

    for (const kind of RECORD_KINDS) {
      for await (const batch of spool.batches(kind, batchSize)) {
        const rows = batch.map((b) => b.r);
        const unresolved = await graph.write(
          async (tx) => (await tx.run(WRITE_CYPHER[kind], { rows, job })).records.map((r) => ({ i: Number(r.get('i')), field: String(r.get('field')), ref: String(r.get('ref')) })),
          { metadata: { job, kind } },
        );
        const positionOf = new Map(batch.map((b) => [b.r.i, b.p]));
        for (const u of unresolved) {
          reject({ kind, field: u.field, reason: `refers to "${u.ref}", which is neither in the database nor in this import`, position: positionOf.get(u.i)! });
        }
        const written = batch.length - unresolved.length;
        tally(kind, 'written', written);
        progress.written += written;
        progress.kind = kind;
        options.onProgress?.({ ...progress });
      }
    }
  } finally {
    await spool.dispose();
  }
  progress.phase = 'done';
  options.onProgress?.({ ...progress });
  return { read: progress.read, written: progress.written, rejected: progress.rejected, byKind, millis: Date.now() - started };
}
