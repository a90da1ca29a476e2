/**
 * npm run bench:ingest [-- --rows 200000 --batch 5000 --rounds 4 --warmup 1 --rss-mb 1024 --compare-in-flight 3]
 *
 * 1. Online import of stays (a relationship per row between existing persons and hotels)
 *    through Clew's whole import job (file read, validation, hashing, job progress,
 *    rejection store, identity pass), against the raw driver over the same already-validated
 *    batches: the plain MERGE statement one batch at a time, and the same statements and
 *    concurrency Clew uses on new records (CREATE, CLEW_IMPORT_WRITE_CONCURRENCY in flight:
 *    three by default), and the same statements two in flight when that differs; in the
 *    same run, the order rotating round by round. Clew's rate is compared with the raw
 *    driver's at its own concurrency and with the faster of the raw runs.
 * 2. Peak memory of the import process while it imports a generated file of --rss-mb MB.
 * 3. With --compare-in-flight N: Clew's import again with N write transactions at once
 *    (CLEW_IMPORT_WRITE_CONCURRENCY) in every round, and the median of its rate over the
 *    default's.
 * Warm-up rounds run both imports first and are not counted: a Neo4j process just started
 * spends the first million rows or so compiling its own code (a server in use is past that).
 * Prints the figures. Uses the database the configuration names (CLEW_NEO4J_* / NEO4J_URI).
 */
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../server/src/config.js';
import { cypher } from '../server/src/db/cypher-files.js';
import { asColumns } from '../server/src/ingest/batch-columns.js';
import type { Graph } from '../server/src/db/graph.js';
import { runImportJob } from '../server/src/ingest/run-import-job.js';
import { repoRoot } from '../server/src/repo-root.js';
import { prepareDatabase } from '../server/src/startup.js';
import { BENCH_REGION, baseRecords, writeStays, type BenchShape } from './ingest-data.js';
import { cpuMeter } from './support/cpu-meter.js';
import { machineLine } from './support/machine.js';
import { stayBatches, writeBatches, type WriteFigures } from './support/stay-batches.js';
import { median, printTable } from './support/stats.js';

const { values } = parseArgs({
  options: { rows: { type: 'string' }, batch: { type: 'string' }, rounds: { type: 'string' }, warmup: { type: 'string' }, 'rss-mb': { type: 'string' }, 'compare-in-flight': { type: 'string' } },
});
const ROWS = Number(values.rows ?? 200_000);
const BATCH = Number(values.batch ?? 5000);
const ROUNDS = Number(values.rounds ?? 4);
const WARMUP = Number(values.warmup ?? 1);
const RSS_MB = Number(values['rss-mb'] ?? 1024);
const COMPARE_IN_FLIGHT = values['compare-in-flight'] ? Number(values['compare-in-flight']) : null;

const BENCH_CYPHER = fileURLToPath(new URL('./cypher/ingest/', import.meta.url));
const statement = async (name: string) => (await readFile(path.join(BENCH_CYPHER, `${name}.cypher`), 'utf8')).trim();
const STAY = cypher('ingest/stay');
const STAY_NEW = cypher('ingest/stay-new');
const shape: BenchShape = { prefix: `BENCH-ING-${Date.now().toString(36)}-`, persons: 5000, hotels: 60 };
const jobs: string[] = [];
const config = loadConfig();
const IN_FLIGHT = config.ingest.writeConcurrency;

/**
 * The raw driver over the same validated batches, each in one managed transaction:
 * `merge` runs the MERGE statement alone, one batch at a time (the plain way);
 * `as-clew` runs what Clew runs for a batch of new records: the CREATE statement, with as
 * many batches in flight as Clew's import (Clew looks up stored keys only after a batch met
 * one: look-up-policy.ts).
 */
type RunFigures = WriteFigures;

function rawRun(graph: Graph, run: number, mode: 'merge' | 'as-clew', inFlight = IN_FLIGHT): Promise<RunFigures> {
  return writeBatches(graph, stayBatches(shape, run, ROWS, BATCH), mode === 'merge' ? 1 : inFlight, async (tx, rows) => {
    if (mode === 'merge') return tx.run(STAY, { ...asColumns(rows), job: `raw-${run}`, run: neo4j.int(1) });
    return tx.run(STAY_NEW, { ...asColumns(rows), job: `raw-${run}`, run: neo4j.int(1) });
  });
}

