/**
 * npm run bench [-- --scale 50 --samples 300 --keep]
 *
 * Generates the synthetic county at the given scale (50 ≈ 1,000,000 persons) into a
 * separate managed Neo4j (bench/support/bench-database.ts: .clew/bench-neo4j, Bolt port 7688,
 * shared with the other benchmarks; the demo database is untouched), reports the seed load rate, then measures p50/p95 of a 2-hop `expand`, a
 * `paths` query and a `search`, each through GraphQL over HTTP and through the raw driver
 * running the same Cypher, interleaved sample by sample so both see the same noise. Each
 * expansion is read once before its ways are timed (that first read is reported on its own),
 * so no way is timed on a colder cache than another: the ratio target is about what the
 * GraphQL layer adds, and its share of a warm read is larger than of a mixed one, so this does
 * not flatter it. Paths and search are timed as they come (latency targets, cold reads count).
 * Targets (issue 2): GraphQL p50 ≤ 1.15 × raw p50 for expansions of ≤ 500 elements;
 * paths up to 6 hops p95 < 100 ms; seed load ≥ 25,000 rows/s.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { ensureSeedCounty, loadSeedCounty, type SeedLoadFigures } from '../server/src/demo/load-demo.js';
import { expand } from '../server/src/link/expand-repository.js';
import { PATH_DEFAULT_TYPES, PERSON_RELATION_TYPES } from '../server/src/link/arguments.js';
import { findPaths } from '../server/src/link/paths-repository.js';
import { searchEntities } from '../server/src/link/search-repository.js';
import { stopLocal } from '../server/src/local-neo4j/server-process.js';
import { prepareDatabase } from '../server/src/startup.js';
import { createRng } from '../seed/random.js';
import { benchGraphqlClient } from './support/graphql-client.js';
import { benchConfig } from './support/bench-database.js';
import { EXPAND_Q, PATHS_Q, rawReader, SEARCH_Q } from './support/link-query-texts.js';
import { machineLine } from './support/machine.js';
import { seedPersons } from './support/seed-persons.js';
import { median, printTable, summarize, timed } from './support/stats.js';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: '50' },
    seed: { type: 'string', default: '20260327' },
    samples: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    reload: { type: 'boolean', default: false },
  },
});
const scale = Number(opts.scale);
const seed = Number(opts.seed);
const samples = Number(opts.samples);

const base = loadConfig();
const config = benchConfig(base);

console.log(`Clew foundation benchmark — ${machineLine()}`);
console.log(`county: seed ${seed}, scale ${scale}; ${samples} samples per query`);
const graph = await prepareDatabase(config, (l) => console.log(`  ${l}`));
let load: SeedLoadFigures | undefined;
if (opts.reload) load = await loadSeedCounty(graph, { seed, scale }, (l) => console.log(`  ${l}`));
else {
  const before = Date.now();
  await ensureSeedCounty(graph, { seed, scale }, (l) => console.log(`  ${l}`));
  if (Date.now() - before > 5000) console.log('  (load figures above; pass --reload to measure a load into an existing database)');
}

// Two apps on the same database: the real one (authorization and audit on), and one with
// them off, so the GraphQL layer's own cost and security's cost are told apart.
const app = await buildApp({ config, graph });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const openApp = await buildApp({ config, graph, withoutAuthorizationAndAudit: true });
const openUrl = await openApp.listen({ host: '127.0.0.1', port: 0 });
const client = await benchGraphqlClient(url, graph, config);
const openClient = await benchGraphqlClient(openUrl, graph, config);
const gql = (query: string, variables: Record<string, unknown>) => client.gql(query, variables);
const gqlOpen = (query: string, variables: Record<string, unknown>) => openClient.gql(query, variables);
const rng = createRng(seed, 'foundation-bench');
const raw = graph.driver;
const readRaw = rawReader(graph, config.neo4j.database);

const { count: personCount, randomId: randomPersonId } = await seedPersons(raw, rng);

/** Pairs connected within 6 relations: a random walk of 1–6 steps from a random person. */
async function pickPathPairs(n: number): Promise<{ from: string; to: string }[]> {
  const pairs: { from: string; to: string }[] = [];
  while (pairs.length < n) {
    const from = randomPersonId();
    const wanted = rng.int(1, 6);
    let current = from;
    const seen = new Set([from]);
    for (let step = 0; step < wanted; step++) {
      const r = await raw.executeQuery(
        'MATCH (:Person {id: $id})-[r]-(m:Person) WHERE type(r) IN $types RETURN m.id AS id ORDER BY id',
        { id: current, types: PERSON_RELATION_TYPES },
      );
      const next = r.records.map((x) => x.get('id') as string).filter((id) => !seen.has(id));
      if (next.length === 0) break;
      current = rng.pick(next);
      seen.add(current);
    }
    if (current !== from) pairs.push({ from, to: current });
  }
  return pairs;
}

async function pickNames(n: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await raw.executeQuery('MATCH (p:Person {id: $id}) RETURN p.name AS name', { id: randomPersonId() });
    const name = r.records[0]?.get('name') as string | undefined;
    if (name) names.push(i % 2 === 0 ? name : name.slice(0, 2));
  }
  return names;
}

interface Times {
  first: number[];
  gql: number[];
  open: number[];
  raw: number[];
}
interface Series extends Times {
  small: Times;
}
const newSeries = (): Series => ({ first: [], gql: [], open: [], raw: [], small: { first: [], gql: [], open: [], raw: [] } });


