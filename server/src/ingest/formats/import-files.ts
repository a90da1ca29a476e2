import { open } from 'node:fs/promises';
import path from 'node:path';
import type { FieldProblem } from '../field-reader.js';
import { readNdjsonFile } from '../ndjson-source.js';
import { RECORD_KINDS, type RecordKind } from '../record-kinds.js';
import type { ReaderOptions, SourceRecord } from '../source-record.js';
import type { TextEncodingName } from '../text-encoding.js';
import { readCsvFile } from './csv-source.js';
import { kindFromName } from './kind-names.js';
import { readXlsxFile } from './xlsx-source.js';

export const IMPORT_FORMATS = ['ndjson', 'csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportFile {
  /** Where the bytes are on this machine. */
  path: string;
  /** What reports call it (an upload's original name). */
  label: string;
  format?: ImportFormat;
  /** The kind of every record, for a CSV file or sheet whose name says none. */
  kind?: RecordKind;
  encoding?: TextEncodingName;
}

const EXTENSIONS: Record<string, ImportFormat> = { '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.json': 'ndjson', '.csv': 'csv', '.tsv': 'csv', '.txt': 'csv', '.xlsx': 'xlsx' };

/** The format by extension, else by the first bytes: a zip is a workbook, `{` is NDJSON, the rest CSV. */
export async function formatOf(file: ImportFile): Promise<ImportFormat> {
  if (file.format) return file.format;
  const byName = EXTENSIONS[path.extname(file.label).toLowerCase()] ?? EXTENSIONS[path.extname(file.path).toLowerCase()];
  if (byName) return byName;
  const handle = await open(file.path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead >= 2 && head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
    return head.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'ndjson' : 'csv';
  } finally {
    await handle.close();
  }
}

/**
 * Files of one kind each (CSV named after its kind) go in dependency order, so that records
 * rarely wait for the retry pass; files that hold many kinds go first in the order given.
 */
export function inDependencyOrder(files: readonly ImportFile[]): ImportFile[] {
  const rank = (f: ImportFile) => {
    const kind = f.kind ?? (path.extname(f.label).toLowerCase() === '.xlsx' ? undefined : kindFromName(f.label));
    return kind ? RECORD_KINDS.indexOf(kind) : -1;
  };
  return [...files].sort((a, b) => rank(a) - rank(b));
}

/**
 * Reads every file in turn as records, a chunk at a time. A file that cannot be read at all
 * (a damaged workbook) becomes one rejected record naming the file; an empty file is a notice.
 */
export async function* readImportFiles(files: readonly ImportFile[], options: ReaderOptions = {}): AsyncGenerator<readonly SourceRecord[]> {
  for (const file of files) {
    const format = await formatOf(file);
    const opts = { ...options, label: file.label, ...(file.encoding ? { encoding: file.encoding } : {}), ...(file.kind ? { kind: file.kind } : {}) };
    const records =
      format === 'ndjson' ? readNdjsonFile(file.path, file.label, opts) : inChunks(format === 'csv' ? readCsvFile(file.path, opts) : readXlsxFile(file.path, opts));
    let count = 0;
    try {
      for await (const chunk of records) {
        count += chunk.length;
        yield chunk;
      }
    } catch (e) {
      count++;
      yield [{ raw: null, position: { file: file.label }, problem: unreadable(format, e) }];
    }
    if (count === 0) options.onNotice?.({ file: file.label, message: 'holds no records (the file is empty)', messageZh: '没有记录（文件为空）' });
  }
}

/**
 * Single records gathered into chunks for the importer (the spreadsheet and CSV parsers hand
 * rows one by one). When the parser fails part-way, the records read before go on first.
 */
async function* inChunks(records: AsyncIterable<SourceRecord>, size = 256): AsyncGenerator<SourceRecord[]> {
  let chunk: SourceRecord[] = [];
  try {
    for await (const record of records) {
      chunk.push(record);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  } catch (e) {
    if (chunk.length > 0) yield chunk;
    throw e;
  }
  if (chunk.length > 0) yield chunk;
}

/** A file its parser gave up on part-way: the records read before still go on. */
function unreadable(format: string, e: unknown): FieldProblem {
  const detail = (e as Error).message.slice(0, 200);
  return { field: '(file)', reason: `could not be read as ${format.toUpperCase()}: ${detail}`, reasonZh: `无法按 ${format.toUpperCase()} 读取：${detail}`, rule: 'unreadable' };
}
