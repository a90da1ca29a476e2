/**
 * The only module that listens. Reads configuration, prepares the database (starting the
 * managed Neo4j, and loading the demo county and its demo accounts, when no NEO4J_URI is
 * given), then serves the API and the page from one process, and closes both on
 * SIGINT/SIGTERM.
 */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { loadConfig, usesManagedDatabase } from './config.js';
import { ensureDemoAccounts } from './demo/demo-accounts.js';
import { loadDemoIfEmpty } from './demo/load-demo.js';
import { prepareDatabase } from './startup.js';

const config = loadConfig();
const log = (line: string) => console.log(`[clew] ${line}`);

try {
  const graph = await prepareDatabase(config, log);
  if (usesManagedDatabase(config) && config.seedDemo) {
    await loadDemoIfEmpty(graph, config, log);
    await ensureDemoAccounts(graph, config, log);
  }
  const app = await buildApp({ config, graph });
  closeWithGrace({ delay: 10000 }, async ({ err }) => {
    if (err) app.log.error(err);
    await app.close();
    await graph.close();
  });
  const address = await app.listen({ host: config.host, port: config.port }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new Error(`Port ${config.port} on ${config.host} is already taken by another program; stop it or set CLEW_PORT to a free port.`, { cause: e });
    throw e;
  });
  log(`Clew is serving the page at ${address}/ and GraphQL at ${address}/graphql`);
} catch (e) {
  console.error(`[clew] ${(e as Error).message}`);
  process.exit(1);
}
