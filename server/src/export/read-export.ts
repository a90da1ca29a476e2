import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import type { Graph } from '../db/graph.js';
import { toPlain } from '../db/neo4j-values.js';
import { fromDriverError } from '../errors.js';
import { readSource, type SourceResult } from './export-sources.js';
import type { DatabaseState, ExportSource } from './export-types.js';

const DATABASE_STATE = cypher('export/database-state');

/**
 * Reads the subgraph and the database state in ONE read transaction, so the state the
 * manifest names is the state the data came from. The session is opened here rather than
 * through Graph.read because the driver's bookmark (the only transaction marker Neo4j
 * Community gives out) is read from the session after the transaction commits.
 */
export async function readForExport(graph: Graph, source: ExportSource, timeoutMs: number): Promise<SourceResult & { database: DatabaseState }> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    const { result, state } = await session.executeRead(
      async (tx) => {
        const stateRecord = (await tx.run(DATABASE_STATE)).records[0];
        const state = toPlain(stateRecord?.toObject() ?? {}) as Record<string, unknown>;
        return { result: await readSource(tx, source), state };
      },
      { timeout: timeoutMs, metadata: { app: 'clew', op: 'export', source: source.kind } },
    );
    const bookmarks = await session.lastBookmarks();
    return {
      ...result,
      database: {
        readAt: String(state.readAt ?? new Date().toISOString()),
        databaseId: String(state.databaseId ?? ''),
        databaseName: String(state.databaseName ?? graph.database),
        bookmark: bookmarks[0] ?? null,
        lastImportJob: (state.lastImportJob as string | null) ?? null,
        lastImportEndedAt: (state.lastImportEndedAt as string | null) ?? null,
      },
    };
  } catch (e) {
    throw fromDriverError(e);
  } finally {
    await session.close();
  }
}
