/**
 * The write step: streams generated records into a folder as NDJSON, one file per kind
 * (`region.ndjson`, `person.ndjson`, `stay.ndjson`, ...), plus `manifest.json` with the
 * options and the count of each file. One file per kind lets a loader import kinds in
 * dependency order and lets a person read one kind with `head`; the records are the same as
 * in the combined stream, in the same relative order.
 *
 * Lines are batched per kind and handed to the file stream in blocks; when a stream's
 * buffer is full the writer waits for it to drain, so a million-person county is written
 * with flat memory however fast the generator is.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { RECORD_KIND_ORDER, type ExchangeRecord, type RecordKind } from './records.js';

const BLOCK_BYTES = 256 * 1024;

export interface WriteResult {
  dir: string;
  files: Record<RecordKind, string>;
  counts: Record<RecordKind, number>;
  total: number;
}

export interface WriteOptions {
  /** Written into manifest.json next to the counts (seed, scale, dates ...). */
  manifest?: Record<string, unknown>;
  /** Called every `progressEvery` records with the running total. */
  onProgress?: (total: number) => void;
  progressEvery?: number;
}

interface Sink {
  stream: WriteStream;
  pending: string[];
  pendingBytes: number;
}

async function flush(sink: Sink): Promise<void> {
  if (sink.pending.length === 0) return;
  const block = sink.pending.join('');
  sink.pending = [];
  sink.pendingBytes = 0;
  if (!sink.stream.write(block)) await once(sink.stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

export async function writeNdjson(records: Iterable<ExchangeRecord>, dir: string, options: WriteOptions = {}): Promise<WriteResult> {
  await mkdir(dir, { recursive: true });
  const files = {} as Record<RecordKind, string>;
  const counts = {} as Record<RecordKind, number>;
  const sinks = new Map<RecordKind, Sink>();
  for (const kind of RECORD_KIND_ORDER) {
    files[kind] = `${kind}.ndjson`;
    counts[kind] = 0;
    sinks.set(kind, { stream: createWriteStream(path.join(dir, files[kind]), { flags: 'w', encoding: 'utf8' }), pending: [], pendingBytes: 0 });
  }
  const every = options.progressEvery ?? 500_000;
  let total = 0;
  try {
    for (const record of records) {
      const sink = sinks.get(record.kind);
      if (!sink) throw new Error(`record of unknown kind ${String(record.kind)}`);
      const line = `${JSON.stringify(record)}\n`;
      sink.pending.push(line);
      // Byte count is approximate (UTF-16 length); it only decides when to flush.
      sink.pendingBytes += line.length;
      counts[record.kind]++;
      total++;
      if (sink.pendingBytes >= BLOCK_BYTES) await flush(sink);
      if (options.onProgress && total % every === 0) options.onProgress(total);
    }
    for (const sink of sinks.values()) await flush(sink);
  } finally {
    await Promise.all([...sinks.values()].map((s) => close(s.stream)));
  }
  const manifest = { format: 'clew-exchange/1', ...options.manifest, files, counts, total };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, files, counts, total };
}
