import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import path from 'node:path';
import { DEFAULT_BATCH_SIZE, DEFAULT_WRITE_CONCURRENCY } from './ingest/import-defaults.js';
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
  /** Compiles query texts sent repeatedly (graphql-jit); off runs every request through graphql-js. */
  graphqlJit: Type.Boolean({ default: true }),
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
    /** How much transaction log the managed Neo4j keeps beyond what recovery needs (Neo4j's own default, 2 days, filled 56 GB of disk on a day of benchmarks). */
    txLogKeep: Type.String({ default: '1G size' }),
    /** A neo4j.conf-style file of further settings for the managed Neo4j, applied after Clew's own. */
    settingsFile: Type.Optional(Type.String({ minLength: 1 })),
    /** Further JVM options for the managed Neo4j, after Clew's own (the last of two options wins). */
    javaOptions: Type.Array(Type.String({ minLength: 1 }), { default: [] }),
    startTimeoutMs: Type.Integer({ minimum: 1000, default: 120000 }),
    cacheDir: Type.String(),
  }),
  limits: Type.Object({
    expandPerNode: Type.Integer({ minimum: 1, default: 50 }),
    expandTotal: Type.Integer({ minimum: 1, default: 2000 }),
    pathsMaxHops: Type.Integer({ minimum: 1, maximum: 12, default: 8 }),
    searchPageMax: Type.Integer({ minimum: 1, default: 100 }),
  }),
  /** Imports (docs/ingest.md): where uploads are kept until their job is done, and limits. */
  ingest: Type.Object({
    dir: Type.String(),
    uploadMaxBytes: Type.Integer({ minimum: 1, default: 4 * 1024 * 1024 * 1024 }),
    batchSize: Type.Integer({ minimum: 1, maximum: 100_000, default: DEFAULT_BATCH_SIZE }),
    /** Write transactions an import keeps running at once (bench/ingest.bench.ts --compare-in-flight measures it). */
    writeConcurrency: Type.Integer({ minimum: 1, maximum: 16, default: DEFAULT_WRITE_CONCURRENCY }),
    /** Records one importRecords mutation may carry; files go to POST /imports. */
    mutationMaxRecords: Type.Integer({ minimum: 1, default: 10_000 }),
    maxStoredRejections: Type.Integer({ minimum: 0, default: 100_000 }),
  }),
  /** The four techniques (issue 4, docs/techniques.md): schedules, order deadlines, shared events. */
  techniques: Type.Object({
    /** Times of day (China Standard Time) at which the scheduled collision runs. */
    collisionTimes: Type.Array(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), { default: ['08:00', '20:00'] }),
    /** Runs the scheduled collision, import follow-ups and deadline sweeps in this process. */
    scheduler: Type.Boolean({ default: true }),
    tickSeconds: Type.Integer({ minimum: 1, default: 30 }),
    /** A warning goes to the station this long before an unanswered order's deadline. */
    orderWarnBeforeMinutes: Type.Integer({ minimum: 1, default: 15 }),
    /** How often each API process polls the shared event log for subscriptions. */
    eventPollMs: Type.Integer({ minimum: 50, default: 500 }),
    eventRetentionHours: Type.Integer({ minimum: 1, default: 48 }),
    /** The region codes of this bureau's own jurisdiction ("local" cases). */
    localRegions: Type.Array(Type.String({ pattern: '^\\d{6}$' }), { default: ['321281'] }),
  }),
  /** Accounts, audit and the hardened endpoint (issue 5, docs/security.md). */
  security: Type.Object({
    sessionIdleMinutes: Type.Integer({ minimum: 1, default: 30 }),
    sessionMaxHours: Type.Integer({ minimum: 1, default: 12 }),
    lockoutThreshold: Type.Integer({ minimum: 1, default: 5 }),
    lockoutWindowMinutes: Type.Integer({ minimum: 1, default: 15 }),
    /** The law asks for at least a year; nothing deletes younger records. */
    auditRetentionDays: Type.Integer({ minimum: 365, default: 365 }),
    /** Introspection is off unless asked for (it follows CLEW_GRAPHIQL when not set). */
    introspection: Type.Boolean({ default: false }),
    /** Browser origins allowed to call the API from another origin; empty: same origin only. */
    corsOrigins: Type.Array(Type.String(), { default: [] }),
    /** Client address from X-Forwarded-For: set when Clew runs behind a balancer. */
    trustProxy: Type.Boolean({ default: false }),
    /** importRecords takes up to 10,000 records in one request; callers not signed in get 64 KiB. */
    graphqlBodyLimitBytes: Type.Integer({ minimum: 1024, default: 5 * 1024 * 1024 }),
    maxDepth: Type.Integer({ minimum: 2, default: 10 }),
    maxAliases: Type.Integer({ minimum: 0, default: 15 }),
    maxFields: Type.Integer({ minimum: 10, default: 500 }),
    maxCost: Type.Integer({ minimum: 1, default: 50 }),
    /** Requests per minute per user (keys carry their own limit), and per address for the unauthenticated. */
    rateLimitPerMinute: Type.Integer({ minimum: 1, default: 600 }),
    anonymousRateLimitPerMinute: Type.Integer({ minimum: 1, default: 60 }),
    /** Other units' keys may send only allow-listed (persisted) queries. */
    keysPersistedOnly: Type.Boolean({ default: true }),
    maxEventLoopDelayMs: Type.Integer({ minimum: 0, default: 1000 }),
    /** 0: no heap limit. */
    maxHeapUsedBytes: Type.Integer({ minimum: 0, default: 0 }),
    retryAfterSeconds: Type.Integer({ minimum: 1, default: 10 }),
  }),
  /** Evidence export (issue 7, docs/export.md): the signing key's file and the size limits. */
  export: Type.Object({
    /** Ed25519 private key (PEM), made on first use; outside git (.clew/ is ignored). */
    keyFile: Type.String(),
    queryTimeoutMs: Type.Integer({ minimum: 1000, default: 60_000 }),
    maxNodes: Type.Integer({ minimum: 1, default: 20_000 }),
    maxEdges: Type.Integer({ minimum: 1, default: 100_000 }),
    bodyLimitBytes: Type.Integer({ minimum: 1024, default: 16 * 1024 * 1024 }),
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
    graphqlJit: bool(env.CLEW_GRAPHQL_JIT),
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
      txLogKeep: env.CLEW_NEO4J_TX_LOG_KEEP,
      settingsFile: env.CLEW_NEO4J_CONF || undefined,
      javaOptions: env.CLEW_NEO4J_JAVA_OPTS?.split(/\s+/).filter(Boolean),
      startTimeoutMs: num(env.CLEW_NEO4J_START_TIMEOUT_MS),
      cacheDir: env.CLEW_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(env.HOME ?? '/tmp', '.cache'), 'clew'),
    },
    limits: {
      expandPerNode: num(env.CLEW_EXPAND_PER_NODE),
      expandTotal: num(env.CLEW_EXPAND_TOTAL),
      pathsMaxHops: num(env.CLEW_PATHS_MAX_HOPS),
      searchPageMax: num(env.CLEW_SEARCH_PAGE_MAX),
    },
    ingest: {
      dir: env.CLEW_IMPORT_DIR ?? path.join(home, 'imports'),
      uploadMaxBytes: num(env.CLEW_IMPORT_UPLOAD_MAX_BYTES),
      batchSize: num(env.CLEW_IMPORT_BATCH_SIZE),
      writeConcurrency: num(env.CLEW_IMPORT_WRITE_CONCURRENCY),
      mutationMaxRecords: num(env.CLEW_IMPORT_MUTATION_MAX_RECORDS),
      maxStoredRejections: num(env.CLEW_IMPORT_MAX_STORED_REJECTIONS),
    },
    techniques: {
      collisionTimes: list(env.CLEW_COLLISION_TIMES),
      scheduler: bool(env.CLEW_TECHNIQUE_SCHEDULER),
      tickSeconds: num(env.CLEW_TECHNIQUE_TICK_SECONDS),
      orderWarnBeforeMinutes: num(env.CLEW_ORDER_WARN_BEFORE_MINUTES),
      eventPollMs: num(env.CLEW_EVENT_POLL_MS),
      eventRetentionHours: num(env.CLEW_EVENT_RETENTION_HOURS),
      localRegions: list(env.CLEW_LOCAL_REGIONS),
    },
    security: {
      sessionIdleMinutes: num(env.CLEW_SESSION_IDLE_MINUTES),
      sessionMaxHours: num(env.CLEW_SESSION_MAX_HOURS),
      lockoutThreshold: num(env.CLEW_LOCKOUT_THRESHOLD),
      lockoutWindowMinutes: num(env.CLEW_LOCKOUT_WINDOW_MINUTES),
      auditRetentionDays: num(env.CLEW_AUDIT_RETENTION_DAYS),
      introspection: bool(env.CLEW_INTROSPECTION) ?? bool(env.CLEW_GRAPHIQL),
      corsOrigins: list(env.CLEW_CORS_ORIGINS),
      trustProxy: bool(env.CLEW_TRUST_PROXY),
      graphqlBodyLimitBytes: num(env.CLEW_GRAPHQL_BODY_LIMIT),
      maxDepth: num(env.CLEW_QUERY_MAX_DEPTH),
      maxAliases: num(env.CLEW_QUERY_MAX_ALIASES),
      maxFields: num(env.CLEW_QUERY_MAX_FIELDS),
      maxCost: num(env.CLEW_QUERY_MAX_COST),
      rateLimitPerMinute: num(env.CLEW_RATE_LIMIT_PER_MINUTE),
      anonymousRateLimitPerMinute: num(env.CLEW_ANONYMOUS_RATE_LIMIT_PER_MINUTE),
      keysPersistedOnly: bool(env.CLEW_KEYS_PERSISTED_ONLY),
      maxEventLoopDelayMs: num(env.CLEW_MAX_EVENT_LOOP_DELAY_MS),
      maxHeapUsedBytes: num(env.CLEW_MAX_HEAP_USED_BYTES),
      retryAfterSeconds: num(env.CLEW_RETRY_AFTER_SECONDS),
    },
    export: {
      keyFile: env.CLEW_EXPORT_KEY_FILE ?? path.join(home, 'export', 'signing-key.pem'),
      queryTimeoutMs: num(env.CLEW_EXPORT_QUERY_TIMEOUT_MS),
      maxNodes: num(env.CLEW_EXPORT_MAX_NODES),
      maxEdges: num(env.CLEW_EXPORT_MAX_EDGES),
      bodyLimitBytes: num(env.CLEW_EXPORT_BODY_LIMIT),
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
  '/local/settingsFile': 'CLEW_NEO4J_CONF',
  '/local/javaOptions': 'CLEW_NEO4J_JAVA_OPTS',
  '/limits/expandPerNode': 'CLEW_EXPAND_PER_NODE',
  '/limits/expandTotal': 'CLEW_EXPAND_TOTAL',
  '/limits/pathsMaxHops': 'CLEW_PATHS_MAX_HOPS',
  '/ingest/uploadMaxBytes': 'CLEW_IMPORT_UPLOAD_MAX_BYTES',
  '/ingest/batchSize': 'CLEW_IMPORT_BATCH_SIZE',
  '/ingest/writeConcurrency': 'CLEW_IMPORT_WRITE_CONCURRENCY',
  '/ingest/mutationMaxRecords': 'CLEW_IMPORT_MUTATION_MAX_RECORDS',
  '/ingest/maxStoredRejections': 'CLEW_IMPORT_MAX_STORED_REJECTIONS',
  '/techniques/collisionTimes': 'CLEW_COLLISION_TIMES',
  '/techniques/scheduler': 'CLEW_TECHNIQUE_SCHEDULER',
  '/techniques/tickSeconds': 'CLEW_TECHNIQUE_TICK_SECONDS',
  '/techniques/orderWarnBeforeMinutes': 'CLEW_ORDER_WARN_BEFORE_MINUTES',
  '/techniques/eventPollMs': 'CLEW_EVENT_POLL_MS',
  '/techniques/eventRetentionHours': 'CLEW_EVENT_RETENTION_HOURS',
  '/techniques/localRegions': 'CLEW_LOCAL_REGIONS',
  '/security/sessionIdleMinutes': 'CLEW_SESSION_IDLE_MINUTES',
  '/security/sessionMaxHours': 'CLEW_SESSION_MAX_HOURS',
  '/security/lockoutThreshold': 'CLEW_LOCKOUT_THRESHOLD',
  '/security/lockoutWindowMinutes': 'CLEW_LOCKOUT_WINDOW_MINUTES',
  '/security/auditRetentionDays': 'CLEW_AUDIT_RETENTION_DAYS',
  '/security/introspection': 'CLEW_INTROSPECTION',
  '/security/trustProxy': 'CLEW_TRUST_PROXY',
  '/security/graphqlBodyLimitBytes': 'CLEW_GRAPHQL_BODY_LIMIT',
  '/security/maxDepth': 'CLEW_QUERY_MAX_DEPTH',
  '/security/maxAliases': 'CLEW_QUERY_MAX_ALIASES',
  '/security/maxFields': 'CLEW_QUERY_MAX_FIELDS',
  '/security/maxCost': 'CLEW_QUERY_MAX_COST',
  '/security/rateLimitPerMinute': 'CLEW_RATE_LIMIT_PER_MINUTE',
  '/security/anonymousRateLimitPerMinute': 'CLEW_ANONYMOUS_RATE_LIMIT_PER_MINUTE',
  '/security/keysPersistedOnly': 'CLEW_KEYS_PERSISTED_ONLY',
  '/security/maxEventLoopDelayMs': 'CLEW_MAX_EVENT_LOOP_DELAY_MS',
  '/security/maxHeapUsedBytes': 'CLEW_MAX_HEAP_USED_BYTES',
  '/security/retryAfterSeconds': 'CLEW_RETRY_AFTER_SECONDS',
  '/export/queryTimeoutMs': 'CLEW_EXPORT_QUERY_TIMEOUT_MS',
  '/export/maxNodes': 'CLEW_EXPORT_MAX_NODES',
  '/export/maxEdges': 'CLEW_EXPORT_MAX_EDGES',
  '/export/bodyLimitBytes': 'CLEW_EXPORT_BODY_LIMIT',
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

/** Comma-separated values, e.g. CLEW_CORS_ORIGINS=https://a.example,https://b.example */
function list(v: string | undefined): string[] | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function dropUndefined<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = dropUndefined(v);
  }
  return out as T;
}
