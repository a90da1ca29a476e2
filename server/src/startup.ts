import type { Config } from './config.js';
import { usesManagedDatabase } from './config.js';
import { applyMigrations } from './db/migrations.js';
import { openGraph, type Graph } from './db/graph.js';
import { startLocal } from './local-neo4j/server-process.js';
import { ensureDefaultWatchLists } from './techniques/collision/watch-lists.js';

export type Log = (line: string) => void;

/**
 * Everything between "configuration read" and "ready to serve": the managed Neo4j started
 * when no NEO4J_URI is given, the connection verified, schema migrations applied, the
 * built-in watch-lists in place.
 */
export async function prepareDatabase(config: Config, log: Log): Promise<Graph> {
  if (usesManagedDatabase(config)) await startLocal(config.local, log);
  const graph = await openGraph(config);
  try {
    await graph.driver.getServerInfo({ database: config.neo4j.database });
  } catch (e) {
    await graph.close();
    const where = usesManagedDatabase(config) ? `the managed Neo4j on bolt://${config.local.host}:${config.local.port}` : config.neo4j.uri;
    throw new Error(`Cannot connect to ${where}: ${(e as Error).message.split('\n')[0]}. Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.`, { cause: e });
  }
  await applyMigrations(graph, log);
  // Reference data every process relies on: created once, never overwritten.
  await graph.write((tx) => ensureDefaultWatchLists(tx));
  return graph;
}