async function clewRun(graph: Graph, dir: string, run: number, writeConcurrency?: number): Promise<RunFigures> {
  const file = path.join(dir, `stays-${run}.ndjson`);
  await writeStays(file, shape, run, { rows: ROWS });
  const meter = await cpuMeter();
  const started = performance.now();
  const result = await runImportJob(graph, { files: [{ path: file, label: `stays-${run}.ndjson` }], principal: 'bench', batchSize: BATCH, writeConcurrency: writeConcurrency ?? IN_FLIGHT });
  const ms = performance.now() - started;
  const cpu = await meter.stop();
  jobs.push(result.id);
  if (result.summary?.accepted !== ROWS) throw new Error(`clew run ${run}: ${JSON.stringify(result.summary)} ${result.error}`);
  await rm(file);
  return { rowsPerSecond: (ROWS / ms) * 1000, cpu };
}

/** CPU per row of each process, in microseconds: "Node / Neo4j". */
function cpuPerRow({ cpu }: RunFigures): string {
  const per = (micros: number | undefined) => (micros === undefined ? '?' : (micros / ROWS).toFixed(1));
  return `${per(cpu.nodeMicros)} / ${per(cpu.databaseMicros)}`;
}

/** Imports a file of about `mb` MB in a child process (npm run import) and samples its memory. */
async function peakRss(dir: string): Promise<Record<string, string | number>> {
  const file = path.join(dir, 'big.ndjson');
  const made = await writeStays(file, shape, 99, { bytes: RSS_MB * 1024 * 1024 }, `-${'x'.repeat(120)}`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--quiet', '--lang', 'en', '--batch-size', String(BATCH), file], { cwd: repoRoot, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const samples: number[] = [];
  let hwm = 0;
  const started = performance.now();
  const timer = setInterval(async () => {
    try {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      samples.push(kb('VmRSS') / 1024);
      hwm = Math.max(hwm, kb('VmHWM') / 1024);
    } catch {
      // The process has ended between two samples.
    }
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const job = /import job (\S+)/.exec(out)?.[1];
  if (job) jobs.push(job);
  if (code !== 0) throw new Error(`the import of the big file failed:\n${out}`);
  const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(samples.length * q))] ?? 0);
  await rm(file);
  return {
    file: `${(made.bytes / 2 ** 20).toFixed(0)} MB, ${made.rows} stays`,
    'import s': seconds.toFixed(0),
    'rows/s': Math.round(made.rows / seconds),
    'peak RSS MB': Math.round(hwm),
    'RSS at 10/50/90 % MB': `${at(0.1)} / ${at(0.5)} / ${at(0.9)}`,
  };
}

