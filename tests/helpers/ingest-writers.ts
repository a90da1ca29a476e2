import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { KIND_FIELDS, PROVENANCE_FIELDS } from '../../server/src/ingest/formats/kind-names.js';
import { RECORD_KINDS, type RecordKind } from '../../server/src/ingest/record-kinds.js';

type Rec = Record<string, unknown> & { kind: string };

const columnsOf = (kind: RecordKind) => [...KIND_FIELDS[kind], ...PROVENANCE_FIELDS];
const cell = (v: unknown) => (Array.isArray(v) ? v.join(';') : v === undefined || v === null ? '' : v);

/** The same records as one CSV file per kind (<kind>.csv, header row, lists joined by ";"). */
export async function writeCsvPerKind(records: readonly Rec[], dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const kind of RECORD_KINDS) {
    const rows = records.filter((r) => r.kind === kind);
    if (rows.length === 0) continue;
    const file = path.join(dir, `${kind}.csv`);
    const out = createWriteStream(file);
    const columns = columnsOf(kind);
    out.write(stringify([columns]));
    for (const r of rows) if (!out.write(stringify([columns.map((c) => cell(r[c]))]))) await once(out, 'drain');
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    files.push(file);
  }
  return files;
}

/** The same records as one workbook, one sheet per kind, written by ExcelJS's streaming writer. */
export async function writeXlsxPerKind(records: readonly Rec[], file: string): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  for (const kind of RECORD_KINDS) {
    const rows = records.filter((r) => r.kind === kind);
    if (rows.length === 0) continue;
    const sheet = wb.addWorksheet(kind);
    const columns = columnsOf(kind);
    sheet.addRow(columns).commit();
    for (const r of rows) sheet.addRow(columns.map((c) => cell(r[c]))).commit();
    sheet.commit();
  }
  await wb.commit();
  return file;
}
