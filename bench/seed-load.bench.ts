/**
 * npm run bench:seed-load [-- --scale 20 --kinds region,station,location,person --rounds 2
 *                            --variants clew,lucene-merge-2,young-adaptive]
 *
 * What the managed Neo4j's own settings are worth to a seed load. Each variant loads the same
 * records of the seed county into a fresh database of its own, started with the variant's
 * settings on a port of its own and deleted afterwards; the order of the variants rotates each
 * round (the machine drifts by several per cent within minutes, so compare variants of one
 * run). Prints, per load: records a second, Neo4j's and this process's CPU per record, where
 * Neo4j's CPU went by thread (Bolt workers running the writes, the JIT compiler, the garbage
 * collector), and the young collections with their summed pause.
 *
 * Variants: `clew` (the settings `npm start` uses), `lucene-merge-2` (Neo4j's own merge factor
 * for full-text indexes), `young-adaptive` (G1's own young-generation sizing), `c2-only` (the JIT
 * compiler without its quick first tier), `batch-2500` and
 * `batch-10000` (records per write transaction; the importer's default is 5,000),
 * `bolt-chunks-1400` (the driver's own Bolt chunk size instead of Clew's 64 KiB),
 * `uid-constraint` (entities' `uid` under a uniqueness constraint, as before migration 013,
 * instead of in a range index).
 *
 * `--profile` records each load's Neo4j with Java Flight Recorder and prints what its Bolt workers
 * spent their time on (bench/support/jfr-profile.ts): look-ups, uniqueness checks, index writes,
 * store records. The recorder costs a few per cent, the same to every variant.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { loadConfig, type Config } from '../server/src/config.js';
import { BOLT_CHUNK_BYTES, useBoltChunkBytes } from '../server/src/db/bolt-chunks.js';
import { importRecords } from '../server/src/ingest/import-records.js';
import { readNdjsonFile } from '../server/src/ingest/ndjson-source.js';
import { localStatus, stopLocal } from '../server/src/local-neo4j/server-process.js';
import { prepareDatabase } from '../server/src/startup.js';
import { generateCounty } from '../seed/generate.js';
import { benchConfig } from './support/bench-database.js';
import { statCpuSeconds } from './support/cpu-meter.js';
import { activityShares, NEO4J_WRITE_ACTIVITIES } from './support/jfr-profile.js';
import { machineLine } from './support/machine.js';
import { median, printTable } from './support/stats.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '20' },
    kinds: { type: 'string', default: 'region,station,location,person' },
    rounds: { type: 'string', default: '2' },
    variants: { type: 'string', default: 'clew,lucene-merge-2,young-adaptive' },
    port: { type: 'string', default: '7693' },
    profile: { type: 'boolean', default: false },
  },
});

interface Variant {
  /** Lines of a neo4j.conf-style file for CLEW_NEO4J_CONF. */
  settings?: string[];
  /** JVM options after Clew's own (CLEW_NEO4J_JAVA_OPTS). */
  javaOptions?: string[];
  /** Records per write transaction, instead of the importer's default. */
  batchSize?: number;
  /** The Bolt chunk size the driver sends with, instead of Clew's 64 KiB (server/src/db/bolt-chunks.ts). */
  boltChunkBytes?: number;
  /** Schema statements run after Clew's migrations, before the load. */
  schema?: string[];
  /** Write transactions in flight at once, instead of the importer's default. */
  maxInFlight?: number;
}

const VARIANTS: Record<string, Variant> = {
  clew: {},
  'lucene-merge-2': { settings: ['internal.dbms.index.lucene.merge_factor=2'] },
  'young-adaptive': { javaOptions: ['-XX:G1NewSizePercent=5'] },
  'c2-only': { javaOptions: ['-XX:-TieredCompilation'] },
  'batch-2500': { batchSize: 2500 },
  'batch-10000': { batchSize: 10_000 },
  'in-flight-2': { maxInFlight: 2 },
  'in-flight-4': { maxInFlight: 4 },
  'bolt-chunks-1400': { boltChunkBytes: 1400 },
  'uid-constraint': { schema: ['DROP INDEX entity_uid_lookup', 'CREATE CONSTRAINT entity_uid FOR (n:Entity) REQUIRE n.uid IS UNIQUE', 'CALL db.awaitIndexes(300)'] },
};

const THREAD_GROUPS: [string, RegExp][] = [
  ['Bolt workers', /BoltWork/],
  ['JIT compiler', /CompilerThre/],
  ['garbage collector', /^(GC Thread|G1 )/],
];

/** CPU seconds of each thread group of a process, from /proc/<pid>/task/<tid>/stat. */
async function threadCpu(pid: number): Promise<Record<string, number>> {
  const groups: Record<string, number> = { total: 0 };
  for (const tid of await readdir(`/proc/${pid}/task`)) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => '');
    if (!stat) continue;
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const seconds = statCpuSeconds(stat);
    groups.total! += seconds;
    const group = THREAD_GROUPS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
    groups[group] = (groups[group] ?? 0) + seconds;
  }
  return groups;
}

/** Young collections and their summed pause, from the JDK's jstat (absent on a bare JRE). */
async function youngCollections(pid: number): Promise<{ count: number; pauseSeconds: number } | undefined> {
  try {
    const { stdout } = await promisify(execFile)('jstat', ['-gc', String(pid)]);
    const [head, row] = stdout.trim().split('\n').map((l) => l.trim().split(/\s+/));
    const at = (name: string) => Number(row![head!.indexOf(name)]);
    return { count: at('YGC'), pauseSeconds: at('YGCT') };
  } catch {
    return undefined;
  }
}

