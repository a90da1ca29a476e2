/**
 * npm run bench:techniques [-- --scale 50 --samples 100 --records 100000 --keep]
 *
 * Loads the synthetic county at the given scale (50 ≈ 1,000,000 persons) into the
 * benchmarks' own managed Neo4j (bench/support/bench-database.ts: .clew/bench-neo4j, port
 * 7688, shared with npm run bench, so the county is generated once), then measures the techniques the way the API runs them (repository
 * functions in managed transactions, as the resolvers call them):
 *  - runCollision over a window holding at least --records stays, logins and passes,
 *    against every active watch-list, orders issued (then removed): target ≤ 5 s;
 *  - traceAssociates at depth 2 over 90 days for random persons: target p95 < 300 ms;
 *  - coTravellers for one person over 90 days, random persons with movements: target < 1 s.
 * Prints the figures; it is a benchmark, not a timed test.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { cypher } from '../server/src/db/cypher-files.js';
import { ensureSeedCounty } from '../server/src/demo/load-demo.js';
import { SharedEmitter } from '../server/src/events/shared-emitter.js';
import { stopLocal } from '../server/src/local-neo4j/server-process.js';
import { prepareDatabase } from '../server/src/startup.js';
import { runCollision } from '../server/src/techniques/collision/run-collision.js';
import { coTravellers } from '../server/src/techniques/linking/co-travellers.js';
import { deleteRunAndOrders } from '../server/src/techniques/orders/orders.js';
import { DEFAULT_RELATION_WEIGHTS } from '../server/src/techniques/trace/associate-ties.js';
import { traceAssociates } from '../server/src/techniques/trace/trace-associates.js';
import { cstText, DAY_MS, personRelationTypesArg } from '../server/src/techniques/technique-arguments.js';
import { systemActor } from '../server/src/techniques/technique-runs.js';
import { createRng } from '../seed/random.js';
import { benchConfig } from './support/bench-database.js';
import { machineLine } from './support/machine.js';
import { printTable, summarize, timed } from './support/stats.js';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: '50' },
    seed: { type: 'string', default: '20260327' },
    samples: { type: 'string', default: '100' },
    records: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
  },
});
const scale = Number(opts.scale);
const seed = Number(opts.seed);
const samples = Number(opts.samples);
const wantedRecords = Number(opts.records);

const base = loadConfig();
const config = benchConfig(base);

console.log(`Clew techniques benchmark — ${machineLine()}`);
console.log(`county: seed ${seed}, scale ${scale}; ${samples} samples per query`);
const graph = await prepareDatabase(config, (l) => console.log(`  ${l}`));
await ensureSeedCounty(graph, { seed, scale }, (l) => console.log(`  ${l}`));
const counts = (await graph.read((tx) => tx.run('MATCH (p:Person) RETURN count(p) AS persons'))).records[0]!;
console.log(`  ${Number(counts.get('persons')).toLocaleString('en')} persons`);

const events = new SharedEmitter(graph, { pollMs: 60_000, retentionMs: 3_600_000, clock: Date.now });
await events.start();
const services = { graph, config, clock: Date.now, events };
const rng = createRng(seed, 'techniques-bench');
const windowEnd = Date.parse('2026-08-31T23:59:59+08:00');
const window90 = { from: cstText(windowEnd - 90 * DAY_MS), to: cstText(windowEnd), fromMs: windowEnd - 90 * DAY_MS, toMs: windowEnd };
const rows: Record<string, string | number>[] = [];

// ── Collision: the shortest window from the start of the data holding the wanted records.
const COUNT = cypher('techniques/collision-count');
const start = Date.parse('2026-06-03T00:00:00+08:00');
let hours = 24;
let found: number;
for (; hours <= 90 * 24; hours += 24) {
  const r = await graph.read((tx) => tx.run(COUNT, { job: null, from: cstText(start), to: cstText(start + hours * 3_600_000) }));
  found = r.records.reduce((s, x) => s + Number(x.get('records')), 0);
  if (found >= wantedRecords) break;
}
const collisionWindow = { from: cstText(start), to: cstText(start + hours * 3_600_000), fromMs: start, toMs: start + hours * 3_600_000 };
const collisionTimes: number[] = [];
let summary = '';
for (let i = 0; i < 4; i++) {
  const { ms, value } = await timed(() =>
    runCollision(services, graph, { scope: { job: null, window: collisionWindow }, lists: null, issueOrders: true, actor: systemActor('benchmark'), purpose: null, trigger: 'MANUAL' }),
  );
  if (i > 0) collisionTimes.push(ms); // the first run warms the page cache and the query plans
  summary = `${value.comparison.compared.total} records, ${value.comparison.hits.length} hits, ${value.comparison.groups.length} groups, ${value.orders.length} orders`;
  await graph.write((tx) => deleteRunAndOrders(tx, value.run.id));
}
const c = summarize(collisionTimes);
rows.push({ measure: `runCollision, ${hours / 24}-day window (${summary})`, n: c.n, p50_ms: c.p50, p95_ms: c.p95, target: '≤ 5000 ms', met: c.p95 <= 5000 ? 'yes' : 'NO' });

// ── traceAssociates depth 2 over 90 days, persons who have relations.
const related = (await graph.read((tx) => tx.run('MATCH (p:Person)-[:FAMILY|ASSOCIATE|CO_OFFENDER|PARTNER|OLD_RELATION|COLLEAGUE|CONTACT]-() WITH DISTINCT p LIMIT 200000 RETURN collect(p.id) AS ids'))).records[0]!.get('ids') as string[];
const traceTimes: number[] = [];
const types = personRelationTypesArg(null);
for (let i = 0; i < samples + 5; i++) {
  const personId = rng.pick(related);
  const { ms } = await timed(() =>
    graph.read((tx) => traceAssociates(tx, { personId, relationTypes: types, depth: 2, window: window90, afterLastOwnTrace: true, relationWeights: DEFAULT_RELATION_WEIGHTS, halfLifeDays: 14, minStrength: 0, limit: 10 })),
  );
  if (i >= 5) traceTimes.push(ms);
}
const t = summarize(traceTimes);
rows.push({ measure: 'traceAssociates depth 2, 90 days', n: t.n, p50_ms: t.p50, p95_ms: t.p95, target: 'p95 < 300 ms', met: t.p95 < 300 ? 'yes' : 'NO' });

// ── coTravellers over 90 days, persons with stays (busy hotels are the expensive case).
const travellers = (await graph.read((tx) => tx.run('MATCH (p:Person)-[:STAYED_AT]->() WITH DISTINCT p LIMIT 200000 RETURN collect(p.id) AS ids'))).records[0]!.get('ids') as string[];
const coTimes: number[] = [];
for (let i = 0; i < samples + 5; i++) {
  const personId = rng.pick(travellers);
  const { ms } = await timed(() => graph.read((tx) => coTravellers(tx, { personId, window: window90, minTimes: 2, checkpointMinutes: 10, limit: 20 })));
  if (i >= 5) coTimes.push(ms);
}
const co = summarize(coTimes);
rows.push({ measure: 'coTravellers one person, 90 days', n: co.n, p50_ms: co.p50, p95_ms: co.p95, target: '< 1000 ms', met: Math.max(...coTimes) < 1000 ? 'yes' : `p95 ${co.p95 < 1000 ? 'yes' : 'NO'}, max ${Math.max(...coTimes).toFixed(0)} ms` });

printTable(rows);
await new Promise<void>((resolve) => events.close(resolve));
await graph.close();
if (!opts.keep) await stopLocal(config.local);
