import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';
import type { ImportFile } from '../../server/src/ingest/formats/import-files.js';
import { findJob, rejectionPage, type StoredRejection } from '../../server/src/ingest/import-jobs.js';
import { rejectionReportCsv } from '../../server/src/ingest/rejection-report.js';
import { runImportJob, type ImportJobResult } from '../../server/src/ingest/run-import-job.js';
import { countWhere, deleteJobs, ingestFixture, ndjson, residentId, type IngestFixture } from '../helpers/ingest-fixtures.js';

/**
 * Real bad files, each through the whole import job (readers, validation, the database):
 * each gets its documented result (docs/ingest.md) and the good rows beside it are imported.
 */
let graph: Graph;
let fx: IngestFixture;
const jobs: string[] = [];
let P: string;

async function run(files: (string | ImportFile)[]): Promise<ImportJobResult & { rejections: StoredRejection[] }> {
  const list = files.map((f) => (typeof f === 'string' ? { path: f, label: f.split('/').pop()! } : f));
  const result = await runImportJob(graph, { files: list, principal: 'integration-test', source: `${P}sys`, batchSize: 50 });
  jobs.push(result.id);
  expect(result.error).toBeNull();
  const rejections = await graph.read((tx) => rejectionPage(tx, result.id, -1, 1000));
  return { ...result, rejections };
}

const where = (r: StoredRejection) => [r.line ?? r.row ?? null, r.field, r.rule];
const persons = (ids: string[]) => countWhere(graph, 'MATCH (p:Person) WHERE p.id IN $ids RETURN count(p)', { ids });
const stays = (prefix: string) => countWhere(graph, 'MATCH (:Person)-[s:STAYED_AT]->() WHERE s.key STARTS WITH $prefix RETURN count(s)', { prefix });

beforeAll(async () => {
  graph = await openGraph(loadConfig());
  fx = await ingestFixture('BF');
  P = fx.prefix;
  expect(await countWhere(graph, "MATCH (r:Region {code: '321281'}) RETURN count(r)", {})).toBe(1);
  const base = await run([
    await fx.file(
      'base.ndjson',
      ndjson([
        { kind: 'station', id: `${P}S`, name: '测试派出所', region: '321281' },
        { kind: 'location', id: `${P}H1`, type: 'HOTEL', name: '测试旅社', lat: 32.93, lon: 119.85, station: `${P}S` },
        { kind: 'person', id: `${P}P1`, name: '测试甲' },
      ]),
    ),
  ]);
  expect(base.summary).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
});

afterAll(async () => {
  await fx?.cleanup(graph);
  await deleteJobs(graph, jobs);
  await graph?.close();
});

