import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvFile } from '../../server/src/ingest/formats/csv-source.js';
import { formatOf, inDependencyOrder } from '../../server/src/ingest/formats/import-files.js';
import { kindFromName } from '../../server/src/ingest/formats/kind-names.js';
import { readXlsxFile } from '../../server/src/ingest/formats/xlsx-source.js';
import { readNdjsonFile } from '../../server/src/ingest/ndjson-source.js';
import type { SourceNotice, SourceRecord } from '../../server/src/ingest/source-record.js';
import { detectEncoding, parseEncodingName } from '../../server/src/ingest/text-encoding.js';
import { ingestFixture, type IngestFixture } from '../helpers/ingest-fixtures.js';

let fx: IngestFixture;
beforeAll(async () => {
  fx = await ingestFixture('UT');
});
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(fx.dir, { recursive: true, force: true });
});

async function all(records: AsyncIterable<SourceRecord | readonly SourceRecord[]>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of records) out.push(...(Array.isArray(r) ? r : [r as SourceRecord]));
  return out;
}

const PERSONS_CSV = 'id,name,phones,tags\nP-1,王某,13800000001;13800000002,DRUG_USER\nP-2,张某,,\n';

describe('encoding detection', () => {
  it('tells UTF-8 with and without BOM, GB18030 and UTF-16 apart', async () => {
    expect(await detectEncoding(await fx.file('a.csv', PERSONS_CSV))).toMatchObject({ encoding: 'UTF-8', bom: false });
    expect(await detectEncoding(await fx.file('b.csv', `\uFEFF${PERSONS_CSV}`))).toMatchObject({ encoding: 'UTF-8', bom: true });
    expect(await detectEncoding(await fx.file('c.csv', iconv.encode(PERSONS_CSV, 'gb18030')))).toMatchObject({ encoding: 'GB18030' });
    expect(await detectEncoding(await fx.file('d.csv', iconv.encode(PERSONS_CSV, 'utf-16le', { addBOM: true })))).toMatchObject({ encoding: 'UTF-16LE', bom: true });
  });

  it('reads encoding names callers write', () => {
    expect(parseEncodingName('gbk')).toBe('GB18030');
    expect(parseEncodingName('utf8')).toBe('UTF-8');
    expect(parseEncodingName('latin1')).toBeUndefined();
  });
});

describe('NDJSON', () => {
  it('reports bad lines with their numbers and reads on', async () => {
    const file = await fx.file('mixed.ndjson', Buffer.concat([
      Buffer.from('{"kind":"region","code":"321281","name":"兴化市","parent":"321200","source":"泰州市民政局行政区划代码表二〇二六年版"}\n\nnot json\n'),
      iconv.encode('{"kind":"region","code":"321282","name":"戴南镇"}\n', 'gb18030'),
      Buffer.from('{"kind":"region","code":"321283","na'),
    ]));
    const records = await all(readNdjsonFile(file, 'mixed.ndjson'));
    expect(records.map((r) => [r.position.line, r.problem?.rule ?? 'ok'])).toEqual([
      [1, 'ok'],
      [3, 'not-json'],
      [4, 'encoding'],
      [5, 'cut-short'],
    ]);
  });

  it('skips a line longer than the limit without holding it', async () => {
    const file = await fx.file('long.ndjson', `{"kind":"region","code":"1","name":"${'x'.repeat(5000)}"}\n{"kind":"region","code":"2","name":"y"}\n`);
    const records = await all(readNdjsonFile(file, 'long.ndjson', { maxLineChars: 1000 }));
    expect(records[0]!.problem).toMatchObject({ rule: 'too-long' });
    expect(records[1]!.raw).toMatchObject({ code: '2' });
  });
});

