import type { Graph, Tx, TxOptions } from '../db/graph.js';
import { QueryTimeout } from '../errors.js';
import type { Clock } from './clock.js';

/**
 * The Graph a request's resolvers see: every transaction gets the time left before the
 * request's deadline as its Neo4j transaction timeout, so one GraphQL request cannot hold
 * the database longer than the per-request limit, however many transactions it runs.
 */
export function graphWithDeadline(graph: Graph, deadline: number, clock: Clock): Graph {
  const bounded = Object.create(graph) as Graph;
  const remaining = (options: TxOptions): TxOptions => {
    const left = deadline - clock();
    if (left <= 0) throw new QueryTimeout();
    return { ...options, timeoutMs: Math.max(1, Math.min(left, options.timeoutMs ?? left)) };
  };
  bounded.read = async <T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}) => graph.read(work, remaining(options));
  bounded.write = async <T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}) => graph.write(work, remaining(options));
  return bounded;
}
