import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Graph } from '../db/graph.js';
import { formatOf, inDependencyOrder, readImportFiles, type ImportFile } from './formats/import-files.js';
import { resolveIdentities, type ResolutionSummary } from './identity-resolution.js';
import { importRecords, type ImportProgress, type ImportSummary, type Rejection } from './import-records.js';
import { failureReason } from './job-failure.js';
import { finishJob, heartbeat, recordProgress, startJob, storeRejections, type JobCounters, type StoredRejection } from './import-jobs.js';
import { QualityStats } from './quality-stats.js';
import type { SourceNotice } from './source-record.js';

export interface ImportJobRequest {
  files: ImportFile[];
  /** Who asked: a user name, `key:<name>` for another unit's system, `cli`, `anonymous`. */
  principal: string;
  /** Given and known: a new run of that job (resume); else a new job. */
  jobId?: string;
  /** Provenance for records that name no sending system. */
  source?: string | null;
  batchSize?: number;
  /** Write transactions that may run at once (importRecords' maxInFlight). */
  writeConcurrency?: number;
  /** Rejected records stored for the report beyond this are counted only. */
  maxStoredRejections?: number;
  onProgress?: (progress: ImportJobProgress) => void;
}

export interface ImportJobProgress extends ImportProgress {
  job: string;
  bytesRead: number;
  bytesTotal: number;
}

export interface ImportJobResult {
  id: string;
  run: number;
  status: 'SUCCEEDED' | 'FAILED';
  summary: ImportSummary | null;
  identities: ResolutionSummary | null;
  notices: string[];
  /** The same notices in Chinese, one for one. */
  noticesZh: string[];
  error: string | null;
  /** The same in Chinese. */
  errorZh: string | null;
}

const HEARTBEAT_MS = 15_000;

export function newJobId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `imp-${stamp}-${randomBytes(3).toString('hex')}`;
}

/**
 * One import as a job in the database: started (or resumed) with who ran it and what it
 * reads, its counters updated in the same transaction as each batch, every rejected record
 * stored for the report, identities resolved, and closed with its data-quality figures.
 */
export async function runImportJob(graph: Graph, request: ImportJobRequest): Promise<ImportJobResult> {
  const id = request.jobId ?? newJobId();
  const files = inDependencyOrder(request.files);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f.path)).size));
  const formats = await Promise.all(files.map((f) => formatOf(f)));
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const { run } = await startJob(graph, {
    id,
    source: request.source ?? null,
    files: files.map((f) => f.label),
    paths: files.map((f) => f.path),
    formats,
    principal: request.principal,
    options: { batchSize: request.batchSize ?? null, kinds: files.map((f) => f.kind ?? null), encodings: files.map((f) => f.encoding ?? null) },
    bytesTotal,
  });

  const notices: string[] = [];
  const noticesZh: string[] = [];
  const notice = (en: string, zh: string) => {
    notices.push(en);
    noticesZh.push(zh);
  };
  const stats = new QualityStats();
  const maxStored = request.maxStoredRejections ?? 100_000;
  let stored = 0;
  let bytesRead = 0;
  let last: ImportProgress = { phase: 'writing', read: 0, accepted: 0, rejected: 0, unchanged: 0, duplicates: 0, written: 0, toWrite: 0 };
  const counters = (p: ImportProgress): JobCounters => ({
    phase: p.phase,
    read: p.read,
    accepted: p.accepted,
    rejected: p.rejected,
    unchanged: p.unchanged,
    duplicates: p.duplicates,
    bytesRead,
  });
  const buffered: StoredRejection[] = [];
  const onRejected = async (r: Rejection) => {
    if (stored >= maxStored) return;
    stored++;
    buffered.push(toStored(r));
    if (buffered.length >= 500) await storeRejections(graph, id, buffered.splice(0));
  };
  const onNotice = (n: SourceNotice) => {
    const where = `${n.file}${n.sheet ? ` [${n.sheet}]` : ''}`;
    notice(`${where}: ${n.message}`, `${where}：${n.messageZh}`);
  };
  let phase = 'writing';
  const alive = setInterval(() => void heartbeat(graph, id, phase, bytesRead).catch(() => {}), HEARTBEAT_MS);

  try {
    const summary = await importRecords(graph, readImportFiles(files, { onNotice, onBytes: (n) => (bytesRead += n) }), {
      job: id,
      run,
      stats,
      ...(request.source ? { defaultSource: request.source } : {}),
      ...(request.batchSize ? { batchSize: request.batchSize } : {}),
      ...(request.writeConcurrency ? { maxInFlight: request.writeConcurrency } : {}),
      onRejected,
      progressInTx: (tx, p) => recordProgress(tx, id, counters(p)),
      onProgress: (p) => {
        last = p;
        phase = p.phase;
        request.onProgress?.({ ...p, job: id, bytesRead, bytesTotal });
      },
    });
    await storeRejections(graph, id, buffered.splice(0));
    if (summary.rejected > stored) {
      const beyond = summary.rejected - stored;
      notice(`${beyond} rejected records beyond the first ${maxStored} were counted but not stored`, `超出前 ${maxStored} 条的 ${beyond} 条拒收记录已计数，但未保存明细`);
    }
    request.onProgress?.({ ...last, phase: 'done', job: id, bytesRead, bytesTotal });
    phase = 'identities';
    const identities = await resolveIdentities(graph, id);
    if (identities.confirmed + identities.candidates > 0) {
      notice(
        `identity: ${identities.confirmed} records linked by equal resident ID, ${identities.candidates} likely matches to review`,
        `身份比对：${identities.confirmed} 条记录按相同身份证号关联，${identities.candidates} 对疑似同一人待审核`,
      );
    }
    await finishJob(graph, id, { status: 'SUCCEEDED', counters: { ...counters(last), phase: 'done' }, notices, noticesZh, stats: { bySource: stats.bySource, identities }, error: null, errorZh: null });
    return { id, run, status: 'SUCCEEDED', summary, identities, notices, noticesZh, error: null, errorZh: null };
  } catch (e) {
    const reason = failureReason(e);
    await finishJob(graph, id, { status: 'FAILED', counters: counters(last), notices, noticesZh, stats: { bySource: stats.bySource }, error: reason.en, errorZh: reason.zh }).catch(() => {});
    return { id, run, status: 'FAILED', summary: null, identities: null, notices, noticesZh, error: reason.en, errorZh: reason.zh };
  } finally {
    clearInterval(alive);
  }
}

function toStored(r: Rejection): StoredRejection {
  return {
    seq: r.seq,
    file: r.position.file,
    line: r.position.line ?? null,
    sheet: r.position.sheet ?? null,
    row: r.position.row ?? null,
    kind: r.kind ?? null,
    source: r.source ?? null,
    field: r.field,
    rule: r.rule ?? 'invalid',
    reason: r.reason,
    reasonZh: r.reasonZh,
    otherProblems: (r.otherProblems ?? []).map((o) => ({ field: o.field, rule: o.rule ?? 'invalid', reason: o.reason, reasonZh: o.reasonZh })),
  };
}
