import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import path from 'node:path';
import { repoRoot } from './repo-root.js';

/**
 * All of Clew's configuration, read once from the environment and validated against one
 * schema. Secrets (passwords) have no defaults: the managed local database generates its
 * own password and keeps it in its data folder.
 */
export const ConfigSchema = Type.Object({
  host: Type.String({ default: '127.0.0.1' }),
  port: Type.Integer({ minimum: 0, maximum: 65535, default: 4000 }),
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  graphiql: Type.Boolean({ default: false }),
  /** Loads the demo county when the managed database starts empty. */
  seedDemo: Type.Boolean({ default: true }),
  seedNumber: Type.Integer({ default: 20260327 }),
  seedScale: Type.Number({ exclusiveMinimum: 0, default: 1 }),
  neo4j: Type.Object({
    /** Empty means: start and use the managed local server. */
    uri: Type.String({ default: '' }),
    user: Type.String({ default: 'neo4j' }),
    password: Type.String({ default: '' }),
    database: Type.String({ default: 'neo4j' }),
    queryTimeoutMs: Type.Integer({ minimum: 100, default: 15000 }),
    maxPoolSize: Type.Integer({ minimum: 1, default: 50 }),
  }),
  local: Type.Object({
    home: Type.String(),
    host: Type.String({ default: '127.0.0.1' }),
    port: Type.Integer({ minimum: 1, maximum: 65535, default: 7687 }),
    heap: Type.String({ default: '4g' }),
    pageCache: Type.String({ default: '4g' }),
    txMemoryMax: Type.String({ default: '4g' }),
    startTimeoutMs: Type.Integer({ minimum: 1000, default: 120000 }),
    cacheDir: Type.String(),
  }),
  limits: Type.Object({
    expandPerNode: Type.Integer({ minimum: 1, default: 50 }),
    expandTotal: Type.Integer({ minimum: 1, default: 2000 }),
    pathsMaxHops: Type.Integer({ minimum: 1, maximum: 12, default: 8 }),
    searchPageMax: Type.Integer({ minimum: 1, default: 100 }),
  }),
});

export type Config = Static<typeof ConfigSchema>;

type Env = Record<string, string | undefined>;

/** Reads CLEW_* and NEO4J_* variables; an invalid value fails the start with its name. */
export function loadConfig(env: Env = process.env): Config {
  const home = path.join(repoRoot, '.clew');
  const raw = {
    host: env.CLEW_HOST,
    port: num(env.CLEW_PORT ?? env.PORT),
    logLevel: env.CLEW_LOG_LEVEL,
    graphiql: bool(env.CLEW_GRAPHIQL),
    seedDemo: bool(env.CLEW_SEED_DEMO),
    seedNumber: num(env.CLEW_SEED_NUMBER),
    seedScale: num(env.CLEW_SEED_SCALE),
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? env.NEO4J_USERNAME,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      queryTimeoutMs: num(env.CLEW_QUERY_TIMEOUT_MS),
      maxPoolSize: num(env.CLEW_NEO4J_POOL_SIZE),
    },
    local: {
      home: env.CLEW_NEO4J_HOME ?? path.join(home, 'neo4j'),
      host: env.CLEW_NEO4J_HOST,
      port: num(env.CLEW_NEO4J_PORT),
      heap: env.CLEW_NEO4J_HEAP,
      pageCache: env.CLEW_NEO4J_PAGECACHE,
      txMemoryMax: env.CLEW_NEO4J_TX_MAX,
      startTimeoutMs: num(env.CLEW_NEO4J_START_TIMEOUT_MS),
      cacheDir: env.CLEW_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(env.HOME ?? '/tmp', '.cache'), 'clew'),
    },
    limits: {
      expandPerNode: num(env.CLEW_EXPAND_PER_NODE),
      expandTotal: num(env.CLEW_EXPAND_TOTAL),
      pathsMaxHops: num(env.CLEW_PATHS_MAX_HOPS),
      searchPageMax: num(env.CLEW_SEARCH_PAGE_MAX),
    },
  };
  const withDefaults = Value.Default(ConfigSchema, dropUndefined(raw));
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `${ENV_NAMES[e.path] ?? e.path}: ${e.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return withDefaults as Config;
}

/** Whether Clew manages its own Neo4j (no NEO4J_URI given). */
export function usesManagedDatabase(config: Config): boolean {
  return config.neo4j.uri === '';
}

const ENV_NAMES: Record<string, string> = {
  '/port': 'CLEW_PORT',
  '/logLevel': 'CLEW_LOG_LEVEL',
  '/seedScale': 'CLEW_SEED_SCALE',
  '/neo4j/queryTimeoutMs': 'CLEW_QUERY_TIMEOUT_MS',
  '/local/port': 'CLEW_NEO4J_PORT',
  '/limits/expandPerNode': 'CLEW_EXPAND_PER_NODE',
  '/limits/expandTotal': 'CLEW_EXPAND_TOTAL',
  '/limits/pathsMaxHops': 'CLEW_PATHS_MAX_HOPS',
};

function num(v: string | undefined): number | string | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v; // keep the bad string so validation names it
}

function bool(v: string | undefined): boolean | string | undefined {
  if (v === undefined || v === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  return v;
}

function dropUndefined<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = dropUndefined(v);
  }
  return out as T;
}
