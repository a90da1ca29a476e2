import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import { BadUserInput, ClewError, NotFound } from '../errors.js';
import { IMPORT_FORMATS, type ImportFile, type ImportFormat } from '../ingest/formats/import-files.js';
import { findJob } from '../ingest/import-jobs.js';
import { jobDirectory, jobView, principalName, releaseJobFiles } from '../ingest/import-service.js';
import { isRecordKind } from '../ingest/record-kinds.js';
import { rejectionReportCsv } from '../ingest/rejection-report.js';
import { languageOf } from '../request-language.js';
import { newJobId, runImportJob } from '../ingest/run-import-job.js';
import { parseEncodingName } from '../ingest/text-encoding.js';

interface UploadQuery {
  name?: string;
  source?: string;
  kind?: string;
  encoding?: string;
  format?: string;
  wait?: string;
}

/**
 * POST /imports?name=stay.csv[&source=…&kind=…&encoding=…&format=…&wait=true] with the file
 * as the request body: the body is streamed to disk (never held in memory, cut off past
 * CLEW_IMPORT_UPLOAD_MAX_BYTES), then imported as a job. Answers 202 with the job at once,
 * or 200 with the finished job when wait=true. GET /imports/:id/rejections.csv streams the
 * job's rejection report. Both are guarded by policies (HTTP.importUpload, HTTP.importRejectionReport).
 */
export async function registerImportRoutes(app: FastifyInstance, deps: { graph: Graph; config: Config }): Promise<void> {
  await app.register(async (scope) => {
    // In this scope only: every body is handed over as the raw stream.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.post<{ Querystring: UploadQuery }>('/imports', { config: { policy: 'HTTP.importUpload' } }, async (request, reply) => {
      const file = await receiveUpload(request, deps.config);
      const principal = principalName(request.clewSecurity?.principal);
      const source = request.query.source?.trim() || null;
      const running = runImportJob(deps.graph, {
        jobId: file.jobId,
        files: [file.file],
        principal,
        source,
        batchSize: deps.config.ingest.batchSize,
        writeConcurrency: deps.config.ingest.writeConcurrency,
        maxStoredRejections: deps.config.ingest.maxStoredRejections,
      }).then((result) => releaseJobFiles(deps.config, result));
      if (request.query.wait === 'true') {
        await running;
        return reply.code(200).send(await jobOrNotFound(deps.graph, file.jobId));
      }
      running.catch((e: unknown) => request.log.error({ err: e, job: file.jobId }, 'import failed'));
      return reply.code(202).header('location', `/imports/${file.jobId}`).send(await jobWhenStarted(deps.graph, file.jobId));
    });

    scope.get<{ Params: { id: string } }>('/imports/:id/rejections.csv', { config: { policy: 'HTTP.importRejectionReport' } }, async (request, reply) => {
      await jobOrNotFound(deps.graph, request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id.replace(/[^\w.-]/g, '_')}-rejections.csv"`)
        .send(Readable.from(rejectionReportCsv(deps.graph, request.params.id, languageOf(request.headers['accept-language']))));
    });
  });
}

async function receiveUpload(request: FastifyRequest<{ Querystring: UploadQuery }>, config: Config): Promise<{ jobId: string; file: ImportFile }> {
  const q = request.query;
  const label = path.basename(q.name?.trim() || 'upload');
  if (q.kind !== undefined && !isRecordKind(q.kind)) throw badRequest(new BadUserInput('kind', `"${q.kind}" is not a record kind`, `“${q.kind}”不是记录类别`));
  const encoding = q.encoding ? parseEncodingName(q.encoding) : undefined;
  if (q.encoding && !encoding) throw badRequest(new BadUserInput('encoding', 'must be UTF-8, GB18030 (GBK), UTF-16LE, UTF-16BE or Big5', '应为 UTF-8、GB18030（GBK）、UTF-16LE、UTF-16BE 或 Big5'));
  if (q.format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(q.format)) throw badRequest(new BadUserInput('format', `must be one of ${IMPORT_FORMATS.join(', ')}`, `应为 ${IMPORT_FORMATS.join('、')} 之一`));
  if (!(request.body instanceof Readable)) throw badRequest(new BadUserInput('body', 'send the file as the request body', '请把文件作为请求体发送'));

  const jobId = newJobId();
  const dir = await jobDirectory(config, jobId);
  const target = path.join(dir, label.replace(/[^\p{L}\p{N}._-]/gu, '_'));
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > config.ingest.uploadMaxBytes) callback(Object.assign(new BadUserInput('body', `the upload is larger than ${config.ingest.uploadMaxBytes} bytes`, `文件超过 ${megabytes(config.ingest.uploadMaxBytes)} 的上限`), { statusCode: 413 }));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(request.body, limit, createWriteStream(target));
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const file: ImportFile = { path: target, label, ...(q.kind && isRecordKind(q.kind) ? { kind: q.kind } : {}), ...(encoding ? { encoding } : {}), ...(q.format ? { format: q.format as ImportFormat } : {}) };
  return { jobId, file };
}

async function jobOrNotFound(graph: Graph, id: string): Promise<Record<string, unknown>> {
  const job = await graph.read((tx) => findJob(tx, id));
  if (!job) throw Object.assign(new NotFound('Import job', id), { statusCode: 404 });
  return jobView(job);
}

/** The job node is written first thing by the run; answer with it once it is there. */
async function jobWhenStarted(graph: Graph, id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const job = await graph.read((tx) => findJob(tx, id));
    if (job) return jobView(job);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { id, status: 'RUNNING' };
}

function badRequest(e: ClewError): ClewError {
  return Object.assign(e, { statusCode: 400 });
}

/** A size for people: 2 GB, 500 MB. */
function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0 ? `${bytes / 1024 ** 3} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}
