import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Config } from '../config.js';
import { usesManagedDatabase } from '../config.js';
import { fromDriverError } from '../errors.js';
import { localCredentials } from '../local-neo4j/server-process.js';
import { enlargeBoltChunks } from './bolt-chunks.js';

export type Tx = ManagedTransaction;

export interface TxOptions {
  /** Shown in `SHOW TRANSACTIONS` and the query log, so a slow query can be traced back. */
  metadata?: Record<string, unknown>;
  timeoutMs?: number;
}

/**
 * All database access goes through this: one driver per process, managed transactions
 * (retried by the driver on transient errors, so the work functions must be idempotent),
 * sessions closed in finally, driver errors mapped to Clew's codes.
 */
export class Graph {
  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly defaultTimeoutMs: number,
  ) {}

  async read<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work, this.txConfig(options));
    } catch (e) {
      throw fromDriverError(e);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, this.txConfig(options));
    } catch (e) {
      throw fromDriverError(e);
    } finally {
      await session.close();
    }
  }

  /** Schema statements cannot share a transaction with writes; they run on their own. */
  async runAutoCommit(statement: string, params: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    const session = this.driver.session({ database: this.database });
    try {
      return await session.run(statement, params);
    } catch (e) {
      throw fromDriverError(e);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private txConfig(options: TxOptions) {
    return { timeout: options.timeoutMs ?? this.defaultTimeoutMs, metadata: { app: 'clew', ...options.metadata } };
  }
}

/** Where the database is and how to sign in: NEO4J_URI when given, else the managed server. */
export async function connectionFor(config: Config): Promise<{ uri: string; user: string; password: string }> {
  if (!usesManagedDatabase(config)) {
    return { uri: config.neo4j.uri, user: config.neo4j.user, password: config.neo4j.password };
  }
  return localCredentials(config.local);
}

export async function openGraph(config: Config): Promise<Graph> {
  const { uri, user, password } = await connectionFor(config);
  enlargeBoltChunks();
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    maxConnectionPoolSize: config.neo4j.maxPoolSize,
    connectionAcquisitionTimeout: 10000,
    connectionTimeout: 5000,
    maxTransactionRetryTime: 10000,
    userAgent: 'clew/0.1',
  });
  return new Graph(driver, config.neo4j.database, config.neo4j.queryTimeoutMs);
}
