/**
 * npm run bench:expand-hubs [-- --scale 50 --samples 100]
 *
 * What reading a place's movements from its (locationId, time) indexes saves an expansion.
 * On the benchmarks' database (bench/support/bench-database.ts), each sample expands once with
 * Clew's ring query (cypher/link/expand-ring.cypher) and once with the plain reading of every
 * tie it replaced for places (bench/cypher/link/expand-ring-every-tie.cypher): both first, so
 * both find a warm cache, then both timed in alternating order. The two subgraphs must be
 * equal; a difference is counted and printed. Four kinds of sample: depth 2 from a random
 * person (the foundation benchmark's expansion), depth 2 from a random vehicle (whose second
 * ring holds checkpoints), and depth 1 of a random place, with no window and with the last
 * seven days of data.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { cypher } from '../server/src/db/cypher-files.js';
import { toPlain } from '../server/src/db/neo4j-values.js';
import { ensureSeedCounty } from '../server/src/demo/load-demo.js';
import { expand, type ExpandArgs } from '../server/src/link/expand-repository.js';
import { stopLocal } from '../server/src/local-neo4j/server-process.js';
import { prepareDatabase } from '../server/src/startup.js';
import { createRng } from '../seed/random.js';
import { benchConfig } from './support/bench-database.js';
import { rawReader } from './support/link-query-texts.js';
import { machineLine } from './support/machine.js';
import { seedPersons } from './support/seed-persons.js';
import { median, percentile, printTable, timed } from './support/stats.js';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: '50' },
    seed: { type: 'string', default: '20260327' },
    samples: { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
  },
});
const samples = Number(opts.samples);
const config = benchConfig(loadConfig());
const EVERY_TIE = await readFile(fileURLToPath(new URL('./cypher/link/expand-ring-every-tie.cypher', import.meta.url)), 'utf8');

console.log(`Clew hub expansion benchmark — ${machineLine()}`);
const graph = await prepareDatabase(config, (l) => console.log(`  ${l}`));
await ensureSeedCounty(graph, { seed: Number(opts.seed), scale: Number(opts.scale) }, (l) => console.log(`  ${l}`));
const read = rawReader(graph, config.neo4j.database);
const column = async (statement: string, params: Record<string, unknown> = {}) =>
  (await graph.driver.executeQuery(statement, params, { database: config.neo4j.database })).records.map((r) => toPlain(r.get(0)));

const rng = createRng(Number(opts.seed), 'expand-hubs-bench');
const pick = <T>(list: T[]) => list[rng.int(0, list.length - 1)]!;
const { count: personCount, randomId: randomPersonId } = await seedPersons(graph.driver, rng);
const vehicles = (await column('MATCH (v:Vehicle) RETURN v.uid ORDER BY v.uid')) as string[];
const places = (await column('MATCH (l:Location) RETURN l.uid ORDER BY l.uid')) as string[];
const newest = String((await column(cypher('link/data-extent'), { notAfter: new Date().toISOString() }))[0]);
const weekBefore = new Date(Date.parse(newest) - 7 * 86_400_000).toISOString();

const base: Omit<ExpandArgs, 'ids' | 'depth'> = { types: null, from: null, to: null, limit: 250, perNode: config.limits.expandPerNode };
const kinds: { name: string; args: () => ExpandArgs }[] = [
  { name: 'depth 2 from a person', args: () => ({ ...base, depth: 2, ids: [`Person:${randomPersonId()}`] }) },
  { name: 'depth 2 from a vehicle', args: () => ({ ...base, depth: 2, ids: [pick(vehicles)] }) },
  { name: 'depth 1 of a place', args: () => ({ ...base, depth: 1, ids: [pick(places)] }) },
  { name: 'depth 1 of a place, last 7 days', args: () => ({ ...base, depth: 1, ids: [pick(places)], from: weekBefore, to: newest }) },
];

const rows: Record<string, string | number>[] = [];
for (const kind of kinds) {
  const clew: number[] = [];
  const plain: number[] = [];
  let differ = 0;
  for (let i = 0; i < samples; i++) {
    const args = kind.args();
    const viaIndexes = () => read((tx) => expand(tx, args));
    const viaEveryTie = () => read((tx) => expand(tx, args, EVERY_TIE));
    const [a, b] = [await viaIndexes(), await viaEveryTie()];
    if (!isDeepStrictEqual(a, b)) differ++;
    const ways = i % 2 === 0 ? [viaIndexes, viaEveryTie] : [viaEveryTie, viaIndexes];
    const ms = [(await timed(ways[0]!)).ms, (await timed(ways[1]!)).ms];
    clew.push(i % 2 === 0 ? ms[0]! : ms[1]!);
    plain.push(i % 2 === 0 ? ms[1]! : ms[0]!);
  }
  rows.push({
    expansion: kind.name,
    n: samples,
    'Clew p50': percentile(clew, 50),
    'Clew p95': percentile(clew, 95),
    'Clew p99': percentile(clew, 99),
    'every tie p50': percentile(plain, 50),
    'every tie p95': percentile(plain, 95),
    'every tie p99': percentile(plain, 99),
    'Clew/every tie p50': percentile(clew, 50) / percentile(plain, 50),
    'p95': percentile(clew, 95) / percentile(plain, 95),
    'median of pairs': median(clew.map((c, i) => c / plain[i]!)),
    'subgraphs differing': differ,
  });
}

console.log(`\npersons ${personCount}, vehicles ${vehicles.length}, places ${places.length}; window ${weekBefore} – ${newest}; milliseconds, raw driver`);
printTable(rows);

await graph.close();
if (!opts.keep) await stopLocal(config.local);
