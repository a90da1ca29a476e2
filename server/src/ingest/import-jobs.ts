import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import type { Graph, Tx } from '../db/graph.js';
import { toPlain } from '../db/neo4j-values.js';

const START = cypher('ingest/job-start');
const PROGRESS = cypher('ingest/job-progress');
const HEARTBEAT = cypher('ingest/job-heartbeat');
const FINISH = cypher('ingest/job-finish');
const BY_ID = cypher('ingest/job-by-id');
const LIST = cypher('ingest/job-list');
const REJECTIONS_WRITE = cypher('ingest/rejections-write');
const REJECTIONS_PAGE = cypher('ingest/rejections-page');

export type JobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED';

export interface JobCounters {
  phase: string;
  read: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  duplicates: number;
  bytesRead: number;
}

export interface JobStart {
  id: string;
  source: string | null;
  files: string[];
  paths: string[];
  formats: string[];
  principal: string;
  options: Record<string, unknown>;
  bytesTotal: number;
}

export interface StoredRejection {
  seq: number;
  file: string;
  line: number | null;
  sheet: string | null;
  row: number | null;
  kind: string | null;
  source: string | null;
  field: string;
  rule: string;
  reason: string;
  /** Null on rejections stored before reasons were kept in Chinese too. */
  reasonZh: string | null;
  /** The record's problems beyond the one above; empty on rejections stored before they were kept. */
  otherProblems: RejectionProblem[];
}

export interface RejectionProblem {
  field: string;
  rule: string;
  reason: string;
  reasonZh: string | null;
}

export type JobRecord = Record<string, unknown> & { id: string; status: JobStatus };

/** A running job whose process has not reported for this long was interrupted (killed, crashed). */
export const STALE_AFTER_MS = 120_000;

export async function startJob(graph: Graph, job: JobStart): Promise<{ run: number; principal: string }> {
  return graph.write(async (tx) => {
    const r = (await tx.run(START, { ...job, options: JSON.stringify(job.options) })).records[0]!;
    return { run: Number(r.get('run')), principal: String(r.get('principal')) };
  });
}

/** Runs inside the batch's own transaction. */
export async function recordProgress(tx: Tx, id: string, counters: JobCounters): Promise<void> {
  await tx.run(PROGRESS, { id, counters });
}

/** Between batches: alive, in which phase, how far through the files. */
export async function heartbeat(graph: Graph, id: string, phase: string, bytesRead: number): Promise<void> {
  await graph.write((tx) => tx.run(HEARTBEAT, { id, phase, bytesRead }));
}

export async function finishJob(
  graph: Graph,
  id: string,
  end: { status: 'SUCCEEDED' | 'FAILED'; counters: JobCounters; notices: string[]; noticesZh: string[]; stats: unknown; error: string | null; errorZh: string | null },
): Promise<void> {
  await graph.write((tx) =>
    tx.run(FINISH, { id, status: end.status, counters: end.counters, notices: end.notices, noticesZh: end.noticesZh, stats: JSON.stringify(end.stats), error: end.error, errorZh: end.errorZh }),
  );
}

export async function storeRejections(graph: Graph, job: string, rows: StoredRejection[]): Promise<void> {
  if (rows.length > 0) await graph.write((tx) => tx.run(REJECTIONS_WRITE, { job, rows: rows.map((r) => ({ ...r, seq: neo4j.int(r.seq) })) }));
}

/** A job as stored, with RUNNING shown as INTERRUPTED once its process has gone silent. */
export function withLiveStatus(job: Record<string, unknown>, now = Date.now()): JobRecord {
  const plain = toPlain(job) as JobRecord;
  const heartbeat = typeof plain.heartbeatAt === 'string' ? Date.parse(plain.heartbeatAt) : NaN;
  if (plain.status === 'RUNNING' && Number.isFinite(heartbeat) && now - heartbeat > STALE_AFTER_MS) plain.status = 'INTERRUPTED';
  return plain;
}

export async function findJob(tx: Tx, id: string): Promise<JobRecord | null> {
  const r = (await tx.run(BY_ID, { id })).records[0];
  return r ? withLiveStatus(r.get('job') as Record<string, unknown>) : null;
}

export async function listJobs(
  tx: Tx,
  filter: { status: string | null; source: string | null; skip: number; limit: number },
): Promise<{ jobs: JobRecord[]; total: number }> {
  // INTERRUPTED is never stored: it is a RUNNING job that went silent.
  const stored = filter.status === 'INTERRUPTED' ? 'RUNNING' : filter.status;
  const result = await tx.run(LIST, { status: stored, source: filter.source, skip: neo4j.int(filter.skip), limit: neo4j.int(filter.limit) });
  const jobs = result.records.map((r) => withLiveStatus(r.get('job') as Record<string, unknown>));
  const total = Number(result.records[0]?.get('total') ?? 0);
  return { jobs: filter.status ? jobs.filter((j) => j.status === filter.status) : jobs, total };
}

export async function rejectionPage(tx: Tx, job: string, after: number, limit: number): Promise<StoredRejection[]> {
  const result = await tx.run(REJECTIONS_PAGE, { job, after: neo4j.int(after), limit: neo4j.int(limit) });
  return result.records.map((r) => toPlain(r.get('rejection')) as StoredRejection);
}
