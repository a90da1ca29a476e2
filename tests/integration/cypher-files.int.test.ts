import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { cypher, listCypherFiles } from '../../server/src/db/cypher-files.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';
import { withBounds } from '../../server/src/link/paths-repository.js';

let graph: Graph;
beforeAll(async () => {
  graph = await openGraph(loadConfig());
});
afterAll(async () => graph?.close());

// Schema migrations are DDL (EXPLAIN does not take them); they are run by the migration tests.
const queries = listCypherFiles().filter((f) => !f.startsWith('schema/'));

describe('every .cypher file', () => {
  it('exists in numbers worth checking', () => {
    expect(queries.length).toBeGreaterThan(20);
  });

  it.each(queries)('%s has a header and compiles (EXPLAIN) against the real database', async (file) => {
    const statement = withBounds(cypher(file), { maxHops: 4, k: 2 });
    const result = await graph.runAutoCommit(`EXPLAIN ${statement}`);
    expect(result.summary.plan).toBeTruthy();
  });
});
