import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import type { SourceRecord } from './import-records.js';

/**
 * Streams an NDJSON file as records with their line numbers. A line that is not JSON is
 * passed on as a string so that the importer reports it as a rejected line and goes on.
 */
export async function* readNdjsonFile(file: string, label = file): AsyncGenerator<SourceRecord> {
  const lines = readline.createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(trimmed);
    } catch {
      raw = trimmed;
    }
    yield { raw, position: { file: label, line } };
  }
}
