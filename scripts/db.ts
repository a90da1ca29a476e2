/** npm run db:start | db:stop | db:status: manage the local Neo4j that Clew runs without Docker. */
import { loadConfig, usesManagedDatabase } from '../server/src/config.js';
import { LocalNeo4jError } from '../server/src/local-neo4j/engine.js';
import { localStatus, startLocal, stopLocal } from '../server/src/local-neo4j/server-process.js';

const command = process.argv[2];

async function main(): Promise<void> {
  const config = loadConfig();
  if (!usesManagedDatabase(config)) {
    console.log(`NEO4J_URI is set (${config.neo4j.uri}): Clew uses that server and manages no local one.`);
    return;
  }
  switch (command) {
    case 'start': {
      const started = await startLocal(config.local, (l) => console.log(l));
      if (!started) console.log(`Neo4j is already running on bolt://${config.local.host}:${config.local.port}.`);
      break;
    }
    case 'stop':
      console.log((await stopLocal(config.local)) ? 'Neo4j stopped.' : 'Neo4j was not running.');
      break;
    case 'status': {
      const s = await localStatus(config.local);
      console.log(s.running ? `running (pid ${s.pid}, ${s.ready ? 'ready' : 'starting'}) on ${s.uri}, data in ${s.home}` : `stopped (data in ${s.home})`);
      process.exitCode = s.running ? 0 : 3;
      break;
    }
    default:
      console.error('usage: tsx scripts/db.ts start|stop|status');
      process.exitCode = 2;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof LocalNeo4jError ? e.message : e);
  process.exitCode = 1;
});
