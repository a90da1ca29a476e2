import neo4j, { Neo4jError } from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import type { Graph, Tx } from '../db/graph.js';
import type { Row } from './normalize-record.js';
import { RECORD_KINDS, REFERENCED_KINDS, type RecordKind } from './record-kinds.js';
import { asColumns } from './batch-columns.js';
import { naturalKey } from './row-hash.js';
import type { RecordPosition } from './source-record.js';
import { KindSpool } from './spool.js';
import { LookUpPolicy } from './look-up-policy.js';

export type Outcome = 'unresolved' | 'unchanged' | 'duplicate' | 'resumed';

export interface WriteOutcome {
  outcome: Outcome;
  field: string | null;
  ref: string | null;
}

export interface PendingRow {
  p: RecordPosition;
  r: Row;
  /** When the record's event happened (epoch ms), for the data-quality report's freshness. */
  t?: number;
}

/**
 * Called with every batch the database answered: `final` is false on the first pass (an
 * unresolved record is then spooled and tried again at the end, so it is neither accepted
 * nor rejected yet) and true on the retry pass. `inTx`
 * runs inside the batch's transaction (the job's progress), `settle` after it committed,
 * with how long its transaction took (retries included).
 */
export interface BatchHandler {
  inTx(tx: Tx, kind: RecordKind, batch: PendingRow[], outcomes: Map<number, WriteOutcome>, final: boolean): Promise<void>;
  settle(kind: RecordKind, batch: PendingRow[], outcomes: Map<number, WriteOutcome>, final: boolean, millis: number): void;
}

const WRITE_CYPHER: Record<RecordKind, string> = Object.fromEntries(RECORD_KINDS.map((k) => [k, cypher(`ingest/${k}`)])) as Record<RecordKind, string>;
/** The kinds whose new records are written with CREATE (the ones that come in volume). */
const CREATE_CYPHER: Partial<Record<RecordKind, string>> = Object.fromEntries(
  (['person', 'relation', 'stay', 'login', 'pass', 'call', 'involvement'] as const).map((k) => [k, cypher(`ingest/${k}-new`)]),
);
const STORED_CYPHER: Record<RecordKind, string> = Object.fromEntries(RECORD_KINDS.map((k) => [k, cypher(`ingest/${k}-stored`)])) as Record<RecordKind, string>;

/** What the look-up of stored records needs of a batch, as columns: the natural keys and nothing else. */
function lookupColumns(kind: RecordKind, rows: Row[]): Record<string, unknown[]> {
  const column = (field: string) => rows.map((r) => r[field]);
  if (kind === 'region') return { i: column('i'), code: column('code') };
  if (kind === 'relation') return { i: column('i'), from: column('from'), type: column('type'), key: column('key') };
  // Every row of a kind has the same fields: movements and ties a key, entities an id.
  return rows[0]?.key !== undefined ? { i: column('i'), key: column('key') } : { i: column('i'), id: column('id') };
}

interface Stored {
  hash: string | null;
  job: string | null;
  run: number | null;
}

/**
 * What a record is, given what the database holds under its key: a second copy within this
 * run is a duplicate (written again only if it differs: the last copy wins); the same content
 * written by an earlier run of this job was resumed (written again to claim it for this run);
 * the same content from another import is unchanged (not written); anything else is written.
 */
function classify(row: Row, stored: Stored | undefined, job: string, run: number): { outcome: Outcome | null; write: boolean } {
  if (!stored) return { outcome: null, write: true };
  if (stored.job === job && stored.run === run) return { outcome: 'duplicate', write: stored.hash !== row.hash };
  if (stored.hash === row.hash) return stored.job === job ? { outcome: 'resumed', write: true } : { outcome: 'unchanged', write: false };
  return { outcome: null, write: true };
}

/**
 * Writes records while they are still being read: rows gather per kind, and a full batch
 * goes to the database in its own managed transaction once every earlier batch of the kinds
 * it refers to has committed (REFERENCED_KINDS). Up to `maxInFlight` batches run at once,
 * so both cores work; when that many are running, `add` waits (backpressure). A record whose reference is
 * not in the database yet is spooled to disk and written again once all else is in, in
 * dependency order, so records may come in any order.
 */
export class BatchWriter {
  private readonly buffers = new Map<RecordKind, { rows: PendingRow[]; keys: Set<string> }>();
  /** The batches running, by kind, with the natural keys each writes. */
  private readonly running = new Map<RecordKind, Map<Promise<void>, Set<string>>>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  private readonly lookUps = new LookUpPolicy();
  private deferred?: Promise<KindSpool>;
  deferredCount = 0;