describe('CSV', () => {
  it('takes the kind from the file name, lists separated by ";", GB18030 decoded', async () => {
    const notices: SourceNotice[] = [];
    const file = await fx.file('persons-2026-03-27.csv', iconv.encode(PERSONS_CSV.replace('tags', 'tags,remark'), 'gb18030'));
    const records = await all(readCsvFile(file, { label: 'persons-2026-03-27.csv', onNotice: (n) => notices.push(n) }));
    expect(records.map((r) => r.raw)).toEqual([
      { kind: 'person', id: 'P-1', name: '王某', phones: '13800000001;13800000002', tags: 'DRUG_USER' },
      { kind: 'person', id: 'P-2', name: '张某' },
    ]);
    expect(records[0]!.position).toEqual({ file: 'persons-2026-03-27.csv', line: 2 });
    expect(notices.map((n) => n.message).join(' | ')).toMatch(/GB18030.*\| ignored columns .*remark/);
    expect(notices.map((n) => n.messageZh).join(' | ')).toMatch(/按 GB18030 读取.*\| 忽略了不属于交换格式字段的列：.*remark/);
  });

  it('rejects rows of the wrong width, an unclosed quote and a row cut short at the end', async () => {
    const file = await fx.file('stay.csv', 'person,location,checkIn\nP-1,H-1,2026-03-27T10:00:00\nP-2,H-1\nP-3,H-1,2026-03-27T11:00:00,extra\nP-4,H-1,"2026-03-27');
    const records = await all(readCsvFile(file, { label: 'stay.csv' }));
    expect(records.map((r) => [r.position.line, r.problem?.rule ?? 'ok'])).toEqual([
      [2, 'ok'],
      [3, 'columns'],
      [4, 'columns'],
      [5, 'cut-short'],
    ]);
  });

  it('uses a kind column when there is one and reads TSV', async () => {
    const file = await fx.file('export.tsv', 'kind\tid\tname\nstation\tS-1\t新城派出所\n');
    const [r] = await all(readCsvFile(file, { label: 'export.tsv' }));
    expect(r!.raw).toEqual({ kind: 'station', id: 'S-1', name: '新城派出所' });
  });
});

describe('XLSX', () => {
  it('reads one kind per sheet, dates as wall-clock time, and skips a sheet of no kind with a notice', async () => {
    const wb = new ExcelJS.Workbook();
    const persons = wb.addWorksheet('person');
    persons.addRow(['id', 'name', 'birthDate', 'phones']);
    persons.addRow(['P-1', '王某', new Date(Date.UTC(1980, 4, 6)), 13800000001]);
    const stays = wb.addWorksheet('住宿登记');
    stays.addRow(['person', 'location', 'checkIn']);
    stays.addRow(['P-1', 'H-1', new Date(Date.UTC(2026, 2, 27, 21, 40))]);
    const notes = wb.addWorksheet('说明');
    notes.addRow(['本表由旅馆业治安管理系统导出']);
    const file = `${fx.dir}/county.xlsx`;
    await wb.xlsx.writeFile(file);

    const notices: SourceNotice[] = [];
    const records = await all(readXlsxFile(file, { label: 'county.xlsx', onNotice: (n) => notices.push(n) }));
    expect(records.map((r) => [r.position.sheet, r.position.row, r.raw])).toEqual([
      ['person', 2, { kind: 'person', id: 'P-1', name: '王某', birthDate: '1980-05-06', phones: 13800000001 }],
      ['住宿登记', 2, { kind: 'stay', person: 'P-1', location: 'H-1', checkIn: '2026-03-27T21:40:00' }],
    ]);
    expect(notices).toEqual([{ file: 'county.xlsx', sheet: '说明', message: expect.stringContaining('names no record kind'), messageZh: expect.stringContaining('其中 ') }]);
    expect(await formatOf({ path: file, label: 'upload' })).toBe('xlsx');
  });
});

describe('file names', () => {
  it('name the kind in English or Chinese', () => {
    expect(kindFromName('stays.csv')).toBe('stay');
    expect(kindFromName('hotel_stay_20260327.csv')).toBe('stay');
    expect(kindFromName('/x/passes.csv')).toBe('pass');
    expect(kindFromName('旅馆住宿登记.csv')).toBe('stay');
    expect(kindFromName('卡口过车.csv')).toBe('pass');
    expect(kindFromName('export.csv')).toBeUndefined();
  });

  it('put one-kind files in dependency order after files of many kinds', () => {
    const order = inDependencyOrder([{ path: 'a', label: 'stay.csv' }, { path: 'b', label: 'person.csv' }, { path: 'c', label: 'all.ndjson' }, { path: 'd', label: 'region.csv' }]);
    expect(order.map((f) => f.label)).toEqual(['all.ndjson', 'region.csv', 'person.csv', 'stay.csv']);
  });
});
