/**
 * npm run bench:stay-write [-- --rows 200000 --rounds 3 --variants clew,maps]
 *
 * What Neo4j spends on one hotel stay, by what the write statement stores: Clew's own
 * statement (cypher/ingest/stay-new.cypher) against variants of it, over the same batches,
 * with the same look-up of stored keys before each and two batches in flight, interleaved
 * round by round. Prints rows/s and CPU µs per row of Node and of the managed Neo4j.
 * Variants:
 * - `clew`: the statement as the importer runs it, over one list per field (batch-columns.ts);
 * - `maps`: the same statement over a list of maps, one per row, as Clew sent it until stop 13;
 * - `match`: plain MATCH of both ends instead of OPTIONAL MATCH and a sub-query (no Eager;
 *   it could no longer report an unresolved reference);
 * - `no-bookkeeping`: without importJob, rowHash and importRun (what re-imports, resumption
 *   and the follow-up of an import rely on);
 * - `bare`: only key, ingestedAt, checkIn, checkOut, locationId and source;
 * - `no-lookup`: Clew's statement without the look-up of stored keys before it (the
 *   uniqueness constraint checks each new key anyway).
 * All but `maps` take columns. The last two are not options for Clew: they show what the bookkeeping costs.
 * Uses the database the configuration names (CLEW_NEO4J_* / NEO4J_URI), and removes what it wrote.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
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
import { prepareDatabase } from '../server/src/startup.js';
import { BENCH_REGION, baseRecords, type BenchShape } from './ingest-data.js';
import { stayBatches, writeBatches } from './support/stay-batches.js';
import { machineLine } from './support/machine.js';
import { printTable } from './support/stats.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, rounds: { type: 'string' }, variants: { type: 'string' } } });
const ROWS = Number(values.rows ?? 200_000);
const ROUNDS = Number(values.rounds ?? 3);
const BATCH = 5000;

const BENCH_CYPHER = fileURLToPath(new URL('./cypher/ingest/', import.meta.url));
const statement = async (name: string) => (await readFile(path.join(BENCH_CYPHER, `${name}.cypher`), 'utf8')).trim();
const STORED = cypher('ingest/stay-stored');
const CLEW = cypher('ingest/stay-new');
const STORED_MAPS = `UNWIND $rows AS row
MATCH ()-[s:STAYED_AT {key: row.key}]->()
RETURN row.i AS i, s.rowHash AS hash, s.importJob AS job, s.importRun AS run`;
const shape: BenchShape = { prefix: `BENCH-STW-${Date.now().toString(36)}-`, persons: 5000, hotels: 60 };

/** Clew's statement with its CREATE's properties cut down to `keep` (the sub-query and the references report stay). */
function createKeeping(keep: string): string {
  return `UNWIND range(0, size($i) - 1) AS row
OPTIONAL MATCH (p:Person {id: $person[row]})
OPTIONAL MATCH (l:Location {id: $location[row]})
CALL (row, p, l) {
  WITH row, p, l WHERE p IS NOT NULL AND l IS NOT NULL
  CREATE (p)-[s:STAYED_AT {key: $key[row], ingestedAt: datetime()}]->(l)
  SET ${keep}
}
WITH row, p, l WHERE p IS NULL OR l IS NULL
RETURN $i[row] AS i, CASE WHEN p IS NULL THEN 'person' ELSE 'location' END AS field, CASE WHEN p IS NULL THEN $person[row] ELSE $location[row] END AS ref`;
}

