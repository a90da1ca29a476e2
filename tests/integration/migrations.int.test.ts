import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { applyMigrations, loadMigrations } from '../../server/src/db/migrations.js';
import { cypher } from '../../server/src/db/cypher-files.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';

let graph: Graph;

beforeAll(async () => {
  graph = await openGraph(loadConfig());
});
afterAll(async () => graph?.close());

async function schemaSnapshot(): Promise<string[]> {
  const indexes = await graph.runAutoCommit('SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN name, type, labelsOrTypes, properties, state ORDER BY name');
  const constraints = await graph.runAutoCommit('SHOW CONSTRAINTS YIELD name, type RETURN name, type ORDER BY name');
  return [...indexes.records, ...constraints.records].map((r) => JSON.stringify(r.toObject()));
}

describe('schema migrations', () => {
  it('are all recorded in the ledger after start', async () => {
    const names = loadMigrations().map((m) => m.name);
    const ledger = await graph.runAutoCommit('MATCH (m:SchemaMigration) RETURN m.name AS name ORDER BY name');
    expect(ledger.records.map((r) => r.get('name'))).toEqual(expect.arrayContaining(names));
  });

  it('applied again change nothing', async () => {
    const before = await schemaSnapshot();
    expect(await applyMigrations(graph)).toEqual([]);
    expect(await schemaSnapshot()).toEqual(before);
  });

  it('create the cjk full-text, point and relationship time indexes the queries rely on', async () => {
    const result = await graph.runAutoCommit(
      "SHOW INDEXES YIELD name, type, options RETURN name, type, options.indexConfig['fulltext.analyzer'] AS analyzer",
    );
    const byName = new Map(result.records.map((r) => [r.get('name') as string, { type: r.get('type'), analyzer: r.get('analyzer') }]));
    expect(byName.get('person_text')).toEqual({ type: 'FULLTEXT', analyzer: 'cjk' });
    expect(byName.get('case_text')).toEqual({ type: 'FULLTEXT', analyzer: 'cjk' });
    expect(byName.get('location_point')?.type).toBe('POINT');
    expect(byName.get('stayed_at_location_time')?.type).toBe('RANGE');
  });

  it('keep uids in a range index that the look-ups by uid seek, with no second uniqueness check', async () => {
    const constraints = await graph.runAutoCommit("SHOW CONSTRAINTS YIELD labelsOrTypes, properties WHERE 'Entity' IN labelsOrTypes RETURN properties");
    expect(constraints.records.map((r) => r.get('properties'))).toEqual([]);
    const index = await graph.runAutoCommit("SHOW INDEXES YIELD name, type, labelsOrTypes, properties WHERE name = 'entity_uid_lookup' RETURN type, labelsOrTypes, properties");
    expect(index.records.map((r) => r.toObject())).toEqual([{ type: 'RANGE', labelsOrTypes: ['Entity'], properties: ['uid'] }]);
    // the planner seeks it (a label scan would read every entity for each id)
    const plan = await graph.runAutoCommit(`EXPLAIN ${cypher('link/nodes-by-uid')}`, { ids: ['Person:P-LI'] });
    expect(JSON.stringify(plan.summary.plan)).toContain('NodeIndexSeek');
  });

  it('refuse to run when an applied migration was edited', async () => {
    const [first] = loadMigrations();
    await graph.runAutoCommit('MATCH (m:SchemaMigration {name: $name}) SET m.checksum = "tampered"', { name: first!.name });
    try {
      await expect(applyMigrations(graph)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await graph.runAutoCommit('MATCH (m:SchemaMigration {name: $name}) SET m.checksum = $checksum', { name: first!.name, checksum: first!.checksum });
    }
  });
});