const expandSeries = newSeries();

const pathSeries = newSeries();
const searchSeries = newSeries();
const pathsByHops = new Map<number, number[]>();

/**
 * Times the three ways of one sample (GraphQL with security, GraphQL without, the raw
 * driver), rotating which goes first; with `readFirst`, after a first read through the
 * driver, so all three find the same warm cache.
 */
async function sampleThreeWays<R>(viaGraphql: () => Promise<unknown>, viaOpenGraphql: () => Promise<unknown>, viaDriver: () => Promise<R>, turn: number, readFirst = false) {
  const first = readFirst ? await timed(viaDriver) : undefined;
  const ways = [viaGraphql, viaOpenGraphql, viaDriver];
  const ms = [0, 0, 0];
  let value = first?.value;
  for (let k = 0; k < 3; k++) {
    const which = (turn + k) % 3;
    const t = await timed(ways[which]!);
    ms[which] = t.ms;
    if (which === 2) value ??= t.value as R;
  }
  return { first: first?.ms ?? NaN, g: ms[0]!, o: ms[1]!, r: ms[2]!, value: value as R };
}

function record(series: Times, x: { first: number; g: number; o: number; r: number }): void {
  if (!Number.isNaN(x.first)) series.first.push(x.first);
  series.gql.push(x.g);
  series.open.push(x.o);
  series.raw.push(x.r);
}

const warmup = Math.min(30, samples);
const expandIds = Array.from({ length: samples + warmup }, randomPersonId);
const pairs = await pickPathPairs(samples + warmup);
const names = await pickNames(samples + warmup);

for (let i = 0; i < samples + warmup; i++) {
  const keep = i >= warmup;
  const ids = [`Person:${expandIds[i]}`];
  const x = await sampleThreeWays(
    () => gql(EXPAND_Q, { ids }),
    () => gqlOpen(EXPAND_Q, { ids }),
    () => readRaw((tx) => expand(tx, { ids, depth: 2, types: null, from: null, to: null, limit: 250, perNode: config.limits.expandPerNode })),
    i,
    true,
  );
  if (keep) {
    record(expandSeries, x);
    if (x.value.nodes.length + x.value.edges.length <= 500) record(expandSeries.small, x);
  }

  const pair = pairs[i]!;
  const pathArgs = { from: pair.from, to: pair.to };
  const y = await sampleThreeWays(
    () => gql(PATHS_Q, pathArgs),
    () => gqlOpen(PATHS_Q, pathArgs),
    () => readRaw((tx) => findPaths(tx, { ...pathArgs, maxHops: 6, mode: 'SHORTEST', k: 1, types: PATH_DEFAULT_TYPES })),
    i,
  );
  if (keep) {
    record(pathSeries, y);
    const hops = y.value.paths[0]?.length ?? 0;
    const byHop = pathsByHops.get(hops) ?? [];
    byHop.push(y.g);
    pathsByHops.set(hops, byHop);
  }

  const text = names[i]!;
  const z = await sampleThreeWays(
    () => gql(SEARCH_Q, { t: text }),
    () => gqlOpen(SEARCH_Q, { t: text }),
    () => readRaw((tx) => searchEntities(tx, text, ['PERSON', 'CASE', 'LOCATION'], 0, 20)),
    i,
  );
  if (keep) record(searchSeries, z);
}

const row = (name: string, s: Times) => {
  const g = summarize(s.gql);
  const o = summarize(s.open);
  const r = summarize(s.raw);
  return {
    query: name,
    n: g.n,
    'first read p50': s.first.length ? summarize(s.first).p50 : '',
    'raw p50': r.p50,
    'raw p95': r.p95,
    'GraphQL p50': o.p50,
    'GraphQL p95': o.p95,
    '+security p50': g.p50,
    '+security p95': g.p95,
    'GraphQL/raw p50': o.p50 / r.p50,
    'GraphQL/raw, median of pairs': median(s.open.map((ms, i) => ms / s.raw[i]!)),
    'security/GraphQL p50': g.p50 / o.p50,
  };
};
console.log(`\npersons in the database: ${personCount}`);
if (load) {
  console.log(`seed load: ${load.written} records in ${(load.importMillis / 1000).toFixed(1)} s = ${load.rowsPerSecond} rows/s (generation ${(load.generateMillis / 1000).toFixed(1)} s)`);
  printTable(load.byKind.map((k) => ({ kind: k.kind, records: k.written, 'write transactions s (2 at once)': k.transactionSeconds.toFixed(1), 'records per transaction s': k.perTransactionSecond })));
}
console.log('milliseconds; "first read" = an expansion\'s first read through the driver, before the three timed ways;');
console.log('"GraphQL" = over HTTP without authorization and audit, "+security" = as deployed; "median of pairs" = the median of each sample\'s own ratio');
printTable([
  row('expand depth 2 (all)', expandSeries),
  row('expand depth 2 (≤ 500 elements)', expandSeries.small),
  row('paths ≤ 6 hops', pathSeries),
  row('search', searchSeries),
]);
console.log('\npaths through GraphQL by the length of the path found:');
printTable([...pathsByHops.entries()].sort(([a], [b]) => a - b).map(([hops, ms]) => ({ hops, n: ms.length, 'p50 ms': summarize(ms).p50, 'p95 ms': summarize(ms).p95 })));

await client.close();
await openClient.close();
await openApp.close();
await app.close();
await graph.close();
if (!opts.keep) await stopLocal(config.local);
