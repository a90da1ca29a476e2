import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPlain } from '../../server/src/db/neo4j-values.js';
import { importRecords } from '../../server/src/ingest/import-records.js';
import { runImportJob } from '../../server/src/ingest/run-import-job.js';
import { postExport, unzip } from '../helpers/export-http.js';
import { deleteJobs, residentId } from '../helpers/ingest-fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The CSV export imports again through Clew's own importer and gives the same nodes,
 * relationships and properties. A small county of this test's own (ids under a random
 * tag, so the shared seed county is untouched) is imported, a selection of it exported as
 * CSV, deleted, and the CSV imported with runImportJob (what `npm run import` and
 * POST /imports run); the graph read back equals the graph exported, bookkeeping aside.
 */
const tag = `XC${randomBytes(3).toString('hex').toUpperCase()}`;
const region = `99${String(randomBytes(2).readUInt16BE(0) % 10000).padStart(4, '0')}`;
const phone = (n: number) => `170${String(randomBytes(3).readUIntBE(0, 3) % 100000).padStart(5, '0')}${n}${n}${n}`;
const [PHONE1, PHONE2] = [phone(1), phone(2)];
const PLATE = `苏Z${tag.slice(-5)}`;
const id = (s: string) => `${tag}-${s}`;
const SOURCE = { source: 'export-test', sourceId: 'r' };

const RECORDS = [
  { kind: 'region', code: region, name: '测试区', ...SOURCE },
  { kind: 'station', id: id('S'), name: '测试派出所', region, ...SOURCE },
  { kind: 'location', id: id('H'), type: 'HOTEL', name: '测试宾馆', lat: 32.93, lon: 119.85, region, town: '新城', station: id('S'), address: '测试路1号', ...SOURCE },
  { kind: 'location', id: id('C'), type: 'INTERNET_CAFE', name: '测试网吧', lat: 32.94, lon: 119.86, station: id('S'), ...SOURCE },
  { kind: 'location', id: id('K'), type: 'CHECKPOINT', name: '测试卡口', lat: 32.95, lon: 119.87, station: id('S'), ...SOURCE },
  { kind: 'person', id: id('P1'), name: '甲某', idNumber: residentId('1980-02-03', 11), gender: 'M', origin: '321281', residence: '测试路2号', phones: [PHONE1], plates: [PLATE], employment: 'UNEMPLOYED', tags: ['FUGITIVE'], ...SOURCE, sourceId: 'p1' },
  { kind: 'person', id: id('P2'), name: '乙某', idNumber: residentId('1985-06-07', 12), gender: 'F', phones: [PHONE2], ...SOURCE, sourceId: 'p2' },
  { kind: 'person', id: id('P3'), name: '丙某', employment: 'EMPLOYED', ...SOURCE, sourceId: 'p3' },
  { kind: 'relation', from: id('P1'), to: id('P2'), type: 'FAMILY', since: '2010-05-01', ...SOURCE },
  { kind: 'relation', from: id('P1'), to: id('P3'), type: 'OLD_RELATION', weight: 0.8, note: '老关系; 常联系', ...SOURCE },
  { kind: 'stay', person: id('P2'), location: id('H'), checkIn: '2026-08-10T20:15:00+08:00', checkOut: '2026-08-11T08:00:00+08:00', room: '203', ...SOURCE, sourceId: 'stay-1' },
  { kind: 'login', person: id('P3'), location: id('C'), at: '2026-08-10T14:40:00+08:00', until: '2026-08-10T16:00:00+08:00', ...SOURCE },
  { kind: 'pass', plate: PLATE, location: id('K'), at: '2026-08-09T09:30:00+08:00', direction: '北向南', ...SOURCE },
  { kind: 'call', from: PHONE1, to: PHONE2, at: '2026-08-09T21:00:00+08:00', seconds: 95, ...SOURCE },
  { kind: 'case', id: id('CASE'), type: 'FRAUD', title: '测试诈骗案', status: 'OPEN', occurredFrom: '2026-05-28T18:00:00+08:00', mo: ['合伙经营', '虚构项目'], offenders: 1, location: id('H'), agency: '测试公安局', description: '以"合伙"为名, 骗取现金', ...SOURCE },
  { kind: 'involvement', person: id('P1'), case: id('CASE'), role: 'SUSPECT', note: '主要嫌疑人', ...SOURCE },
];

/** The chart's nodes: everything but the station and region, which the CSV must bring as context. */
const SELECTED = [
  `Person:${id('P1')}`, `Person:${id('P2')}`, `Person:${id('P3')}`,
  `Location:${id('H')}`, `Location:${id('C')}`, `Location:${id('K')}`,
  `Case:${id('CASE')}`, `Phone:${PHONE1}`, `Phone:${PHONE2}`, `Vehicle:${PLATE}`,
];
const CONTEXT = [`Station:${id('S')}`, `Region:${region}`];
const ALL = [...SELECTED, ...CONTEXT];
const BOOKKEEPING = new Set(['ingestedAt', 'importJob', 'importRun', 'rowHash']);

let app: TestApp;
const jobs: string[] = [];

type Snapshot = { nodes: Record<string, Record<string, unknown>>; edges: Record<string, Record<string, unknown>> };

