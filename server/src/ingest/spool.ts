import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { RecordKind } from './record-kinds.js';
import type { Row } from './normalize-record.js';
import type { RecordPosition } from './source-record.js';

export type { RecordPosition } from './source-record.js';

export interface SpooledRow {
  p: RecordPosition;
  r: Row;
}

/**
 * Rows partitioned by kind into temporary NDJSON files: the importer puts here the records
 * whose references were not in the database yet when their batch was written, and writes
 * them again, in dependency order, once everything else is in. Memory holds one batch;
 * writes honour backpressure.
 */
export class KindSpool {
  private readonly streams = new Map<RecordKind, WriteStream>();
  readonly counts = new Map<RecordKind, number>();

  private constructor(readonly dir: string) {}

  static async create(): Promise<KindSpool> {
    return new KindSpool(await mkdtemp(path.join(os.tmpdir(), 'clew-import-')));
  }

  async add(kind: RecordKind, row: SpooledRow): Promise<void> {
    let stream = this.streams.get(kind);
    if (!stream) {
      stream = createWriteStream(path.join(this.dir, `${kind}.ndjson`));
      this.streams.set(kind, stream);
    }
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    if (!stream.write(`${JSON.stringify(row)}\n`)) await once(stream, 'drain');
  }

  async finish(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve())))));
  }

  async *batches(kind: RecordKind, size: number): AsyncGenerator<SpooledRow[]> {
    if (!this.streams.has(kind)) return;
    const lines = readline.createInterface({ input: createReadStream(path.join(this.dir, `${kind}.ndjson`)), crlfDelay: Infinity });
    let batch: SpooledRow[] = [];
    for await (const line of lines) {
      if (line === '') continue;
      batch.push(JSON.parse(line) as SpooledRow);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  async dispose(): Promise<void> {
    for (const s of this.streams.values()) s.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