async function writeRecords(file: string, scale: number, kinds: Set<string>): Promise<number> {
  const out = createWriteStream(file);
  let n = 0;
  for (const record of generateCounty({ seed: 20260327, scale })) {
    if (!kinds.has(record.kind)) continue;
    n++;
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return n;
}

async function loadOnce(base: Config, name: string, variant: Variant, file: string, dir: string): Promise<Record<string, string | number>> {
  const home = await mkdtemp(path.join(dir, `${name}-`));
  const settingsFile = variant.settings ? path.join(dir, `${name}.conf`) : undefined;
  if (settingsFile) await writeFile(settingsFile, `${variant.settings!.join('\n')}\n`);
  const recording = path.join(dir, `${path.basename(home)}.jfr`);
  const recorder = values.profile ? [`-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=${recording}`] : [];
  const local = { ...base.local, home, port: Number(values.port), settingsFile, javaOptions: [...(variant.javaOptions ?? []), ...recorder] };
  const config: Config = { ...base, local };
  useBoltChunkBytes(variant.boltChunkBytes ?? BOLT_CHUNK_BYTES);
  const graph = await prepareDatabase(config, () => {});
  try {
    for (const statement of variant.schema ?? []) await graph.runAutoCommit(statement);
    const pid = (await localStatus(local)).pid!;
    const before = await threadCpu(pid);
    const gcBefore = await youngCollections(pid);
    const nodeBefore = process.cpuUsage();
    const summary = await importRecords(graph, readNdjsonFile(file, 'seed county'), { job: `bench-seed-load-${name}`, ...(variant.batchSize ? { batchSize: variant.batchSize } : {}), ...(variant.maxInFlight ? { maxInFlight: variant.maxInFlight } : {}) });
    const after = await threadCpu(pid);
    const nodeSpent = process.cpuUsage(nodeBefore);
    const gcAfter = await youngCollections(pid);
    const spent = (group: string) => (after[group] ?? 0) - (before[group] ?? 0);
    const perRecord = (seconds: number) => ((seconds * 1e6) / summary.written).toFixed(0);
    return {
      variant: name,
      records: summary.written,
      seconds: (summary.millis / 1000).toFixed(1),
      'records/s': Math.round((summary.written / summary.millis) * 1000),
      'Neo4j CPU µs/record': perRecord(spent('total')),
      'Node CPU µs/record': ((nodeSpent.user + nodeSpent.system) / summary.written).toFixed(1),
      'of it Bolt workers': perRecord(spent('Bolt workers')),
      'JIT compiler': perRecord(spent('JIT compiler')),
      'garbage collector': perRecord(spent('garbage collector')),
      'young GCs (pause s)': gcBefore && gcAfter ? `${gcAfter.count - gcBefore.count} (${(gcAfter.pauseSeconds - gcBefore.pauseSeconds).toFixed(1)})` : 'n/a',
    };
  } finally {
    useBoltChunkBytes(BOLT_CHUNK_BYTES);
    await graph.close();
    // the recorder writes its file as Neo4j exits
    await stopLocal(local);
    await rm(home, { recursive: true, force: true });
    if (values.profile) {
      console.log(`${name}: what Neo4j's Bolt workers spent their time on (${recording})`);
      printTable(await activityShares(recording, /BoltWorker/, NEO4J_WRITE_ACTIVITIES));
    }
  }
}

async function main(): Promise<void> {
  const names = values.variants!.split(',');
  for (const name of names) if (!VARIANTS[name]) throw new Error(`--variants: unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
  const base = benchConfig(loadConfig());
  if (base.neo4j.uri) throw new Error('bench:seed-load starts databases of its own: unset NEO4J_URI.');
  const scale = Number(values.scale);
  const rounds = Number(values.rounds);
  console.log(`seed load by the managed Neo4j's settings: scale ${scale}, kinds ${values.kinds}, ${rounds} rounds; ${machineLine()}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clew-bench-seed-load-'));
  try {
    const file = path.join(dir, 'county.ndjson');
    const n = await writeRecords(file, scale, new Set(values.kinds!.split(',')));
    console.log(`${n} records; each load into a fresh database (heap ${base.local.heap}, page cache ${base.local.pageCache})`);
    const rows: Record<string, string | number>[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]!);
      for (const name of order) {
        const row = { round: round + 1, ...(await loadOnce(base, name, VARIANTS[name]!, file, dir)) };
        console.log(JSON.stringify(row));
        rows.push(row);
      }
    }
    printTable(rows);
    const medianOf = (name: string, column: string) => median(rows.filter((r) => r.variant === name).map((r) => Number(r[column])));
    const ratio = (name: string, column: string) => (medianOf('clew', column) / medianOf(name, column)).toFixed(3);
    for (const name of names.filter((v) => v !== 'clew')) {
      console.log(
        `clew / ${name}: records/s ${ratio(name, 'records/s')}, Neo4j CPU per record ${ratio(name, 'Neo4j CPU µs/record')}, ` +
          `Node CPU per record ${ratio(name, 'Node CPU µs/record')} (medians over rounds)`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
