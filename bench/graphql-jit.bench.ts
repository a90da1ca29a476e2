/**
 * npm run bench:graphql-jit [-- --scale 50 --samples 200]
 *
 * What compiling query texts (graphql-jit, CLEW_GRAPHQL_JIT) saves in the GraphQL layer. Two
 * apps on the benchmarks' database (bench/support/bench-database.ts), one compiling and one
 * running graphql-js, both without authorization and audit so only the GraphQL layer differs.
 * Each sample reads its answer once first, so all three ways then find the same warm cache,
 * and then times the raw driver and both apps in rotating order. Printed: each way's p50 and
 * the median of its time over the raw read of the same sample (what the GraphQL layer and
 * HTTP add), and the ratio of the two apps' additions.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../server/src/app.js';
import { loadConfig, type Config } from '../server/src/config.js';
import { ensureSeedCounty } from '../server/src/demo/load-demo.js';
import { PATH_DEFAULT_TYPES } from '../server/src/link/arguments.js';
import { expand } from '../server/src/link/expand-repository.js';
import { findPaths } from '../server/src/link/paths-repository.js';
import { searchEntities } from '../server/src/link/search-repository.js';
import { stopLocal } from '../server/src/local-neo4j/server-process.js';
import { prepareDatabase } from '../server/src/startup.js';
import { createRng } from '../seed/random.js';
import { benchConfig } from './support/bench-database.js';
import { EXPAND_Q, PATHS_Q, rawReader, SEARCH_Q } from './support/link-query-texts.js';
import { benchGraphqlClient } from './support/graphql-client.js';
import { machineLine } from './support/machine.js';
import { seedPersons } from './support/seed-persons.js';
import { median, printTable, summarize, timed } from './support/stats.js';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: '50' },
    seed: { type: 'string', default: '20260327' },
    samples: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const samples = Number(opts.samples);
const config = benchConfig(loadConfig());

console.log(`Clew GraphQL compilation benchmark — ${machineLine()}`);
const graph = await prepareDatabase(config, (l) => console.log(`  ${l}`));
await ensureSeedCounty(graph, { seed: Number(opts.seed), scale: Number(opts.scale) }, (l) => console.log(`  ${l}`));

async function appWith(graphqlJit: boolean) {
  const appConfig: Config = { ...config, graphqlJit };
  const app = await buildApp({ config: appConfig, graph, withoutAuthorizationAndAudit: true });
  const client = await benchGraphqlClient(await app.listen({ host: '127.0.0.1', port: 0 }), graph, appConfig);
  return { app, client };
}
const compiled = await appWith(true);
const interpreted = await appWith(false);

const readRaw = rawReader(graph, config.neo4j.database);

interface Way {
  raw: number[];
  compiled: number[];
  interpreted: number[];
}
const series = { expand: newWay(), expandSmall: newWay(), paths: newWay(), search: newWay() };
function newWay(): Way {
  return { raw: [], compiled: [], interpreted: [] };
}

/** One sample: a first read to warm the cache, then the three ways in rotating order. */
async function sample<R>(raw: () => Promise<R>, query: string, variables: Record<string, unknown>, turn: number) {
  const first = await raw();
  const ways = [raw, () => compiled.client.gql(query, variables), () => interpreted.client.gql(query, variables)];
  const ms = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const which = (turn + k) % 3;
    ms[which] = (await timed(ways[which]!)).ms;
  }
  return { first, raw: ms[0]!, compiled: ms[1]!, interpreted: ms[2]! };
}
function record(way: Way, x: { raw: number; compiled: number; interpreted: number }) {
  way.raw.push(x.raw);
  way.compiled.push(x.compiled);
  way.interpreted.push(x.interpreted);
}

const rng = createRng(Number(opts.seed), 'graphql-jit-bench');
const { count: personCount, randomId: randomPersonId } = await seedPersons(graph.driver, rng);
const warmup = Math.min(30, samples);

for (let i = 0; i < samples + warmup; i++) {
  const keep = i >= warmup;
  const ids = [`Person:${randomPersonId()}`];
  const e = await sample(() => readRaw((tx) => expand(tx, { ids, depth: 2, types: null, from: null, to: null, limit: 250, perNode: config.limits.expandPerNode })), EXPAND_Q, { ids }, i);
  if (keep) {
    record(series.expand, e);
    if (e.first.nodes.length + e.first.edges.length <= 500) record(series.expandSmall, e);
  }
  // Two persons at most 2 relations apart (a neighbour of a neighbour), so most samples find a path.
  const from = randomPersonId();
  const near = await readRaw((tx) => expand(tx, { ids: [`Person:${from}`], depth: 2, types: PATH_DEFAULT_TYPES, from: null, to: null, limit: 50, perNode: 10 }));
  const to = near.nodes.map((n) => n.id).filter((id) => id.startsWith('Person:') && id !== `Person:${from}`).at(-1)?.slice('Person:'.length) ?? randomPersonId();
  const p = await sample(() => readRaw((tx) => findPaths(tx, { from, to, maxHops: 6, mode: 'SHORTEST', k: 1, types: PATH_DEFAULT_TYPES })), PATHS_Q, { from, to }, i);
  if (keep) record(series.paths, p);
  const name = (near.nodes.find((n) => n.kind === 'PERSON')?.label ?? '李').slice(0, 2);
  const s = await sample(() => readRaw((tx) => searchEntities(tx, name, ['PERSON', 'CASE', 'LOCATION'], 0, 20)), SEARCH_Q, { t: name }, i);
  if (keep) record(series.search, s);
}

const over = (a: number[], raw: number[]) => median(a.map((x, i) => x - raw[i]!));
const row = (query: string, w: Way) => {
  const compiledExtra = over(w.compiled, w.raw);
  const interpretedExtra = over(w.interpreted, w.raw);
  return {
    query,
    n: w.raw.length,
    'raw p50': summarize(w.raw).p50,
    'compiled p50': summarize(w.compiled).p50,
    'graphql-js p50': summarize(w.interpreted).p50,
    'compiled/raw p50': summarize(w.compiled).p50 / summarize(w.raw).p50,
    'graphql-js/raw p50': summarize(w.interpreted).p50 / summarize(w.raw).p50,
    'compiled adds (median)': compiledExtra,
    'graphql-js adds (median)': interpretedExtra,
    'adds, compiled/graphql-js': compiledExtra / interpretedExtra,
  };
};
console.log(`\npersons in the database: ${personCount}; milliseconds, GraphQL over HTTP without authorization and audit`);
printTable([row('expand depth 2 (all)', series.expand), row('expand depth 2 (≤ 500 elements)', series.expandSmall), row('paths ≤ 6 hops', series.paths), row('search', series.search)]);

for (const { app, client } of [compiled, interpreted]) {
  await client.close();
  await app.close();
}
await graph.close();
if (!opts.keep) await stopLocal(config.local);