describe('importing real bad files', () => {
  it('reads a GB18030 (GBK) CSV that says nothing of its encoding', async () => {
    const csv = `id,name,residence\n${P}G1,王某,兴化市新城镇\n${P}G2,高某,戴南镇\n`;
    const r = await run([await fx.file('人员.csv', iconv.encode(csv, 'gb18030'))]);
    expect(r.summary).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(r.notices.join('\n')).toMatch(/人员\.csv: read as GB18030/);
    expect(r.noticesZh.join('\n')).toMatch(/人员\.csv：按 GB18030 读取：不是 UTF-8/);
    const names = await graph.read(async (tx) => (await tx.run('MATCH (p:Person) WHERE p.id IN $ids RETURN p.name AS n ORDER BY p.id', { ids: [`${P}G1`, `${P}G2`] })).records.map((x) => x.get('n')));
    expect(names).toEqual(['王某', '高某']);
  });

  it('reads UTF-8 with a byte-order mark (NDJSON and CSV) as if it had none', async () => {
    const r = await run([
      await fx.file('bom.ndjson', `\uFEFF${ndjson([{ kind: 'person', id: `${P}B1`, name: '甲' }])}`),
      await fx.file('bom-person.csv', `\uFEFFid,name\n${P}B2,乙\n`),
    ]);
    expect(r.summary).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(await persons([`${P}B1`, `${P}B2`])).toBe(2);
  });

  it('rejects malformed lines and rows with their line numbers and imports the rest', async () => {
    const lines = [JSON.stringify({ kind: 'person', id: `${P}M1`, name: '甲' }), '{"kind":"person","id":', '[1,2,3]', JSON.stringify({ kind: 'person', id: `${P}M2`, name: '乙' })];
    const r = await run([
      await fx.file('malformed.ndjson', `${lines.join('\n')}\n`),
      await fx.file('malformed-person.csv', `id,name\n${P}M3,丙\n${P}M4,丁,extra\n"${P}M5,戊\n`),
    ]);
    expect(r.summary).toMatchObject({ read: 7, accepted: 3, rejected: 4 });
    expect(r.rejections.map((x) => [x.file, ...where(x)])).toEqual([
      ['malformed.ndjson', 2, '(line)', 'not-json'],
      ['malformed.ndjson', 3, 'kind', 'not-json'],
      ['malformed-person.csv', 3, '(row)', 'columns'],
      ['malformed-person.csv', 4, '(row)', 'cut-short'],
    ]);
    expect(await persons([`${P}M1`, `${P}M2`, `${P}M3`])).toBe(3);
  });

  it('rejects invalid resident IDs naming the field and the broken rule', async () => {
    const good = residentId('1985-07-01', 11);
    const badCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const r = await run([
      await fx.file(
        'ids.ndjson',
        ndjson([
          { kind: 'person', id: `${P}I1`, name: '甲', idNumber: good, birthDate: '1985-07-01' },
          { kind: 'person', id: `${P}I2`, name: '乙', idNumber: badCheck },
          { kind: 'person', id: `${P}I3`, name: '丙', idNumber: '32128119851301001X' },
          { kind: 'person', id: `${P}I4`, name: '丁', idNumber: good, birthDate: '1985-07-02' },
          { kind: 'person', id: `${P}I5`, name: '戊', idNumber: '3212811985' },
        ]),
      ),
    ]);
    expect(r.summary).toMatchObject({ read: 5, accepted: 1, rejected: 4 });
    expect(r.rejections.map(where)).toEqual([
      [2, 'idNumber', 'resident-id'],
      [3, 'idNumber', 'resident-id'],
      [4, 'birthDate', 'birth-date'],
      [5, 'idNumber', 'resident-id'],
    ]);
    expect(r.rejections[0]!.reason).toMatch(/check character/);
  });

  it('rejects references to records that exist neither in the database nor in the import', async () => {
    const r = await run([
      await fx.file(
        'refs.ndjson',
        ndjson([
          { kind: 'stay', person: `${P}P1`, location: `${P}H1`, checkIn: '2026-03-27T21:40:00' },
          { kind: 'stay', person: `${P}NOBODY`, location: `${P}H1`, checkIn: '2026-03-27T21:41:00' },
          { kind: 'stay', person: `${P}P1`, location: `${P}NOWHERE`, checkIn: '2026-03-27T21:42:00' },
          { kind: 'relation', from: `${P}P1`, to: `${P}NOBODY`, type: 'ASSOCIATE' },
        ]),
      ),
    ]);
    expect(r.summary).toMatchObject({ read: 4, accepted: 1, rejected: 3 });
    expect(r.rejections.map(where)).toEqual([
      [2, 'person', 'reference'],
      [3, 'location', 'reference'],
      [4, 'to', 'reference'],
    ]);
    expect(r.rejections[0]!.reason).toContain(`"${P}NOBODY"`);
    expect(await stays(`${P}P1|`)).toBe(1);
  });

  it('takes records in any order: stays before the persons they name', async () => {
    const r = await run([
      await fx.file(
        'reversed.ndjson',
        ndjson([
          { kind: 'stay', person: `${P}R1`, location: `${P}H1`, checkIn: '2026-03-28T10:00:00' },
          { kind: 'relation', from: `${P}R1`, to: `${P}R2`, type: 'FAMILY' },
          { kind: 'person', id: `${P}R1`, name: '甲' },
          { kind: 'person', id: `${P}R2`, name: '乙' },
        ]),
      ),
    ]);
    expect(r.summary).toMatchObject({ read: 4, accepted: 4, rejected: 0 });
    expect(await stays(`${P}R1|`)).toBe(1);
  });

  it('rejects a last line cut short (NDJSON and CSV) and keeps the lines before it', async () => {
    const r = await run([
      await fx.file('cut.ndjson', `${JSON.stringify({ kind: 'person', id: `${P}T1`, name: '甲' })}\n{"kind":"person","id":"${P}T2","na`),
      await fx.file('cut-person.csv', `id,name,residence\n${P}T3,乙,兴化\n${P}T4,丙`),
    ]);
    expect(r.summary).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
    expect(r.rejections.map((x) => [x.file, ...where(x)])).toEqual([
      ['cut.ndjson', 2, '(line)', 'cut-short'],
      ['cut-person.csv', 3, '(row)', 'cut-short'],
    ]);
  });

  it('finishes an empty file and a header-only CSV with nothing read and a notice', async () => {
    const r = await run([await fx.file('empty.ndjson', ''), await fx.file('person.csv', 'id,name\n')]);
    expect(r.status).toBe('SUCCEEDED');
    expect(r.summary).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(r.notices).toEqual(expect.arrayContaining([expect.stringMatching(/empty\.ndjson: holds no records/), expect.stringMatching(/person\.csv: holds no records/)]));
  });

  it('rejects a 10 MB field by its length, in NDJSON and CSV, and imports the records around it', async () => {
    const huge = '案'.repeat(10 * 1024 * 1024 / 3);
    const r = await run([
      await fx.file(
        'huge.ndjson',
        ndjson([
          { kind: 'person', id: `${P}L1`, name: '甲' },
          { kind: 'case', id: `${P}K1`, type: 'THEFT', title: '盗窃', status: 'OPEN', occurredFrom: '2026-03-01T10:00:00', description: huge },
          { kind: 'person', id: `${P}L2`, name: '乙' },
        ]),
      ),
      await fx.file('huge-person.csv', `id,name,residence\n${P}L3,丙,"${huge}"\n${P}L4,丁,兴化\n`),
    ]);
    expect(r.summary).toMatchObject({ read: 5, accepted: 3, rejected: 2 });
    expect(r.rejections.map((x) => [x.file, ...where(x)])).toEqual([
      ['huge.ndjson', 2, 'description', 'too-long'],
      ['huge-person.csv', 2, 'residence', 'too-long'],
    ]);
    expect(await persons([`${P}L1`, `${P}L2`, `${P}L4`])).toBe(3);
  });

  it('imports a workbook with one sheet per kind and reports an extra sheet without failing', async () => {
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet('person');
    p.addRow(['id', 'name', 'idNumber']);
    p.addRow([`${P}X1`, '赵某', residentId('1990-01-02', 3)]);
    // A resident ID typed into Excel as a number: its last digits are already lost (IEEE double).
    p.addRow([`${P}X2`, '钱某', Number('321281199001020039')]);
    const s = wb.addWorksheet('住宿登记');
    s.addRow(['person', 'location', 'checkIn', 'room']);
    s.addRow([`${P}X1`, `${P}H1`, new Date(Date.UTC(2026, 2, 27, 22, 5)), 203]);
    wb.addWorksheet('统计').addRow(['合计', 2]);
    const file = `${fx.dir}/county.xlsx`;
    await wb.xlsx.writeFile(file);

    const r = await run([file]);
    expect(r.status).toBe('SUCCEEDED');
    expect(r.summary).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(r.rejections.map((x) => [x.sheet, x.row, x.field, x.rule])).toEqual([['person', 3, 'idNumber', 'resident-id']]);
    expect(r.notices.join('\n')).toMatch(/county\.xlsx \[统计\]: sheet "统计" names no record kind/);
    expect(r.noticesZh.join('\n')).toMatch(/county\.xlsx \[统计\]：工作表 "统计" 的名称不对应任何记录类型/);
    const checkIn = await graph.read(async (tx) => (await tx.run('MATCH (:Person {id: $id})-[s:STAYED_AT]->() RETURN toString(s.checkIn) AS t', { id: `${P}X1` })).records[0]?.get('t'));
    expect(checkIn).toBe('2026-03-27T22:05:00+08:00');
  });

  it('changes nothing on a second import of the same file and counts copies within a file', async () => {
    const file = await fx.file(
      'twice.ndjson',
      ndjson([
        { kind: 'person', id: `${P}D1`, name: '甲' },
        { kind: 'stay', person: `${P}D1`, location: `${P}H1`, checkIn: '2026-03-29T10:00:00+08:00' },
        { kind: 'stay', person: `${P}D1`, location: `${P}H1`, checkIn: '2026-03-29T10:00:00+08:00' },
      ]),
    );
    const first = await run([file]);
    expect(first.summary).toMatchObject({ read: 3, accepted: 2, duplicates: 1, unchanged: 0 });
    // A second copy is a duplicate when this import wrote the first; on a re-import both are unchanged.
    const second = await run([file]);
    expect(second.summary).toMatchObject({ read: 3, accepted: 0, duplicates: 0, unchanged: 3 });
    const job = await graph.read((tx) => findJob(tx, second.id));
    expect(job).toMatchObject({ status: 'SUCCEEDED', read: 3, accepted: 0, unchanged: 3, duplicates: 0, principal: 'integration-test' });
    expect(await stays(`${P}D1|`)).toBe(1);
  });

  it('offers every rejection as CSV, with the file, line, field and reason', async () => {
    const r = await run([await fx.file('report.ndjson', ndjson([{ kind: 'person', id: `${P}Q1`, gender: 'X' }, { kind: 'spaceship' }]))]);
    let csv = '';
    for await (const chunk of rejectionReportCsv(graph, r.id)) csv += chunk;
    expect(csv.split('\n').filter(Boolean)).toEqual([
      '\uFEFFseq,file,line,sheet,row,kind,source,field,rule,reason,otherProblems',
      `1,report.ndjson,1,,,person,${P}sys,name,required,is required,"gender (vocabulary): ""X"" is not one of M, F"`,
      `2,report.ndjson,2,,,spaceship,${P}sys,kind,vocabulary,"""spaceship"" is not a record kind of the exchange format",`,
    ]);
  });
});
