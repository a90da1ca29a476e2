import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import { RECORD_KINDS, type RecordKind } from '../../ingest/record-kinds.js';
import type { ExportDocument } from '../export-types.js';
import { columnsFor, edgeRecord, nodeRecord, type CsvRecord } from './csv-records.js';
import { provenanceEntries } from './provenance-entries.js';

/** Excel opens UTF-8 CSV with Chinese text correctly only when it starts with a BOM; the importer skips it. */
const BOM = '\uFEFF';

/**
 * The subgraph as CSV files in a zip, one file per record kind of the exchange format:
 * entities under nodes/, relationships under edges/, and under context/ the records the
 * subgraph's records refer to but that are not on the chart (see csv-records.ts). Each
 * file has a header row and a `kind` column, so every file imports on its own too.
 */
export function csvZip(doc: ExportDocument, mtime: Date): Readable {
  const groups = new Map<string, CsvRecord[]>();
  const add = (folder: string, record: CsvRecord | null) => {
    if (!record) return;
    const name = `${folder}/${record.kind}.csv`;
    const list = groups.get(name);
    if (list) list.push(record);
    else groups.set(name, [record]);
  };
  for (const n of doc.subgraph.nodes) add('nodes', nodeRecord(n));
  for (const e of doc.subgraph.edges) add('edges', edgeRecord(e));
  for (const n of doc.context) add('context', nodeRecord(n));

  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(readme(doc, groups), 'utf8'), 'README.txt', { mtime });
  // Dependency order (regions before stations …) so a reader sees the same order the importer writes.
  const order = (name: string) => RECORD_KINDS.indexOf(name.slice(name.indexOf('/') + 1, -4) as RecordKind);
  for (const [name, records] of [...groups.entries()].sort(([a], [b]) => a.split('/')[0]!.localeCompare(b.split('/')[0]!) || order(a) - order(b))) {
    zip.addReadStream(Readable.from(csvText(records)), name, { mtime });
  }
  zip.end();
  return zip.outputStream as Readable;
}

function* csvText(records: CsvRecord[]): Generator<string> {
  const columns = columnsFor(records[0]!.kind);
  yield BOM + stringify([columns]);
  for (let i = 0; i < records.length; i += 1000) {
    yield stringify(records.slice(i, i + 1000).map((r) => columns.map((c) => r.cells[c] ?? '')));
  }
}

function readme(doc: ExportDocument, groups: Map<string, CsvRecord[]>): string {
  const files = [...groups.entries()].map(([name, rows]) => `  ${name}: ${rows.length} rows`).join('\n');
  return [
    `${doc.title}`,
    '',
    'Clew exchange-format CSV (UTF-8 with BOM, one file per record kind, header row, a "kind" column).',
    'nodes/ holds the entities on the chart, edges/ the relationships, context/ records the chart\'s',
    'records refer to (a location\'s police station, a case\'s place …) so that the files import again',
    'on their own: npm run import -- nodes/*.csv edges/*.csv context/*.csv',
    'Phone and vehicle nodes and the links USES_PHONE, OWNS_VEHICLE, OCCURRED_AT, COVERED_BY, IN_REGION',
    'and PART_OF are not rows of their own: the importer makes them from the columns phones, plates,',
    'location, station, region and parent. Lists are separated by ";". Times carry their UTC offset.',
    doc.masked ? 'Resident ID and phone numbers are MASKED in this export; masked rows will not import.' : '',
    '',
    files,
    '',
    ...provenanceEntries(doc).map(([k, v]) => `${k}: ${v}`),
    '',
  ].join('\n');
}
