import type { FieldProblem } from './field-reader.js';

/** Where a record came from, for the rejection report: a file's line, or a sheet's row. */
export interface RecordPosition {
  file: string;
  line?: number;
  sheet?: string;
  row?: number;
}

/**
 * One record as a reader found it. `problem` is set when the reader already knows the
 * record cannot be read (not JSON, bytes not valid in the file's encoding, a cut-short
 * line); the importer then rejects it without looking further.
 */
export interface SourceRecord {
  raw: unknown;
  position: RecordPosition;
  problem?: FieldProblem;
}

/**
 * What an importer reads: records one at a time, or a chunk of them at a time. A chunk
 * costs one await where single records cost one each, through every generator between
 * the file and the importer, which was more than reading the record (NDJSON hands on
 * every line of a chunk read from disk at once).
 */
export type RecordStream = AsyncIterable<SourceRecord | readonly SourceRecord[]>;

/** Something about a whole file or sheet (its encoding, an ignored column, a skipped sheet). */
export interface SourceNotice {
  file: string;
  sheet?: string;
  message: string;
  messageZh: string;
}

export interface ReaderOptions {
  /** Shown in positions instead of the file's path (an upload's original name). */
  label?: string;
  onNotice?: (notice: SourceNotice) => void;
  /** Told how many bytes of the file were read, for progress and ETA. */
  onBytes?: (n: number) => void;
}