async function main(): Promise<void> {
  console.log(`ingest benchmark: ${ROWS} stays per run, batches of ${BATCH}, ${IN_FLIGHT} in flight, ${ROUNDS} rounds; ${machineLine()}`);
  const graph = await prepareDatabase(config, (l) => console.log(`[db] ${l}`));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clew-bench-ingest-'));
  try {
    const baseFile = path.join(dir, 'base.ndjson');
    await (await import('node:fs/promises')).writeFile(baseFile, baseRecords(shape).map((r) => JSON.stringify(r)).join('\n'));
    const base = await runImportJob(graph, { files: [{ path: baseFile, label: 'base.ndjson' }], principal: 'bench' });
    jobs.push(base.id);
    if (base.summary?.rejected !== 0) throw new Error(`the benchmark's persons and hotels were not all imported: ${JSON.stringify(base.summary)} ${base.error}`);
    for (let w = 0; w < WARMUP; w++) {
      const warm = { clew: await clewRun(graph, dir, 100 + w * 2), raw: await rawRun(graph, 101 + w * 2, 'as-clew') };
      console.log(`warm-up ${w + 1} (not counted): Clew ${Math.round(warm.clew.rowsPerSecond)} rows/s, raw same statements ${Math.round(warm.raw.rowsPerSecond)} rows/s`);
    }
    const rows: Record<string, string | number>[] = [];
    const ratios: number[] = [];
    const bestRatios: number[] = [];
    const clewRates: number[] = [];
    const inFlightRatios: number[] = [];
    // The raw driver at two in flight too, when Clew's concurrency is another: the ratio is
    // also taken against the faster of the two, so a concurrency the raw driver likes less
    // cannot flatter Clew.
    const RAW_OTHER = IN_FLIGHT === 2 ? null : 2;
    for (let round = 0; round < ROUNDS; round++) {
      const run = (k: number) => round * 8 + k;
      type Name = 'clew' | 'rawSame' | 'rawOther' | 'merge' | 'compared';
      const contenders: [Name, () => Promise<RunFigures>][] = [
        ['clew', () => clewRun(graph, dir, run(1))],
        ['rawSame', () => rawRun(graph, run(2), 'as-clew')],
        ['merge', () => rawRun(graph, run(3), 'merge')],
      ];
      if (RAW_OTHER) contenders.push(['rawOther', () => rawRun(graph, run(4), 'as-clew', RAW_OTHER)]);
      if (COMPARE_IN_FLIGHT) contenders.push(['compared', () => clewRun(graph, dir, run(5), COMPARE_IN_FLIGHT)]);
      // Each round starts one contender later: a run pays for the checkpoint and the garbage
      // its predecessor left, so a fixed order would favour whoever goes first.
      const figures = new Map<Name, RunFigures>();
      for (let k = 0; k < contenders.length; k++) {
        const [name, go] = contenders[(k + round) % contenders.length]!;
        figures.set(name, await go());
      }
      const clew = figures.get('clew')!;
      const rawSame = figures.get('rawSame')!;
      const merge = figures.get('merge')!;
      const rawOther = figures.get('rawOther');
      const compared = figures.get('compared');
      if (compared) inFlightRatios.push(compared.rowsPerSecond / clew.rowsPerSecond);
      const ratio = clew.rowsPerSecond / rawSame.rowsPerSecond;
      const bestRaw = Math.max(rawSame.rowsPerSecond, rawOther?.rowsPerSecond ?? 0);
      ratios.push(ratio);
      bestRatios.push(clew.rowsPerSecond / bestRaw);
      clewRates.push(clew.rowsPerSecond);
      rows.push({
        round: round + 1,
        'raw MERGE, 1 in flight rows/s': Math.round(merge.rowsPerSecond),
        [`raw CREATE, ${IN_FLIGHT} in flight rows/s`]: Math.round(rawSame.rowsPerSecond),
        ...(rawOther ? { [`raw CREATE, ${RAW_OTHER} in flight rows/s`]: Math.round(rawOther.rowsPerSecond) } : {}),
        'Clew import rows/s': Math.round(clew.rowsPerSecond),
        'Clew / raw MERGE': (clew.rowsPerSecond / merge.rowsPerSecond).toFixed(2),
        'Clew / raw same statements': ratio.toFixed(2),
        ...(rawOther ? { 'Clew / faster raw': (clew.rowsPerSecond / bestRaw).toFixed(2) } : {}),
        'CPU µs/row Node / Neo4j, raw same': cpuPerRow(rawSame),
        'CPU µs/row Node / Neo4j, Clew': cpuPerRow(clew),
        ...(compared ? { [`Clew, ${COMPARE_IN_FLIGHT} in flight rows/s`]: Math.round(compared.rowsPerSecond), [`CPU µs/row, ${COMPARE_IN_FLIGHT} in flight`]: cpuPerRow(compared) } : {}),
      });
    }
    printTable(rows);
    console.log(`Clew / raw same statements, median of ${ratios.length} rounds: ${median(ratios).toFixed(2)} (target ≥ 0.9)`);
    if (RAW_OTHER) console.log(`Clew / the faster raw run (${IN_FLIGHT} or ${RAW_OTHER} in flight), median of ${bestRatios.length} rounds: ${median(bestRatios).toFixed(2)}`);
    console.log(`Clew import, median of ${clewRates.length} rounds: ${Math.round(median(clewRates))} rows/s (target ≥ 25,000)`);
    if (inFlightRatios.length) console.log(`Clew with ${COMPARE_IN_FLIGHT} in flight / with the default, median of ${inFlightRatios.length} rounds: ${median(inFlightRatios).toFixed(3)} (${inFlightRatios.map((r) => r.toFixed(2)).join(', ')})`);
    if (RSS_MB > 0) printTable([await peakRss(dir)]);
  } finally {
    await graph.runAutoCommit(await statement('delete-stays-of-prefix'), { prefix: shape.prefix });
    await graph.runAutoCommit(await statement('delete-nodes-of-prefix'), { prefix: shape.prefix, region: BENCH_REGION, jobs });
    await rm(dir, { recursive: true, force: true });
    await graph.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
