/**
 * Vitest global setup for the integration and e2e tiers: the database they talk to is
 *  - NEO4J_URI when given (an existing server; nothing is started),
 *  - a Neo4j testcontainer when CLEW_TEST_NEO4J=testcontainers (machines with Docker),
 *  - otherwise the managed local Neo4j, started here if it isn't running and stopped at the
 *    end if this run started it (CLEW_KEEP_DB=1 keeps it for the next run).
 * Migrations are applied and the seed county is loaded once (skipped when the same seed
 * and scale are already in the database).
 */
import type { TestProject } from 'vitest/node';
import { loadConfig, usesManagedDatabase } from '../../server/src/config.js';
import { ensureSeedCounty } from '../../server/src/demo/load-demo.js';
import { stopLocal } from '../../server/src/local-neo4j/server-process.js';
import { prepareDatabase } from '../../server/src/startup.js';
import { TEST_SEED } from './test-seed.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let stopContainer: (() => Promise<void>) | undefined;
  if (process.env.CLEW_TEST_NEO4J === 'testcontainers' && !process.env.NEO4J_URI) {
    stopContainer = await startContainer();
  }
  const config = loadConfig();
  const managed = usesManagedDatabase(config);
  const wasRunning = managed ? (await import('../../server/src/local-neo4j/server-process.js').then((m) => m.localStatus(config.local))).running : true;
  const log = (line: string) => console.log(`[test-db] ${line}`);
  const graph = await prepareDatabase(config, log);
  try {
    await ensureSeedCounty(graph, TEST_SEED, log);
  } finally {
    await graph.close();
  }
  project.provide('neo4jUri', process.env.NEO4J_URI ?? '');
  return async () => {
    if (managed && !wasRunning && process.env.CLEW_KEEP_DB !== '1') await stopLocal(config.local);
    await stopContainer?.();
  };
}

/** Docker machines: the project's convention is a Neo4j testcontainer. */
async function startContainer(): Promise<() => Promise<void>> {
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = `t-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const container = await new Neo4jContainer('neo4j:5.26-community').withPassword(password).start();
  process.env.NEO4J_URI = container.getBoltUri();
  process.env.NEO4J_USER = container.getUsername();
  process.env.NEO4J_PASSWORD = container.getPassword();
  return async () => {
    await container.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}