const VARIANTS: Record<string, string> = {
  clew: CLEW,
  'no-lookup': CLEW,
  // What Clew sent until stop 13: the same statement over a list of maps, one per row.
  maps: `UNWIND $rows AS row
OPTIONAL MATCH (p:Person {id: row.person})
OPTIONAL MATCH (l:Location {id: row.location})
CALL (row, p, l) {
  WITH row, p, l WHERE p IS NOT NULL AND l IS NOT NULL
  CREATE (p)-[s:STAYED_AT {key: row.key, ingestedAt: datetime()}]->(l)
  SET s.checkIn = datetime(row.checkIn), s.checkOut = datetime(row.checkOut), s.room = row.room,
      s.locationId = row.location, s.source = row.source, s.sourceId = row.sourceId, s.importJob = $job,
    s.rowHash = row.hash, s.importRun = $run
}
WITH row, p, l WHERE p IS NULL OR l IS NULL
RETURN row.i AS i, CASE WHEN p IS NULL THEN 'person' ELSE 'location' END AS field, CASE WHEN p IS NULL THEN row.person ELSE row.location END AS ref`,
  match: `UNWIND range(0, size($i) - 1) AS row
MATCH (p:Person {id: $person[row]})
MATCH (l:Location {id: $location[row]})
CREATE (p)-[s:STAYED_AT {key: $key[row], ingestedAt: datetime()}]->(l)
SET s.checkIn = datetime($checkIn[row]), s.checkOut = datetime($checkOut[row]), s.room = $room[row],
    s.locationId = $location[row], s.source = $source[row], s.sourceId = $sourceId[row], s.importJob = $job,
    s.rowHash = $hash[row], s.importRun = $run`,
  'no-bookkeeping': createKeeping(
    's.checkIn = datetime($checkIn[row]), s.checkOut = datetime($checkOut[row]), s.room = $room[row], s.locationId = $location[row], s.source = $source[row], s.sourceId = $sourceId[row]',
  ),
  bare: createKeeping('s.checkIn = datetime($checkIn[row]), s.checkOut = datetime($checkOut[row]), s.locationId = $location[row], s.source = $source[row]'),
};

async function run(graph: Graph, variant: string, run: number): Promise<Record<string, string | number>> {
  const { rowsPerSecond, cpu } = await writeBatches(graph, stayBatches(shape, run, ROWS, BATCH), 2, async (tx, rows) => {
    const job = `bench-stay-write-${run}`;
    if (variant === 'maps') {
      await tx.run(STORED_MAPS, { rows: rows.map((r) => ({ i: r.i, key: r.key })) });
      return tx.run(VARIANTS[variant]!, { rows, job, run: neo4j.int(1) });
    }
    if (variant !== 'no-lookup') await tx.run(STORED, asColumns(rows.map((r) => ({ i: r.i, key: r.key }))));
    return tx.run(VARIANTS[variant]!, { ...asColumns(rows), job, run: neo4j.int(1) });
  });
  const per = (micros: number | undefined) => (micros === undefined ? '?' : (micros / ROWS).toFixed(1));
  return { variant, 'rows/s': Math.round(rowsPerSecond), 'CPU µs/row Node': per(cpu.nodeMicros), 'CPU µs/row Neo4j': per(cpu.databaseMicros) };
}

async function main(): Promise<void> {
  console.log(`stay write cost: ${ROWS} stays per run, batches of ${BATCH}, two in flight, ${ROUNDS} rounds; ${machineLine()}`);
  const graph = await prepareDatabase(loadConfig(), (l) => console.log(`[db] ${l}`));
  const baseFile = path.join(os.tmpdir(), `${shape.prefix}base.ndjson`);
  const jobs: string[] = [];
  try {
    await writeFile(baseFile, baseRecords(shape).map((r) => JSON.stringify(r)).join('\n'));
    const base = await runImportJob(graph, { files: [{ path: baseFile, label: 'base.ndjson' }], principal: 'bench' });
    jobs.push(base.id);
    if (base.summary?.rejected !== 0) throw new Error(`the benchmark's persons and hotels were not all imported: ${JSON.stringify(base.summary)}`);
    // A first run of Clew's statement warms the JIT and is not counted.
    await run(graph, 'clew', 0);
    const rows: Record<string, string | number>[] = [];
    let n = 1;
    for (let round = 1; round <= ROUNDS; round++) {
      // Each round starts one variant later: a run pays for the checkpoint its predecessor caused.
      const names = values.variants?.split(',') ?? Object.keys(VARIANTS);
      for (const name of names) if (!VARIANTS[name]) throw new Error(`--variants: no variant "${name}" (${Object.keys(VARIANTS).join(', ')})`);
      const order = names.map((_, i) => names[(i + round - 1) % names.length]!);
      for (const variant of order) rows.push({ round, ...(await run(graph, variant, n++)) });
    }
    printTable(rows);
  } finally {
    await graph.runAutoCommit(await statement('delete-stays-of-prefix'), { prefix: shape.prefix });
    await graph.runAutoCommit(await statement('delete-nodes-of-prefix'), { prefix: shape.prefix, region: BENCH_REGION, jobs });
    await rm(baseFile, { force: true });
    await graph.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
