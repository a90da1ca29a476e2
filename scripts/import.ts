/**
 * npm run import -- [options] FILE|FOLDER…
 *
 * Imports NDJSON, CSV/TSV and Excel files (a folder: its .ndjson, .jsonl, .csv, .tsv and
 * .xlsx files) into Clew as one import job, with a progress bar,
 * counts and an ETA; prints the summary and where the rejection report is. Also:
 *   --resume JOB            run an interrupted job again (same files, exact counts)
 *   --rejections JOB        write a job's rejection report as CSV to standard output
 *   --lang zh|en            the language of the output and of the report's reasons; by
 *                           default Chinese in a zh locale (LANG zh_CN.UTF-8), else English
 *   --quality [--since D]   print the data-quality report per source
 * See docs/ingest.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../server/src/config.js';
import type { Graph } from '../server/src/db/graph.js';
import { dataQualityReport } from '../server/src/ingest/data-quality.js';
import type { ImportFile } from '../server/src/ingest/formats/import-files.js';
import { findJob } from '../server/src/ingest/import-jobs.js';
import { isRecordKind } from '../server/src/ingest/record-kinds.js';
import { rejectionReportCsv } from '../server/src/ingest/rejection-report.js';
import { runImportJob, type ImportJobProgress } from '../server/src/ingest/run-import-job.js';
import { parseEncodingName } from '../server/src/ingest/text-encoding.js';
import { inLanguage, languageOf, listInLanguage } from '../server/src/request-language.js';
import { expandImportPaths } from './import-paths.js';
import { say } from './import-words.js';
import { prepareDatabase } from '../server/src/startup.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    kind: { type: 'string' },
    encoding: { type: 'string' },
    'batch-size': { type: 'string' },
    resume: { type: 'string' },
    rejections: { type: 'string' },
    lang: { type: 'string' },
    quality: { type: 'boolean' },
    since: { type: 'string' },
    quiet: { type: 'boolean' },
  },
});

// LANG is written zh_CN.UTF-8; languageOf reads the zh-CN of HTTP.
const lang = languageOf(values.lang ?? (process.env.LC_ALL || process.env.LANG || '').replace('_', '-'));

async function main(): Promise<number> {
  const config = loadConfig();
  const graph = await prepareDatabase({ ...config, logLevel: 'warn' }, (line) => console.error(`[db] ${line}`));
  try {
    if (values.rejections) return await printRejections(graph, values.rejections);
    if (values.quality) return await printQuality(graph);
    return await runImport(graph, config.ingest.writeConcurrency);
  } finally {
    await graph.close();
  }
}

async function runImport(graph: Graph, writeConcurrency: number): Promise<number> {
  let files: ImportFile[];
  let jobId: string | undefined;
  let source = values.source ?? null;
  if (values.resume) {
    const job = await graph.read((tx) => findJob(tx, values.resume!));
    if (!job) return fail(`no import job ${values.resume}`);
    const paths = job.paths as string[];
    const labels = job.files as string[];
    const options = JSON.parse(String(job.options ?? '{}')) as { kinds?: (string | null)[]; encodings?: (string | null)[] };
    files = paths.map((p, i) => fileOf(p, labels[i] ?? p, options.kinds?.[i] ?? undefined, options.encodings?.[i] ?? undefined));
    jobId = job.id;
    source = (job.source as string | null) ?? source;
  } else {
    if (positionals.length === 0) return fail('usage: npm run import -- [--source NAME] [--kind KIND] [--encoding GB18030] FILE|FOLDER…');
    const named = await expandImportPaths(positionals);
    if (named.skipped.length > 0) console.log(`  ${say(lang, 'note', { note: say(lang, 'skipped', { files: named.skipped.map((f) => path.basename(f)).join(', ') }) })}`);
    if (named.files.length === 0) return fail(say(lang, 'noFiles', { paths: positionals.join(' ') }));
    files = named.files.map((p) => fileOf(path.resolve(p), p, values.kind, values.encoding));
  }
  const bar = values.quiet || !process.stderr.isTTY ? undefined : progressBar();
  let lastLine = 0;
  const result = await runImportJob(graph, {
    files,
    principal: 'cli',
    source,
    ...(jobId ? { jobId } : {}),
    ...(values['batch-size'] ? { batchSize: Number(values['batch-size']) } : {}),
    writeConcurrency,
    onProgress: (p) => {
      if (bar) {
        if (!bar.isActive) bar.start(Math.max(p.bytesTotal, 1), 0, counts(p));
        bar.update(p.bytesRead, counts(p));
      } else if (!values.quiet && Date.now() - lastLine > 5000) {
        lastLine = Date.now();
        console.error(`[import ${p.job}] ${percent(p)} ${say(lang, 'progress', counts(p))}`);
      }
    },
  });
  bar?.stop();
  const s = result.summary;
  console.log(say(lang, 'job', { id: result.id, run: result.run, status: say(lang, result.status) }));
  if (s) {
    console.log(`  ${say(lang, 'totals', { read: s.read, accepted: s.accepted, rejected: s.rejected, unchanged: s.unchanged, duplicates: s.duplicates, seconds: (s.millis / 1000).toFixed(1) })}`);
    for (const [kind, k] of Object.entries(s.byKind)) console.log(`  ${say(lang, 'kind', { kind: kind.padEnd(12), accepted: k.written, rejected: k.rejected, unchanged: k.unchanged, duplicates: k.duplicates })}`);
  }
  for (const note of listInLanguage(lang, result.notices, result.noticesZh)) console.log(`  ${say(lang, 'note', { note })}`);
  if (result.error) console.log(`  ${say(lang, 'error', { error: inLanguage(lang, result.error, result.errorZh), id: result.id })}`);
  if (s && s.rejected > 0) console.log(`  ${say(lang, 'report', { id: result.id })}`);
  return result.status === 'SUCCEEDED' ? 0 : 1;
}

function fileOf(p: string, label: string, kind: string | undefined, encoding: string | undefined): ImportFile {
  if (kind !== undefined && !isRecordKind(kind)) throw new Error(`--kind ${kind} is not a record kind`);
  const enc = encoding ? parseEncodingName(encoding) : undefined;
  if (encoding && !enc) throw new Error(`--encoding ${encoding} is not one of UTF-8, GB18030 (GBK), UTF-16LE, UTF-16BE, Big5`);
  return { path: p, label: path.basename(label), ...(kind ? { kind } : {}), ...(enc ? { encoding: enc } : {}) };
}

function progressBar(): SingleBar {
  return new SingleBar({
    format: `{bar} {percentage}% | ETA {eta_formatted} | ${say(lang, 'bar')}`,
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 50,
  });
}

function counts(p: ImportJobProgress) {
  return { read: p.read, accepted: p.accepted, rejected: p.rejected, unchanged: p.unchanged };
}

function percent(p: ImportJobProgress): string {
  return p.bytesTotal > 0 ? `${((p.bytesRead / p.bytesTotal) * 100).toFixed(0)}%` : '';
}

async function printRejections(graph: Graph, job: string): Promise<number> {
  for await (const chunk of rejectionReportCsv(graph, job, lang)) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  return 0;
}

async function printQuality(graph: Graph): Promise<number> {
  const since = values.since ?? new Date(Date.now() - 30 * 86_400_000).toISOString();
  const report = await graph.read((tx) => dataQualityReport(tx, { since, source: values.source ?? null }));
  if (report.length === 0) console.log(say(lang, 'noImports', { since }));
  for (const s of report) {
    const lag = s.lagSeconds === null ? '-' : say(lang, 'hours', { hours: Math.round(s.lagSeconds / 3600) });
    const rates = { rejected: pct(s.rejectionRate), duplicates: pct(s.duplicateRate), resent: pct(s.resentRate) };
    console.log(say(lang, 'qualitySource', { source: s.source, imports: s.imports, read: s.read, ...rates, future: s.futureDated, futureRate: pct(s.futureDatedRate), newest: s.newestRecordAt ?? '-', lag }));
    for (const r of s.rejectionsByReason) console.log(`    ${say(lang, 'qualityReason', { reason: r.reason, count: r.count, rate: pct(r.rate) })}`);
    for (const k of s.kinds) {
      const missing = k.completeness.filter((c) => c.ratio < 1).map((c) => `${c.field} ${pct(c.ratio)}`);
      const fields = missing.length === 0 ? say(lang, 'allFilled') : missing.join(', ');
      console.log(`  ${say(lang, 'qualityKind', { kind: k.kind.padEnd(12), read: k.read, accepted: k.accepted, fields })}`);
    }
  }
  return 0;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error((e as Error).message);
    process.exitCode = 1;
  },
);
