/**
 * What authorization and audit cost: the expansion benchmark (a 2-hop `expand` returning at
 * most 500 elements, through GraphQL over HTTP) against two apps on the same database in
 * the same run: one as served (session look-up, policy check, purpose, masking check, the
 * hash-chained audit record written before the response leaves) and one built without
 * authorization and audit. Requests alternate between the two so that drift in the
 * database's caches hits both alike. Prints p50/p95 of each and the p50 ratio (target ≤ 1.10).
 *
 *   npm run bench:security -- [--samples 400] [--warmup 60] [--seeds 40]
 *
 * Uses NEO4J_URI when set, else the managed local Neo4j (CLEW_NEO4J_HOME / CLEW_NEO4J_PORT),
 * loading the demo county if the database has no persons. Writes a bench user and session
 * (deleted at the end) and audit records (which stay: the trail is append-only).
 */
import neo4j from 'neo4j-driver';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/src/app.js';
import { loadConfig, usesManagedDatabase } from '../server/src/config.js';
import type { Graph } from '../server/src/db/graph.js';
import { ensureSeedCounty } from '../server/src/demo/load-demo.js';
import { localStatus, stopLocal } from '../server/src/local-neo4j/server-process.js';
import { accountSettings } from '../server/src/security/accounts/account-settings.js';
import { startSession } from '../server/src/security/accounts/sign-in.js';
import { createUser } from '../server/src/security/accounts/user-admin.js';
import { deleteUser } from '../server/src/security/accounts/user-repository.js';
import { systemClock } from '../server/src/security/clock.js';
import { prepareDatabase } from '../server/src/startup.js';

const { values } = parseArgs({ options: { samples: { type: 'string' }, warmup: { type: 'string' }, seeds: { type: 'string' } } });
const SAMPLES = Number(values.samples ?? 400);
const WARMUP = Number(values.warmup ?? 60);
const SEEDS = Number(values.seeds ?? 40);
const MAX_ELEMENTS = 500;

const EXPAND = `query Expand($ids: [ID!]!) {
  expand(ids: $ids, depth: 2, limit: 250) { nodes { id kind label properties } edges { id source target kind properties } truncated }
}`;
const PURPOSE = { reason: 'benchmark of authorization and audit' };

async function post(url: string, body: unknown, authorization?: string): Promise<{ ms: number; elements: number; ok: boolean }> {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { data?: { expand?: { nodes: unknown[]; edges: unknown[] } }; errors?: unknown[] };
  const ms = performance.now() - started;
  const e = json.data?.expand;
  return { ms, elements: e ? e.nodes.length + e.edges.length : 0, ok: res.status === 200 && !json.errors };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function pickSeeds(graph: Graph): Promise<string[]> {
  return graph.read(async (tx) => {
    const r = await tx.run(
      'MATCH (p:Person) WITH p ORDER BY p.uid SKIP 100 LIMIT $n MATCH (p)--() WITH p, count(*) AS degree WHERE degree >= 2 RETURN p.uid AS uid',
      { n: neo4j.int(SEEDS * 4) },
    );
    return r.records.map((x) => x.get('uid') as string);
  });
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), logLevel: 'warn' as const };
  const managed = usesManagedDatabase(config);
  const wasRunning = managed ? (await localStatus(config.local)).running : true;
  const log = (line: string) => console.log(`[bench] ${line}`);
  const graph = await prepareDatabase(config, log);
  const apps: FastifyInstance[] = [];
  let benchUserId: string | null = null;
  try {
    const persons = await graph.read(async (tx) => (await tx.run('MATCH (p:Person) RETURN count(p) AS n')).records[0]!.get('n').toNumber() as number);
    if (persons === 0) await ensureSeedCounty(graph, { seed: config.seedNumber, scale: config.seedScale }, log);

    const benchConfig = { ...config, security: { ...config.security, rateLimitPerMinute: 1_000_000, maxEventLoopDelayMs: 0 } };
    const secured = await buildApp({ config: benchConfig, graph });
    const open = await buildApp({ config: benchConfig, graph, withoutAuthorizationAndAudit: true });
    apps.push(secured, open);
    const securedUrl = await secured.listen({ host: '127.0.0.1', port: 0 });
    const openUrl = await open.listen({ host: '127.0.0.1', port: 0 });

    const accounts = { graph, clock: systemClock, settings: accountSettings(config) };
    const user = await createUser(
      accounts,
      { username: `bench-analyst-${Date.now().toString(36)}`, password: `bench-${Math.random().toString(36).slice(2)}-pw`, role: 'ANALYST', unit: 'dept:intel' },
      'security-bench',
    );
    benchUserId = user.id;
    const { token } = await startSession(accounts, user, '127.0.0.1');
    const authorization = `Bearer ${token}`;

    // Keep seeds whose 2-hop expansion returns at most 500 elements, as the foundation benchmark does.
    const seeds: string[] = [];
    for (const uid of await pickSeeds(graph)) {
      const r = await post(openUrl, { query: EXPAND, variables: { ids: [uid] } });
      if (r.ok && r.elements > 0 && r.elements <= MAX_ELEMENTS) seeds.push(uid);
      if (seeds.length >= SEEDS) break;
    }
    if (seeds.length === 0) throw new Error('no seed person has a 2-hop neighbourhood of at most 500 elements');

    const request = (i: number) => ({ query: EXPAND, variables: { ids: [seeds[i % seeds.length]] }, extensions: { purpose: PURPOSE } });
    for (let i = 0; i < WARMUP; i++) {
      await post(securedUrl, request(i), authorization);
      await post(openUrl, request(i));
    }
    const on: number[] = [];
    const off: number[] = [];
    const pairRatios: number[] = [];
    const elements: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      // Alternate which goes first, so neither always runs on a cache the other warmed.
      const pair = i % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
      for (const which of pair) {
        const r = which === 'on' ? await post(securedUrl, request(i), authorization) : await post(openUrl, request(i));
        if (!r.ok) throw new Error(`request failed (${which})`);
        (which === 'on' ? on : off).push(r.ms);
        if (which === 'off') elements.push(r.elements);
      }
      pairRatios.push(on[on.length - 1]! / off[off.length - 1]!);
    }
    const row = (name: string, xs: number[]) => `${name.padEnd(34)} p50 ${percentile(xs, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(xs, 95).toFixed(2).padStart(7)} ms`;
    console.log('');
    console.log(`2-hop expand through GraphQL over HTTP: ${SAMPLES} samples each, ${seeds.length} seed persons, ${percentile(elements, 50)} elements at p50 (max ${Math.max(...elements)})`);
    console.log(row('authorization + audit off', off));
    console.log(row('authorization + audit on', on));
    const ratio = percentile(on, 50) / percentile(off, 50);
    console.log(`p50 ratio on/off: ${ratio.toFixed(3)} (target ≤ 1.10) ${ratio <= 1.1 ? 'met' : 'NOT met'}`);
    console.log(`p50 added per request: ${(percentile(on, 50) - percentile(off, 50)).toFixed(2)} ms`);
    // Load from other processes comes in bursts; the median of the ratios of back-to-back pairs shrugs them off.
    console.log(`median of paired ratios: ${percentile(pairRatios, 50).toFixed(3)}; machine load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
  } finally {
    for (const app of apps) await app.close();
    if (benchUserId) await graph.write((tx) => deleteUser(tx, benchUserId!));
    await graph.close();
    if (managed && !wasRunning) await stopLocal(config.local);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
