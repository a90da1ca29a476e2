import { open } from 'node:fs/promises';
import path from 'node:path';
import { parse, type CsvError } from 'csv-parse';
import type { FieldProblem } from '../field-reader.js';
import type { ReaderOptions, SourceRecord } from '../source-record.js';
import { REPLACEMENT_CHARACTER, detectEncoding, openDecoded, readAs, type TextEncodingName } from '../text-encoding.js';
import { kindFromName } from './kind-names.js';
import { TableRows } from './table-rows.js';
import type { RecordKind } from '../record-kinds.js';

export interface CsvOptions extends ReaderOptions {
  encoding?: TextEncodingName;
  /** The kind of every row, when neither a `kind` column nor the file name says it. */
  kind?: RecordKind;
  /** A record longer than this (characters) is rejected; the parser holds no more. */
  maxRecordChars?: number;
}

/**
 * Streams a CSV file (TSV when it is named .tsv) with a header row as exchange-format
 * records; csv-parse does the parsing. A malformed row (an unclosed quote, a row with the
 * wrong number of values, a record cut short at the end of the file) is reported with its
 * line and the rest of the file is read.
 */
export async function* readCsvFile(file: string, options: CsvOptions = {}): AsyncGenerator<SourceRecord> {
  const label = options.label ?? file;
  const detected = options.encoding ? undefined : await detectEncoding(file);
  const encoding = options.encoding ?? detected!.encoding;
  if (detected && (detected.encoding !== 'UTF-8' || detected.bom)) options.onNotice?.(readAs(label, encoding, detected));
  const endsWithNewline = await lastByteIsNewline(file);
  const skipped: SourceRecord[] = [];
  const parser = openDecoded(file, encoding, options.onBytes).pipe(
    parse({
      delimiter: path.extname(file).toLowerCase() === '.tsv' || path.extname(label).toLowerCase() === '.tsv' ? '\t' : ',',
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: options.maxRecordChars ?? 64 * 1024 * 1024,
    }),
  );
  parser.on('skip', (err: CsvError) => {
    const line = Number(err.lines ?? 0) || undefined;
    skipped.push({ raw: null, position: { file: label, ...(line ? { line } : {}) }, problem: csvProblem(err) });
  });

  let table: TableRows | undefined;
  let held: SourceRecord | undefined;
  const fileKind = options.kind ?? kindFromName(label);
  const flushSkipped = () => skipped.splice(0).map((r) => (fileKind ? { ...r, raw: { kind: fileKind } } : r));
  for await (const { info, record } of parser as AsyncIterable<{ info: { lines: number }; record: string[] }>) {
    if (!table) {
      yield* flushSkipped();
      table = new TableRows(record, { file: label, kindFromName: fileKind, ...(options.onNotice ? { onNotice: options.onNotice } : {}) });
      continue;
    }
    if (held) yield held;
    yield* flushSkipped();
    const { raw, problem } = table.record(record, true);
    const garbled = record.some((cell) => cell.includes(REPLACEMENT_CHARACTER));
    const encodingProblem: FieldProblem | undefined = garbled ? { field: '(row)', reason: `holds bytes that are not valid ${encoding} text`, reasonZh: `含有不是有效 ${encoding} 文本的字节`, rule: 'encoding' } : undefined;
    held = { raw, position: { file: label, line: info.lines }, ...(encodingProblem ?? problem ? { problem: encodingProblem ?? problem } : {}) };
  }
  if (held) {
    // A last row with too few values and no line break after it was cut off mid-write.
    if (!endsWithNewline && skipped.length === 0 && held.problem?.rule === 'columns') {
      held.problem = { field: '(row)', reason: 'is cut short: the file ends in the middle of this row', reasonZh: '不完整：文件在这一行中间结束', rule: 'cut-short' };
    }
    yield held;
  }
  yield* flushSkipped();
}

function csvProblem(err: CsvError): FieldProblem {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { field: '(row)', reason: 'has a quote that is never closed (the file may be cut short)', reasonZh: '有引号没有闭合（文件可能不完整）', rule: 'cut-short' };
    case 'CSV_MAX_RECORD_SIZE':
      return { field: '(row)', reason: 'is longer than the importer reads in one record', reasonZh: '超过了导入程序单条记录的读取上限', rule: 'too-long' };
    default:
      return { field: '(row)', reason: `is not well-formed CSV: ${err.message.slice(0, 160)}`, reasonZh: `不是格式正确的 CSV：${err.message.slice(0, 160)}`, rule: 'malformed' };
  }
}

async function lastByteIsNewline(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, size - 1);
    return byte[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