/** The test's part of the graph, read with plain Cypher (not through the export code). */
async function snapshot(): Promise<Snapshot> {
  return app.graph.read(async (tx) => {
    const nodes = await tx.run('UNWIND $ids AS id MATCH (n:Entity {uid: id}) RETURN n.uid AS id, labels(n) AS labels, properties(n) AS p', { ids: ALL });
    const edges = await tx.run('MATCH (a:Entity)-[r]->(b:Entity) WHERE a.uid IN $ids AND b.uid IN $ids RETURN type(r) + ":" + r.key + " " + a.uid + "->" + b.uid AS id, properties(r) AS p', { ids: ALL });
    const clean = (p: unknown) => Object.fromEntries(Object.entries(toPlain(p) as Record<string, unknown>).filter(([k]) => !BOOKKEEPING.has(k)));
    return {
      nodes: Object.fromEntries(nodes.records.map((r) => [r.get('id') as string, { ...clean(r.get('p')), labels: (r.get('labels') as string[]).sort() }])),
      edges: Object.fromEntries(edges.records.map((r) => [r.get('id') as string, clean(r.get('p'))])),
    };
  });
}

async function deleteTestData(): Promise<void> {
  await app.graph.write(async (tx) => {
    await tx.run('UNWIND $ids AS id MATCH (n:Entity {uid: id}) DETACH DELETE n', { ids: ALL });
  });
}

beforeAll(async () => {
  app = await startTestApp();
  const job = `${tag}-setup`;
  jobs.push(job);
  const summary = await importRecords(app.graph, (async function* () {
    for (const [i, raw] of RECORDS.entries()) yield { raw, position: { file: 'export-test', line: i + 1 } };
  })(), { job });
  expect(summary.rejected).toBe(0);
});

afterAll(async () => {
  await deleteTestData().catch(() => undefined);
  await deleteJobs(app.graph, jobs).catch(() => undefined);
  await app?.close();
});

describe('CSV export', () => {
  it('imports again through the importer with the same nodes, relationships and properties', async () => {
    const before = await snapshot();
    expect(Object.keys(before.nodes).sort()).toEqual([...ALL].sort());
    expect(Object.keys(before.edges).length).toBeGreaterThanOrEqual(15);

    const res = await postExport(app.url, '/api/export', { source: { selection: { nodeIds: SELECTED } }, format: 'CSV' }, { authorization: app.authorization });
    expect(res.status, res.body.toString('utf8').slice(0, 300)).toBe(200);
    const files = await unzip(res.body);
    expect([...files.keys()].sort()).toEqual([
      'README.txt',
      'context/region.csv',
      'context/station.csv',
      'edges/call.csv',
      'edges/involvement.csv',
      'edges/login.csv',
      'edges/pass.csv',
      'edges/relation.csv',
      'edges/stay.csv',
      'nodes/case.csv',
      'nodes/location.csv',
      'nodes/person.csv',
    ]);
    const person = files.get('nodes/person.csv')!.toString('utf8');
    expect(person.startsWith('\uFEFFkind,id,name,idNumber')).toBe(true);

    // Named relationships are read by their keys' indexes, the rest by expanding the nodes:
    // the same edges, with the same properties, either way.
    const cytoscape = async (selection: Record<string, unknown>) => {
      const r = await postExport(app.url, '/api/export', { source: { selection }, format: 'CYTOSCAPE_JSON' }, { authorization: app.authorization });
      expect(r.status, r.body.toString('utf8').slice(0, 300)).toBe(200);
      return (JSON.parse(r.body.toString('utf8')) as { elements: { edges: { data: { id: string } }[] } }).elements.edges;
    };
    const expanded = await cytoscape({ nodeIds: SELECTED });
    const named = await cytoscape({ nodeIds: SELECTED, edgeIds: expanded.map((e) => e.data.id) });
    expect(named).toEqual(expanded);
    const some = expanded.filter((_, i) => i % 2 === 0).map((e) => e.data.id);
    expect((await cytoscape({ nodeIds: SELECTED, edgeIds: some })).map((e) => e.data.id)).toEqual(some);

    await deleteTestData();
    expect(Object.keys((await snapshot()).nodes)).toEqual([]);

    const dir = mkdtempSync(path.join(tmpdir(), 'clew-export-csv-'));
    const csvFiles = [...files.keys()].filter((n) => n.endsWith('.csv')).map((name) => {
      const file = path.join(dir, name.replace('/', '-'));
      writeFileSync(file, files.get(name)!);
      return { path: file, label: name };
    });
    const result = await runImportJob(app.graph, { files: csvFiles, principal: 'export-test' });
    rmSync(dir, { recursive: true, force: true });
    jobs.push(result.id);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.summary?.rejected).toBe(0);

    const after = await snapshot();
    expect(Object.keys(after.nodes).sort()).toEqual(Object.keys(before.nodes).sort());
    for (const [uid, props] of Object.entries(before.nodes)) expect(after.nodes[uid], uid).toEqual(props);
    expect(Object.keys(after.edges).sort()).toEqual(Object.keys(before.edges).sort());
    for (const [edge, props] of Object.entries(before.edges)) expect(after.edges[edge], edge).toEqual(props);
  });
});
