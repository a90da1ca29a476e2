import { createWriteStream } from 'node:fs';
import { access, mkdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import { BadUserInput, NotFound } from '../errors.js';
import type { Principal } from '../security/principal.js';
import type { ImportFile } from './formats/import-files.js';
import { findJob, type JobRecord } from './import-jobs.js';
import { isRecordKind } from './record-kinds.js';
import { newJobId, runImportJob, type ImportJobResult } from './run-import-job.js';
import { parseEncodingName } from './text-encoding.js';

/** Who ran an import, as stored on the job: a user name, key:<name>, or anonymous. */
export function principalName(principal: Principal | null | undefined): string {
  if (!principal) return 'anonymous';
  if (principal.kind === 'USER') return principal.username;
  if (principal.kind === 'API_KEY') return `key:${principal.name}`;
  return 'anonymous';
}

/** Where one job's uploaded files are kept, so an interrupted job can be run again. */
export async function jobDirectory(config: Config, jobId: string): Promise<string> {
  const dir = path.join(config.ingest.dir, jobId);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * A job's own copies of its files (uploads, mutation batches) are kept until it succeeds,
 * so that an interrupted or failed job can be run again; then they are removed.
 */
export async function releaseJobFiles(config: Config, result: ImportJobResult): Promise<ImportJobResult> {
  if (result.status === 'SUCCEEDED') await rm(path.join(config.ingest.dir, result.id), { recursive: true, force: true });
  return result;
}

/** The records of the importRecords mutation, written as NDJSON and imported like any file. */
export async function importRecordBatch(graph: Graph, config: Config, args: { records: unknown[]; source: string | null; principal: string }): Promise<ImportJobResult> {
  if (args.records.length === 0) throw new BadUserInput('records', 'must hold at least one record', '至少要有一条记录');
  if (args.records.length > config.ingest.mutationMaxRecords) {
    throw new BadUserInput('records', `holds ${args.records.length} records; at most ${config.ingest.mutationMaxRecords} go in one call (send files to POST /imports)`, `共 ${args.records.length} 条记录，一次最多 ${config.ingest.mutationMaxRecords} 条（大批量请以文件提交到 POST /imports）`);
  }
  const id = newJobId();
  const file = path.join(await jobDirectory(config, id), 'records.ndjson');
  const out = createWriteStream(file);
  for (const record of args.records) if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const result = await runImportJob(graph, {
    jobId: id,
    files: [{ path: file, label: 'records', format: 'ndjson' }],
    principal: args.principal,
    source: args.source,
    batchSize: config.ingest.batchSize,
    writeConcurrency: config.ingest.writeConcurrency,
    maxStoredRejections: config.ingest.maxStoredRejections,
  });
  return releaseJobFiles(config, result);
}

/** The files of a stored job, for a new run of it; every file must still be where it was. */
export async function filesOfJob(job: JobRecord): Promise<ImportFile[]> {
  const paths = (job.paths as string[] | null) ?? [];
  const labels = (job.files as string[] | null) ?? [];
  const options = JSON.parse(String(job.options ?? '{}')) as { kinds?: (string | null)[]; encodings?: (string | null)[] };
  return Promise.all(
    paths.map(async (p, i) => {
      try {
        await access(p);
      } catch {
        throw new BadUserInput('id', `the job's file ${labels[i] ?? p} is no longer on the server; import it again`, `该任务的文件 ${labels[i] ?? p} 已不在服务器上，请重新导入`);
      }
      const kind = options.kinds?.[i];
      const encoding = options.encodings?.[i] ? parseEncodingName(options.encodings[i]!) : undefined;
      return { path: p, label: labels[i] ?? path.basename(p), ...(kind && isRecordKind(kind) ? { kind } : {}), ...(encoding ? { encoding } : {}) };
    }),
  );
}

/**
 * Checks that a job can run again (it exists, is not running or done, its files are still
 * here) and starts the run; `done` settles when the run ends (its outcome is on the job).
 */
export async function resumeImportJob(graph: Graph, config: Config, id: string, principal: string): Promise<{ done: Promise<ImportJobResult> }> {
  const job = await graph.read((tx) => findJob(tx, id));
  if (!job) throw new NotFound('Import job', id);
  if (job.status === 'RUNNING' || job.status === 'SUCCEEDED') {
    throw new BadUserInput('id', `the job is ${job.status.toLowerCase()}; only an interrupted or failed job is run again`, `${job.status === 'RUNNING' ? '该任务正在运行' : '该任务已完成'}；只有中断或失败的任务可以重新运行`);
  }
  const files = await filesOfJob(job);
  const done = runImportJob(graph, {
    jobId: id,
    files,
    principal,
    source: (job.source as string | null) ?? null,
    batchSize: config.ingest.batchSize,
    writeConcurrency: config.ingest.writeConcurrency,
    maxStoredRejections: config.ingest.maxStoredRejections,
  }).then((result) => releaseJobFiles(config, result));
  return { done };
}

/**
 * A stored job as GraphQL and HTTP show it. Where the server keeps the uploaded files
 * (`paths`) is the server's business, not the caller's.
 */
export function jobView(job: JobRecord): Record<string, unknown> {
  const bytesTotal = Number(job.bytesTotal ?? 0);
  const done = job.status === 'SUCCEEDED';
  const { paths: _serverPaths, ...shown } = job;
  return {
    ...shown,
    files: job.files ?? [],
    formats: job.formats ?? [],
    notices: job.notices ?? [],
    noticesZh: job.noticesZh ?? null,
    run: job.run ?? 1,
    progress: done ? 1 : bytesTotal > 0 ? Math.min(1, Number(job.bytesRead ?? 0) / bytesTotal) : 0,
    rejectionReportPath: `/imports/${encodeURIComponent(job.id)}/rejections.csv`,
  };
}
