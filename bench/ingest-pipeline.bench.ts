/**
 * npm run bench:ingest-pipeline [-- --rows 200000 --rounds 6]
 *
 * The importer's own work per record, without a database: a file of stays read, checked,
 * fingerprinted and batched through importRecords, with writes that answer at once. On two
 * cores the online import is CPU-bound (bench/ingest.bench.ts prints both processes' CPU per
 * row), so this is the part of Clew's cost that the raw driver does not pay. Prints the CPU
 * time per record of each round and the best round.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Graph, Tx } from '../server/src/db/graph.js';
import { readImportFiles } from '../server/src/ingest/formats/import-files.js';
import { importRecords } from '../server/src/ingest/import-records.js';
import { writeStays, type BenchShape } from './ingest-data.js';
import { machineLine } from './support/machine.js';
import { printTable } from './support/stats.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, rounds: { type: 'string' } } });
const ROWS = Number(values.rows ?? 200_000);
const ROUNDS = Number(values.rounds ?? 6);
const shape: BenchShape = { prefix: 'PIPE-', persons: 5000, hotels: 60 };

/** Every statement answers at once with no rows: every record counts as new and written. */
const answeringTx = { run: async () => ({ records: [] }) } as unknown as Tx;
const noDatabase = { write: async <T>(work: (tx: Tx) => Promise<T>) => work(answeringTx) } as unknown as Graph;

async function main(): Promise<void> {
  console.log(`importer pipeline without a database: ${ROWS} stays, ${ROUNDS} rounds; ${machineLine()}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clew-bench-pipeline-'));
  try {
    const file = path.join(dir, 'stays.ndjson');
    await writeStays(file, shape, 1, { rows: ROWS });
    const rounds: Record<string, string | number>[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const summary = await importRecords(noDatabase, readImportFiles([{ path: file, label: 'stays.ndjson' }]), { job: `pipeline-${round}`, run: 1, progressInTx: async () => {} });
      const ms = performance.now() - started;
      const spent = process.cpuUsage(cpu);
      if (summary.accepted !== ROWS) throw new Error(`round ${round}: ${JSON.stringify(summary)}`);
      rounds.push({ round, 'CPU µs/record': ((spent.user + spent.system) / ROWS).toFixed(2), 'records/s': Math.round((ROWS / ms) * 1000) });
    }
    printTable(rounds);
    console.log(`best round: ${Math.min(...rounds.map((r) => Number(r['CPU µs/record']))).toFixed(2)} µs of CPU per record (the first rounds include warming up)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
