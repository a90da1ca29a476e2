import type { RecordKind } from './record-kinds.js';

/**
 * After a batch met stored records, this many batches in a row must find none before the
 * kind skips its look-up again: a re-import or a resumed job meets stored records batch
 * after batch, and each skipped look-up that meets one costs a batch written twice.
 */
const CLEAN_BATCHES_BEFORE_SKIPPING = 3;

/**
 * Whether a kind's next batch looks up what is stored under its keys before writing.
 *
 * A batch of records that are all new needs no look-up: the uniqueness constraint on the
 * natural key looks each created record up anyway, and a record that exists fails the
 * batch's transaction, which is then written again with the look-up (nothing of the failed
 * attempt stays). Skipping it wrote 1.17 times the stays a second
 * (`npm run bench:stay-write -- --variants clew,no-lookup`, docs/benchmarks.md). Every kind
 * starts by skipping: most imports bring new records.
 */
export class LookUpPolicy {
  /** Clean batches each kind still needs before it skips again; absent means it skips. */
  private readonly cleanNeeded = new Map<RecordKind, number>();

  skips(kind: RecordKind): boolean {
    return !this.cleanNeeded.has(kind);
  }

  /** A batch written without the look-up met a stored record. */
  metStored(kind: RecordKind): void {
    this.cleanNeeded.set(kind, CLEAN_BATCHES_BEFORE_SKIPPING);
  }

  /** A batch's look-up found `count` stored records. */
  lookedUp(kind: RecordKind, count: number): void {
    if (count > 0) {
      this.cleanNeeded.set(kind, CLEAN_BATCHES_BEFORE_SKIPPING);
      return;
    }
    const left = (this.cleanNeeded.get(kind) ?? 1) - 1;
    if (left <= 0) this.cleanNeeded.delete(kind);
    else this.cleanNeeded.set(kind, left);
  }
}
