import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPlain } from '../../server/src/db/neo4j-values.js';
import type { Graph } from '../../server/src/db/graph.js';
import { fuzzCases } from '../helpers/fuzz-cases.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Thousands of malformed requests (hostile strings with Cypher fragments and quotes in
 * every string argument, wrong variable types, deep nesting, many aliases, fragment bombs,
 * broken documents and bodies), sent as an analyst and anonymously. None may answer 5xx or
 * show internals, the server must keep answering, the graph must not change, and every
 * attempt must leave exactly one audit record. Seeded: a failure names its case index.
 */
const CASES = Number(process.env.CLEW_FUZZ_CASES ?? 2000);
const SEED = Number(process.env.CLEW_FUZZ_SEED ?? 20260327);
// Reads of the foundation and of security really run with hostile input; all else only gets
// wrongly typed variables, refused before it runs.
const EXECUTABLE = new Set([
  'Query.search',
  'Query.person',
  'Query.personByIdNumber',
  'Query.case',
  'Query.location',
  'Query.expand',
  'Query.paths',
  'Query.commonAssociates',
  'Query.timeline',
  'Query.me',
  'Query.auditTrail',
  'Query.unmaskPerson',
  'Query.users',
  'Query.apiKeys',
]);
const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'PURPOSE_REQUIRED', 'TIMEOUT', 'RATE_LIMITED', 'CONFLICT']);
const INTERNALS = /Neo4jError|Neo\.ClientError|Neo\.TransientError|node_modules|\.ts:\d+|at [\w.<>]+ \(|"stack"|Cannot read propert|is not a function|Maximum call stack/;

let t: TestApp;

async function graphFingerprint(graph: Graph) {
  return graph.read(async (tx) => {
    // The investigation graph (other areas' bookkeeping, such as scheduler leases, may move on its own).
    const nodes = await tx.run('MATCH (n:Entity) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label');
    const rels = await tx.run('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n');
    const li = await tx.run('MATCH (p:Person {id: "P-LI"}) RETURN properties(p) AS p');
    const users = await tx.run('MATCH (u:User) RETURN count(u) AS n');
    const keys = await tx.run('MATCH (k:ApiKey) RETURN count(k) AS n');
    return toPlain({
      nodes: Object.fromEntries(nodes.records.map((r) => [r.get('label'), r.get('n')])),
      relationships: rels.records[0]!.get('n'),
      li: li.records[0]!.get('p'),
      users: users.records[0]!.get('n'),
      keys: keys.records[0]!.get('n'),
    });
  });
}

const auditCount = (graph: Graph) =>
  graph.read(async (tx) => Number(toPlain((await tx.run('MATCH (h:AuditHead {id: "main"}) RETURN h.seq AS n')).records[0]?.get('n') ?? 0)));

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe(`fuzzing the GraphQL endpoint (${CASES} cases, seed ${SEED})`, () => {
  it('answers every malformed request without 5xx or internals, changes no data, and audits each attempt', async () => {
    const cases = fuzzCases(CASES, SEED, EXECUTABLE);
    const before = await graphFingerprint(t.graph);
    const auditBefore = await auditCount(t.graph);
    const problems: string[] = [];
    const byKind = new Map<string, Map<number, number>>();
    const started = Date.now();
    for (const [i, c] of cases.entries()) {
      const headers: Record<string, string> = { 'content-type': c.contentType ?? 'application/json' };
      if (!c.anonymous && t.authorization) headers.authorization = t.authorization;
      let status: number;
      let text: string;
      try {
        const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: c.body });
        status = res.status;
        text = await res.text();
      } catch (e) {
        problems.push(`#${i} ${c.kind}: no answer (${(e as Error).message})`);
        continue;
      }
      const kinds = byKind.get(c.kind) ?? new Map<number, number>();
      kinds.set(status, (kinds.get(status) ?? 0) + 1);
      byKind.set(c.kind, kinds);
      if (status >= 500) problems.push(`#${i} ${c.kind}: HTTP ${status} ${text.slice(0, 300)}`);
      if (INTERNALS.test(text)) problems.push(`#${i} ${c.kind}: internals in ${text.slice(0, 300)}`);
      type Answer = { errors?: { extensions?: { code?: string } }[] };
      let parsed: Answer | null = null;
      try {
        parsed = JSON.parse(text) as Answer;
      } catch {
        problems.push(`#${i} ${c.kind}: answer is not JSON: ${text.slice(0, 200)}`);
      }
      for (const e of parsed?.errors ?? []) {
        if (!KNOWN_CODES.has(String(e.extensions?.code))) problems.push(`#${i} ${c.kind}: error code ${e.extensions?.code}: ${text.slice(0, 300)}`);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`[fuzz] ${cases.length} requests in ${seconds.toFixed(1)} s; status by kind: ${JSON.stringify([...byKind].map(([k, m]) => [k, Object.fromEntries(m)]))}`);

    expect(problems.slice(0, 20)).toEqual([]);
    // Still answering, and the graph is as it was.
    expect((await t.gql<{ me: { name: string } }>('{ me { name } }')).data?.me.name).toBeTruthy();
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    expect(await graphFingerprint(t.graph)).toEqual(before);
    // One record per attempt (the two checks just above are requests too; /health is not audited).
    expect((await auditCount(t.graph)) - auditBefore).toBe(cases.length + 1);
  }, 300_000);
});
