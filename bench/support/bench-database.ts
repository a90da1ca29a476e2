import path from 'node:path';
import type { Config } from '../../server/src/config.js';
import { repoRoot } from '../../server/src/repo-root.js';

/**
 * The benchmarks' own managed Neo4j: data in .clew/bench-neo4j, Bolt on 7688, so the demo
 * database is untouched and the large county is generated once and shared by every
 * benchmark (CLEW_NEO4J_HOME / CLEW_NEO4J_PORT / CLEW_NEO4J_HEAP / CLEW_NEO4J_PAGECACHE
 * override). Rate limits and load shedding are lifted: a benchmark is a deliberate load.
 */
export function benchConfig(base: Config): Config {
  return {
    ...base,
    logLevel: 'warn',
    neo4j: { ...base.neo4j, queryTimeoutMs: 300_000 },
    security: { ...base.security, rateLimitPerMinute: 1_000_000, maxEventLoopDelayMs: 0 },
    local: {
      ...base.local,
      home: process.env.CLEW_NEO4J_HOME ?? path.join(repoRoot, '.clew', 'bench-neo4j'),
      port: Number(process.env.CLEW_NEO4J_PORT ?? 7688),
      heap: process.env.CLEW_NEO4J_HEAP ?? '6g',
      pageCache: process.env.CLEW_NEO4J_PAGECACHE ?? '8g',
    },
  };
}
