import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { RecordKind } from '../record-kinds.js';
import type { ReaderOptions, SourceRecord } from '../source-record.js';
import { kindFromName } from './kind-names.js';
import { spreadsheetCell } from './spreadsheet-cells.js';
import { TableRows } from './table-rows.js';

export interface XlsxOptions extends ReaderOptions {
  /** The kind of a sheet whose name says none and that has no kind column. */
  kind?: RecordKind;
}

/**
 * Streams an Excel workbook (.xlsx) sheet by sheet with ExcelJS's streaming reader: each
 * sheet holds one kind, named by the sheet (`stay`, `住宿登记` …) or by a `kind` column, with
 * a header row. A sheet that holds no known kind (a cover sheet, notes, a pivot) is skipped
 * and reported as a notice, not an error.
 */
export async function* readXlsxFile(file: string, options: XlsxOptions = {}): AsyncGenerator<SourceRecord> {
  const label = options.label ?? file;
  const bytes = createReadStream(file);
  if (options.onBytes) bytes.on('data', (chunk) => options.onBytes!(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>) {
    const name = sheet.name;
    let table: TableRows | undefined;
    let skippedRows = 0;
    for await (const row of sheet) {
      const cells = (row.values as unknown[]).slice(1);
      if (cells.every((c) => c === null || c === undefined || c === '')) continue;
      if (!table) {
        table = new TableRows(cells, {
          file: label,
          sheet: name,
          kindFromName: kindFromName(name) ?? options.kind,
          convert: spreadsheetCell,
          ...(options.onNotice ? { onNotice: options.onNotice } : {}),
        });
        continue;
      }
      if (!table.kindKnown) {
        skippedRows++;
        continue;
      }
      const { raw, problem } = table.record(cells, false);
      yield { raw, position: { file: label, sheet: name, row: row.number }, ...(problem ? { problem } : {}) };
    }
    if (table && !table.kindKnown) {
      options.onNotice?.({
        file: label,
        sheet: name,
        message: `sheet "${name}" names no record kind and has no kind column; its ${skippedRows} rows were not imported`,
        messageZh: `工作表 "${name}" 的名称不对应任何记录类型，也没有 kind 列；其中 ${skippedRows} 行未导入`,
      });
    }
  }
}
