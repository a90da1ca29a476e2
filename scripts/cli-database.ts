import { loadConfig, usesManagedDatabase, type Config } from '../server/src/config.js';
import type { Graph } from '../server/src/db/graph.js';
import { localStatus, stopLocal } from '../server/src/local-neo4j/server-process.js';
import { prepareDatabase } from '../server/src/startup.js';

/**
 * For one-off commands: the database as the server would use it (the managed Neo4j started
 * if needed, migrations applied), handed to `work`, and the managed Neo4j stopped again
 * afterwards if this command was the one that started it.
 */
export async function withDatabase<T>(work: (graph: Graph, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const managed = usesManagedDatabase(config);
  const wasRunning = managed ? (await localStatus(config.local)).running : true;
  const graph = await prepareDatabase(config, (line) => console.error(`[clew] ${line}`));
  try {
    return await work(graph, config);
  } finally {
    await graph.close();
    if (managed && !wasRunning) await stopLocal(config.local);
  }
}
