/**
 * npm run bench:person-write [-- --persons 50000 --rounds 3 --variants clew,person-only]
 *
 * What Neo4j spends on one person, the record that takes a third of the seed load's write
 * time (docs/benchmarks.md): Clew's statement for new persons (cypher/ingest/person-new.cypher)
 * against variants of it that leave a part out, over the seed county's own persons (their
 * names, IDs, phones and plates; ids, phones and plates put under a prefix of the run, so
 * every row is new), two batches in flight, interleaved round by round. Prints rows/s and CPU
 * µs per person of Node and of the managed Neo4j. Variants:
 * - `clew`: the statement as the importer runs it;
 * - `no-vehicles`: without the sub-query that merges the vehicles and their ties;
 * - `no-phone-ties`: phones merged as nodes (label Entity, uid), no ties, no vehicles;
 * - `bare-phones`: phones merged by number only (no Entity label, uid or provenance), no ties, no vehicles;
 * - `person-only`: the person node alone;
 * - `unindexed-label`: the whole statement with `BenchPerson` for `Person`, so none of the
 *   person's range, unique and full-text indexes is written (the uid's unique index still is).
 * Only `clew` is an option for Clew: the others show what each part costs.
 * Uses the database the configuration names (CLEW_NEO4J_* / NEO4J_URI), and removes what it wrote.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../server/src/config.js';
import { cypher } from '../server/src/db/cypher-files.js';
import type { Graph } from '../server/src/db/graph.js';
import { asColumns } from '../server/src/ingest/batch-columns.js';
import { normalizeRecord, type Row } from '../server/src/ingest/normalize-record.js';
import { prepareDatabase } from '../server/src/startup.js';
import { generateCounty } from '../seed/generate.js';
import { machineLine } from './support/machine.js';
import { printTable } from './support/stats.js';
import { writeBatches } from './support/stay-batches.js';

const { values } = parseArgs({ options: { persons: { type: 'string' }, rounds: { type: 'string' }, variants: { type: 'string' } } });
const PERSONS = Number(values.persons ?? 50_000);
const ROUNDS = Number(values.rounds ?? 3);
const BATCH = 5000;
const PREFIX = `BENCH-PW-${Date.now().toString(36)}-`;

const CLEW = cypher('ingest/person-new');
/** Clew's statement up to (not including) its sub-queries: the person node and its properties. */
const PERSON_PART = CLEW.slice(0, CLEW.indexOf('CALL (p, row)'));
const PHONES_PART = CLEW.slice(CLEW.indexOf('CALL (p, row)'), CLEW.lastIndexOf('CALL (p, row)'));
const END = "RETURN 0 AS i, '' AS field, '' AS ref LIMIT 0";
const phones = (body: string) => `CALL (p, row) {\n  UNWIND $phones[row] AS number\n  ${body}\n}\n`;

const VARIANTS: Record<string, string> = {
  clew: CLEW,
  'no-vehicles': `${PERSON_PART}${PHONES_PART}${END}`,
  'no-phone-ties': `${PERSON_PART}${phones("MERGE (ph:Phone {number: number})\n  ON CREATE SET ph:Entity, ph.uid = 'Phone:' + number, ph.ingestedAt = datetime(), ph.source = $source[row], ph.importJob = $job")}${END}`,
  'bare-phones': `${PERSON_PART}${phones('MERGE (ph:Phone {number: number})')}${END}`,
  'person-only': `${PERSON_PART}${END}`,
  'unindexed-label': CLEW.replace('CREATE (p:Person:Entity', 'CREATE (p:BenchPerson:Entity'),
};
for (const [name, statement] of Object.entries(VARIANTS)) {
  if (name !== 'clew' && statement === CLEW) throw new Error(`variant ${name} did not change Clew's statement: has person-new.cypher changed?`);
}

/** The seed county's first persons, checked as the importer checks them. */
function seedPersons(count: number): Row[] {
  const rows: Row[] = [];
  for (const record of generateCounty({ seed: 20260327, scale: Math.max(1, Math.ceil(count / 20_000)) })) {
    if (record.kind !== 'person') continue;
    const { row } = normalizeRecord(record, rows.length + 1);
    if (row) rows.push(row);
    if (rows.length === count) break;
  }
  return rows;
}

/** The persons of one run: ids, phones and plates under the run's own prefix, so all are new. */
function runBatches(persons: Row[], run: number): Row[][] {
  const tag = (v: unknown) => `${PREFIX}${run}-${String(v)}`;
  const rows = persons.map((r) => ({ ...r, id: tag(r.id), phones: ((r.phones as string[] | null) ?? []).map(tag), plates: ((r.plates as string[] | null) ?? []).map(tag) }));
  const batches: Row[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH));
  return batches;
}

async function run(graph: Graph, persons: Row[], variant: string, n: number): Promise<Record<string, string | number>> {
  const { rowsPerSecond, cpu } = await writeBatches(graph, runBatches(persons, n), 2, (tx, rows) => tx.run(VARIANTS[variant]!, { ...asColumns(rows), job: `bench-person-write-${n}`, run: neo4j.int(1) }));
  const per = (micros: number | undefined) => (micros === undefined ? '?' : (micros / persons.length).toFixed(1));
  return { variant, 'persons/s': Math.round(rowsPerSecond), 'CPU µs/person Node': per(cpu.nodeMicros), 'CPU µs/person Neo4j': per(cpu.databaseMicros) };
}

async function main(): Promise<void> {
  const names = values.variants?.split(',') ?? Object.keys(VARIANTS);
  for (const name of names) if (!VARIANTS[name]) throw new Error(`--variants: no variant "${name}" (${Object.keys(VARIANTS).join(', ')})`);
  console.log(`person write cost: ${PERSONS} persons per run, batches of ${BATCH}, two in flight, ${ROUNDS} rounds; ${machineLine()}`);
  const persons = seedPersons(PERSONS);
  const phonesEach = persons.reduce((n, r) => n + ((r.phones as string[] | null)?.length ?? 0), 0) / persons.length;
  const platesEach = persons.reduce((n, r) => n + ((r.plates as string[] | null)?.length ?? 0), 0) / persons.length;
  console.log(`per person: ${phonesEach.toFixed(2)} phones, ${platesEach.toFixed(2)} plates`);
  const graph = await prepareDatabase(loadConfig(), (l) => console.log(`[db] ${l}`));
  try {
    // A first run of Clew's statement warms the JIT and is not counted.
    await run(graph, persons, 'clew', 0);
    const rows: Record<string, string | number>[] = [];
    let n = 1;
    for (let round = 1; round <= ROUNDS; round++) {
      // Each round starts one variant later: a run pays for the checkpoint its predecessor caused.
      const order = names.map((_, i) => names[(i + round - 1) % names.length]!);
      for (const variant of order) rows.push({ round, ...(await run(graph, persons, variant, n++)) });
    }
    printTable(rows);
  } finally {
    await graph.runAutoCommit(await readFile(fileURLToPath(new URL('./cypher/ingest/delete-persons-of-prefix.cypher', import.meta.url)), 'utf8'), { prefix: PREFIX });
    await graph.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
