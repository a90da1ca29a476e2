/** Records written in one transaction: large enough that a transaction's fixed cost vanishes, small enough to retry. */
export const DEFAULT_BATCH_SIZE = 5000;

/**
 * Write transactions an import keeps running at once. Three on two cores: while Node answers
 * a transaction that finished (its outcomes counted, the next batch packed and sent), two
 * others keep both of Neo4j's cores busy. A third measured 1.047 times the rate of two
 * (`npm run bench:ingest -- --compare-in-flight 3`, four rounds, each 1.04–1.08) once batches
 * of new records went without a look-up (look-up-policy.ts).
 */
export const DEFAULT_WRITE_CONCURRENCY = 3;
