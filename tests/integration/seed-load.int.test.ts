import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';
import { toPlain } from '../../server/src/db/neo4j-values.js';
import { loadSeedCounty } from '../../server/src/demo/load-demo.js';
import { normalizeRecord } from '../../server/src/ingest/normalize-record.js';
import { generateCounty } from '../../seed/generate.js';
import { TEST_SEED } from '../helpers/test-seed.js';

/**
 * The seed county in the database is exactly what the generator produced, and loading the
 * same seed again (the importer's MERGE path) adds nothing.
 */
let graph: Graph;
beforeAll(async () => {
  graph = await openGraph(loadConfig());
});
afterAll(async () => graph?.close());

function generatedKeys() {
  const ids = { person: [] as string[], location: [] as string[], case: [] as string[] };
  const stayKeys: string[] = [];
  let i = 0;
  for (const record of generateCounty(TEST_SEED)) {
    const kind = (record as { kind: string }).kind;
    if (kind === 'person' || kind === 'location' || kind === 'case') ids[kind].push((record as { id: string }).id);
    if (kind === 'stay') stayKeys.push(String(normalizeRecord(record, ++i).row.key));
  }
  return { ids, stayKeys };
}

async function count(statement: string, params: Record<string, unknown>): Promise<number> {
  return graph.read(async (tx) => Number(toPlain((await tx.run(statement, params)).records[0]?.get(0))));
}

async function graphCounts(): Promise<Record<string, number>> {
  return graph.read(async (tx) => {
    const nodes = await tx.run('MATCH (n:Entity) RETURN labels(n) AS l, count(*) AS c');
    const rels = await tx.run('MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS t, count(*) AS c');
    const out: Record<string, number> = {};
    for (const r of nodes.records) out[(r.get('l') as string[]).sort().join(':')] = Number(toPlain(r.get('c')));
    for (const r of rels.records) out[r.get('t') as string] = Number(toPlain(r.get('c')));
    return out;
  });
}

describe('the seed county in the database', () => {
  it('holds every generated person, location, case and stay', async () => {
    const { ids, stayKeys } = generatedKeys();
    expect(ids.person.length).toBeGreaterThan(19_000);
    expect(await count('UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN count(p)', { ids: ids.person })).toBe(ids.person.length);
    expect(await count('UNWIND $ids AS id MATCH (l:Location {id: id}) RETURN count(l)', { ids: ids.location })).toBe(ids.location.length);
    expect(await count('UNWIND $ids AS id MATCH (c:Case {id: id}) RETURN count(c)', { ids: ids.case })).toBe(ids.case.length);
    expect(await count('UNWIND $keys AS k MATCH ()-[s:STAYED_AT {key: k}]->() RETURN count(s)', { keys: stayKeys })).toBe(stayKeys.length);
  });

  it('does not change when the same seed is loaded again', async () => {
    const before = await graphCounts();
    await loadSeedCounty(graph, TEST_SEED, () => {});
    expect(await graphCounts()).toEqual(before);
  }, 600_000);
});