  constructor(
    private readonly graph: Graph,
    private readonly params: { job: string; run: number; batchSize: number; maxInFlight: number },
    private readonly handler: BatchHandler,
  ) {}

  /**
   * Queues a row. Only when that sends a batch is there anything to wait for (and the caller
   * must wait: that is the backpressure); otherwise nothing is returned, which spares an
   * await per record.
   */
  add(kind: RecordKind, row: PendingRow): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    const key = naturalKey(row.r);
    // The same element twice in one batch: send the first on its own so the second sees it.
    if (this.buffers.get(kind)?.keys.has(key)) return this.flush(kind).then(() => this.add(kind, row));
    let buffer = this.buffers.get(kind);
    if (!buffer) this.buffers.set(kind, (buffer = { rows: [], keys: new Set() }));
    buffer.rows.push(row);
    buffer.keys.add(key);
    return buffer.rows.length >= this.params.batchSize ? this.flush(kind) : undefined;
  }

  /** Writes what is left, then the deferred records; waits for the last batch. */
  async finish(): Promise<void> {
    for (const kind of RECORD_KINDS) await this.flush(kind);
    await this.drain();
    if (!this.deferred) return;
    const spool = await this.deferred;
    await spool.finish();
    for (const kind of RECORD_KINDS) {
      for await (const batch of spool.batches(kind, this.params.batchSize)) {
        for (const part of splitOnRepeatedKeys(batch)) await this.write(kind, part, true);
      }
    }
  }

  async dispose(): Promise<void> {
    const spool = await this.deferred?.catch(() => undefined);
    await spool?.dispose();
  }

  private async defer(kind: RecordKind, row: PendingRow): Promise<void> {
    // The promise is kept, not the spool: two batches deferring at once must share one spool
    // (assigning after an await let the second replace the first, and lose its records).
    this.deferred ??= KindSpool.create();
    this.deferredCount++;
    await (await this.deferred).add(kind, row);
  }

  /**
   * Starts writing a kind's buffered rows once the running batches of the kinds they refer
   * to have committed, and any running batch of their own kind that holds one of their
   * keys (so a second copy of a record sees the first). Other batches of one kind run side
   * by side: with new records created rather than merged, two stay batches in flight
   * measured 1.5x one (bench/ingest.bench.ts).
   */
  private async flush(kind: RecordKind): Promise<void> {
    // What this batch refers to goes first, partial batches included, all the way down
    // (a location's station before the location, that station's region before it).
    for (const referenced of REFERENCED_KINDS[kind]) if (referenced !== kind) await this.flush(referenced);
    const buffer = this.buffers.get(kind);
    if (!buffer || buffer.rows.length === 0) return;
    this.buffers.delete(kind);
    while (this.inFlight.size >= this.params.maxInFlight) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const waitFor = this.batchesToWaitFor(kind, buffer.keys);
    const ofKind = this.running.get(kind) ?? new Map<Promise<void>, Set<string>>();
    this.running.set(kind, ofKind);
    const done: Promise<void> = Promise.all(waitFor)
      .then(() => this.write(kind, buffer.rows, false))
      .catch((e: unknown) => {
        this.failure ??= e;
      })
      .finally(() => {
        this.inFlight.delete(done);
        ofKind.delete(done);
      });
    ofKind.set(done, buffer.keys);
    this.inFlight.add(done);
  }

  private batchesToWaitFor(kind: RecordKind, keys: Set<string>): Promise<void>[] {
    const waitFor: Promise<void>[] = [];
    for (const referenced of REFERENCED_KINDS[kind]) {
      if (referenced !== kind) waitFor.push(...(this.running.get(referenced)?.keys() ?? []));
    }
    const refersToItself = REFERENCED_KINDS[kind].includes(kind);
    for (const [batch, batchKeys] of this.running.get(kind) ?? []) {
      if (refersToItself || sharesAKey(keys, batchKeys)) waitFor.push(batch);
    }
    return waitFor;
  }

  private async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
  }

  private async write(kind: RecordKind, batch: PendingRow[], final: boolean): Promise<void> {
    if (this.failure) return;
    const started = performance.now();
    const outcomes = await this.writeSettling(kind, batch, final);
    this.handler.settle(kind, batch, outcomes, final, performance.now() - started);
    if (!final) {
      for (const row of batch) if (outcomes.get(row.r.i)?.outcome === 'unresolved') await this.defer(kind, row);
    }
  }

  /**
   * Writes a batch, first without looking up stored records when the policy says so; a
   * stored record then fails the transaction on the key's uniqueness constraint, and the
   * batch is written again with the look-up. If another import created one of the records
   * between that look-up and the CREATE, it fails once more and is written with MERGE.
   */
  private async writeSettling(kind: RecordKind, batch: PendingRow[], final: boolean): Promise<Map<number, WriteOutcome>> {
    if (CREATE_CYPHER[kind] && this.lookUps.skips(kind)) {
      try {
        return await this.writeBatch(kind, batch, final, 'create');
      } catch (e) {
        if (!isConstraintFailure(e)) throw e;
        this.lookUps.metStored(kind);
      }
    }
    try {
      return await this.writeBatch(kind, batch, final, 'look-up');
    } catch (e) {
      if (!isConstraintFailure(e)) throw e;
      return this.writeBatch(kind, batch, final, 'merge');
    }
  }

  /**
   * One batch in one transaction. `create` writes every record with the kind's CREATE
   * statement; `look-up` first reads what is stored under the batch's keys, creates the new
   * records and merges the changed ones; `merge` looks up too but merges every record.
   */
  private async writeBatch(kind: RecordKind, batch: PendingRow[], final: boolean, mode: 'create' | 'look-up' | 'merge'): Promise<Map<number, WriteOutcome>> {
    const { job, run } = this.params;
    const rows = batch.map((b) => b.r);
    return this.graph.write(
      async (tx) => {
        const found = new Map<number, WriteOutcome>();
        const { created, merged } = mode === 'create' ? { created: rows, merged: [] } : await this.sortByStored(tx, kind, rows, mode === 'merge', found);
        for (const [statement, part] of [
          [CREATE_CYPHER[kind], created],
          [WRITE_CYPHER[kind], merged],
        ] as const) {
          if (!statement || part.length === 0) continue;
          const result = await tx.run(statement, { ...asColumns(part), job, run: neo4j.int(run) });
          for (const rec of result.records) found.set(Number(rec.get('i')), { outcome: 'unresolved', field: rec.get('field') as string, ref: rec.get('ref') as string });
        }
        await this.handler.inTx(tx, kind, batch, found, final);
        return found;
      },
      { metadata: { job, kind }, timeoutMs: 300_000 },
    );
  }

  /**
   * Looks up what is stored under the rows' keys, notes the outcome of each record found in
   * `found`, and sorts the rows to write into new ones (created) and stored ones (merged);
   * `mergeOnly` merges the new ones too.
   */
  private async sortByStored(tx: Tx, kind: RecordKind, rows: Row[], mergeOnly: boolean, found: Map<number, WriteOutcome>): Promise<{ created: Row[]; merged: Row[] }> {
    const { job, run } = this.params;
    const stored = new Map<number, Stored>();
    const lookup = await tx.run(STORED_CYPHER[kind], lookupColumns(kind, rows));
    for (const rec of lookup.records) {
      const storedRun = rec.get('run') as { toNumber(): number } | number | null;
      stored.set(Number(rec.get('i')), {
        hash: rec.get('hash') as string | null,
        job: rec.get('job') as string | null,
        run: storedRun === null ? null : typeof storedRun === 'number' ? storedRun : storedRun.toNumber(),
      });
    }
    this.lookUps.lookedUp(kind, stored.size);
    const created: Row[] = [];
    const merged: Row[] = [];
    for (const r of rows) {
      const { outcome, write } = classify(r, stored.get(r.i), job, run);
      if (outcome) found.set(r.i, { outcome, field: null, ref: null });
      if (write) (stored.has(r.i) || mergeOnly || !CREATE_CYPHER[kind] ? merged : created).push(r);
    }
    return { created, merged };
  }
}

function isConstraintFailure(e: unknown): boolean {
  return e instanceof Neo4jError && e.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

function sharesAKey(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small) if (large.has(key)) return true;
  return false;
}

function splitOnRepeatedKeys(rows: PendingRow[]): PendingRow[][] {
  const parts: PendingRow[][] = [[]];
  let keys = new Set<string>();
  for (const row of rows) {
    const key = naturalKey(row.r);
    if (keys.has(key)) {
      parts.push([]);
      keys = new Set();
    }
    keys.add(key);
    parts[parts.length - 1]!.push(row);
  }
  return parts.filter((p) => p.length > 0);
}
