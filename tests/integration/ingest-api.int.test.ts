import { readFile } from 'node:fs/promises';
import neo4j from 'neo4j-driver';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishJob, startJob } from '../../server/src/ingest/import-jobs.js';
import { failureReason } from '../../server/src/ingest/job-failure.js';
import { newJobId } from '../../server/src/ingest/run-import-job.js';
import { repoRoot } from '../../server/src/repo-root.js';
import { deleteJobs, ingestFixture, residentId, type IngestFixture } from '../helpers/ingest-fixtures.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The ways in and the resources around an import, over real HTTP with a signed-in analyst:
 * the importRecords mutation, the streaming upload, jobs and their rejection report, the
 * data-quality report, and identity links that an analyst confirms, rejects and undoes.
 */
let t: TestApp;
let fx: IngestFixture;
let P: string;
let SOURCE: string;
const jobs: string[] = [];
/** Jobs of other sources, which the source's job list does not show. */
const otherJobs: string[] = [];

const JOB_FIELDS = 'id status source files principal run read accepted rejected unchanged duplicates progress notices rejectionReportPath startedAt endedAt';

interface Job {
  id: string;
  status: string;
  principal: string;
  read: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  duplicates: number;
  progress: number;
  rejectionReportPath: string;
  rejections?: { seq: number; line: number; field: string; rule: string; reason: string }[];
}

async function importBatch(records: unknown[]): Promise<Job> {
  const res = await t.gql<{ importRecords: Job }>(
    `mutation ($records: [JSON!]!, $source: String) { importRecords(records: $records, source: $source) { ${JOB_FIELDS} rejections { seq line field rule reason } } }`,
    { records, source: SOURCE },
  );
  expect(res.errors).toBeUndefined();
  jobs.push(res.data!.importRecords.id);
  return res.data!.importRecords;
}

async function upload(name: string, body: string, query = '', source = SOURCE): Promise<{ status: number; job: Job }> {
  const res = await fetch(`${t.url}/imports?name=${encodeURIComponent(name)}&source=${source}${query}`, {
    method: 'POST',
    headers: { authorization: t.authorization!, 'content-type': 'text/csv' },
    body,
  });
  const job = (await res.json()) as Job;
  // jobs holds this suite's jobs under SOURCE, in order: the listing test reads them back
  if (job.id) (source === SOURCE ? jobs : otherJobs).push(job.id);
  return { status: res.status, job };
}

beforeAll(async () => {
  t = await startTestApp();
  fx = await ingestFixture('API');
  P = fx.prefix;
  SOURCE = `${P}hotel-registry`;
});

afterAll(async () => {
  await fx?.cleanup(t.graph);
  await deleteJobs(t.graph, [...jobs, ...otherJobs]);
  await t?.close();
});

describe('import jobs through GraphQL and HTTP', () => {
  it('imports a small batch with importRecords and records who ran it', async () => {
    const job = await importBatch([
      { kind: 'station', id: `${P}S`, name: '测试派出所', region: '321281' },
      { kind: 'location', id: `${P}H1`, type: 'HOTEL', name: '测试旅社', lat: 32.93, lon: 119.85, station: `${P}S` },
      { kind: 'person', id: `${P}P1`, name: '测试甲', phones: [fx.phone(1)] },
      { kind: 'stay', person: `${P}P1`, location: `${P}H1`, checkIn: '2026-03-27T21:40:00', room: '203' },
      { kind: 'stay', person: `${P}P1`, location: `${P}NOWHERE`, checkIn: '2026-03-27T22:00:00' },
    ]);
    expect(job).toMatchObject({ status: 'SUCCEEDED', principal: t.user!.username, read: 5, accepted: 4, rejected: 1, unchanged: 0, progress: 1 });
    expect(job.rejections).toEqual([{ seq: 5, line: 5, field: 'location', rule: 'reference', reason: `refers to "${P}NOWHERE", which is neither in the database nor in this import` }]);
    // The workspace asks in Chinese (Accept-Language: zh-CN) and reads the reason in Chinese.
    const inChinese = await t.gql<{ importJob: { rejections: { reason: string }[] } }>(
      `query ($id: ID!) { importJob(id: $id) { rejections { reason } } }`,
      { id: job.id },
      { headers: { 'accept-language': 'zh-CN' } },
    );
    expect(inChinese.data!.importJob.rejections).toEqual([{ reason: `引用的 "${P}NOWHERE" 既不在数据库中，也不在本次导入中` }]);

    const again = await importBatch([{ kind: 'person', id: `${P}P1`, name: '测试甲', phones: [fx.phone(1)] }]);
    expect(again).toMatchObject({ read: 1, accepted: 0, unchanged: 1 });
  });

  it('streams an upload to disk and imports it, answering at once or when done', async () => {
    const csv = `id,name,idNumber\n${P}U1,测试乙,\n${P}U2,测试丙,123\n`;
    const done = await upload('person.csv', csv, '&wait=true');
    expect(done.status).toBe(200);
    expect(done.job).toMatchObject({ status: 'SUCCEEDED', read: 2, accepted: 1, rejected: 1, principal: t.user!.username });
    expect(done.job).not.toHaveProperty('paths');

    const started = await upload('stays.csv', `person,location,checkIn\n${P}U1,${P}H1,2026-03-28T08:00:00\n`);
    expect(started.status).toBe(202);
    let job = started.job;
    for (let i = 0; i < 100 && job.status === 'RUNNING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await t.gql<{ importJob: Job }>(`query ($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id: started.job.id })).data!.importJob;
    }
    expect(job).toMatchObject({ status: 'SUCCEEDED', read: 1, accepted: 1 });

    const report = await fetch(`${t.url}${done.job.rejectionReportPath}`, { headers: { authorization: t.authorization! } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await report.text()).split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`2,person.csv,3,,,person,${SOURCE},idNumber,resident-id,"must be 18 characters, got 3",`);
    const chinese = await fetch(`${t.url}${done.job.rejectionReportPath}`, { headers: { authorization: t.authorization!, 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect((await chinese.text()).split('\n').filter(Boolean)[1]).toBe(`2,person.csv,3,,,person,${SOURCE},idNumber,resident-id,应为 18 位，实际 3 位,`);
  });

  it('reports every problem of a refused record at once, through GraphQL and in the report, in both languages', async () => {
    const csv = `id,name,idNumber,gender,phones\n${P}M1,测试丁,,F,\n${P}M2,,123,X,12;${fx.phone(2)}\n`;
    const done = await upload('persons.csv', csv, '&wait=true', `${P}town-registry`);
    expect(done.job).toMatchObject({ status: 'SUCCEEDED', read: 2, accepted: 1, rejected: 1 });
    const query = `query ($id: ID!) { importJob(id: $id) { rejections { seq line field rule reason otherProblems { field rule reason } } } }`;
    const english = await t.gql<{ importJob: { rejections: unknown[] } }>(query, { id: done.job.id });
    expect(english.data!.importJob.rejections).toEqual([
      {
        seq: 2,
        line: 3,
        field: 'idNumber',
        rule: 'resident-id',
        reason: 'must be 18 characters, got 3',
        otherProblems: [
          { field: 'name', rule: 'required', reason: 'is required' },
          { field: 'gender', rule: 'vocabulary', reason: '"X" is not one of M, F' },
          { field: 'phones', rule: 'format', reason: 'item "12" is not a phone number' },
        ],
      },
    ]);
    const chinese = await t.gql<{ importJob: { rejections: { otherProblems: { reason: string }[] }[] } }>(query, { id: done.job.id }, { headers: { 'accept-language': 'zh-CN' } });
    expect(chinese.data!.importJob.rejections[0]!.otherProblems.map((o) => o.reason)).toEqual(['为必填项，但未填写', '"X" 不在可选值 M、F 之中', '"12" 不是电话号码']);

    const report = await fetch(`${t.url}${done.job.rejectionReportPath}`, { headers: { authorization: t.authorization! } });
    const [header, row, ...rest] = (await report.text()).replace(/^\uFEFF/, '').split('\n').filter(Boolean);
    expect(header).toBe('seq,file,line,sheet,row,kind,source,field,rule,reason,otherProblems');
    expect(row).toBe(
      `2,persons.csv,3,,,person,${P}town-registry,idNumber,resident-id,"must be 18 characters, got 3","name (required): is required | gender (vocabulary): ""X"" is not one of M, F | phones (format): item ""12"" is not a phone number"`,
    );
    expect(rest).toEqual([]);
  });

  it('says why a job failed in the caller\'s language, and that a re-run is safe', async () => {
    // A real failure of the driver: a database that is not there.
    const gone = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'), { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
    const session = gone.session(); // an auto-commit run: no retries
    const error = await session.run('RETURN 1').catch((e: unknown) => e);
    await session.close();
    await gone.close();
    expect((error as { code?: string }).code).toBe('ServiceUnavailable');
    const id = newJobId();
    otherJobs.push(id);
    await startJob(t.graph, { id, source: `${SOURCE}-failed`, files: ['stays.ndjson'], paths: [], formats: ['ndjson'], principal: t.user!.username, options: {}, bytesTotal: 0 });
    const reason = failureReason(error);
    await finishJob(t.graph, id, { status: 'FAILED', counters: { phase: 'writing', read: 0, accepted: 0, rejected: 0, unchanged: 0, duplicates: 0, bytesRead: 0 }, notices: [], noticesZh: [], stats: {}, error: reason.en, errorZh: reason.zh });
    const ask = (lang: string) => t.gql<{ importJob: { status: string; error: string } }>(`query ($id: ID!) { importJob(id: $id) { status error } }`, { id }, { headers: { 'accept-language': lang } });
    const english = (await ask('en')).data!.importJob;
    expect(english.status).toBe('FAILED');
    expect(english.error).toMatch(/^the database became unavailable \(.+\); run the import again: records already written count as unchanged$/);
    expect((await ask('zh-CN')).data!.importJob.error).toMatch(/^数据库连接中断（.+）。请重新导入：已写入的记录计为未变化，不会重复。$/);
  });

  it('lists jobs by source, newest first', async () => {
    const res = await t.gql<{ importJobs: { totalCount: number; items: Job[] } }>(`query ($s: String) { importJobs(source: $s, first: 10) { totalCount items { id status } } }`, { s: SOURCE });
    expect(res.data!.importJobs.totalCount).toBe(4);
    expect(res.data!.importJobs.items.map((j) => j.id)).toEqual([...jobs].reverse());
  });

  it('refuses callers without an account, in GraphQL and on the upload route', async () => {
    const anonymous = await t.client('anonymous');
    const res = await anonymous.gql(`mutation { importRecords(records: [{kind: "person", id: "${P}Z", name: "x"}]) { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const up = await fetch(`${t.url}/imports?name=person.csv`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'id,name\n' });
    expect(up.status).toBe(401);
  });

  it("takes a batch from another unit's system through its persisted query, recorded as the key", async () => {
    const query = await readFile(path.join(repoRoot, 'server/src/graphql/persisted/import-records.graphql'), 'utf8');
    const system = await t.client({ apiKey: { scopes: ['INGEST'] } });
    const records = [
      { kind: 'person', id: `${P}K1`, name: '测试丁' },
      { kind: 'person', id: `${P}K2`, name: '', gender: 'X' },
    ];
    const res = await system.gql<{ importRecords: { id: string; status: string; accepted: number } }>(query, { records, source: `${P}other-unit` });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importRecords).toMatchObject({ status: 'SUCCEEDED', accepted: 1, rejected: 1 });
    jobs.push(res.data!.importRecords.id);
    const job = await t.gql<{ importJob: { principal: string } }>(`query ($id: ID!) { importJob(id: $id) { principal } }`, { id: res.data!.importRecords.id });
    expect(job.data!.importJob.principal).toMatch(/^key:test key /);
    // and reads the refused record with every problem in it, through the persisted query for that
    const rejections = await readFile(path.join(repoRoot, 'server/src/graphql/persisted/import-rejections.graphql'), 'utf8');
    const page = await system.gql<{ importJob: { rejections: unknown[] } }>(rejections, { id: res.data!.importRecords.id, first: 10 });
    expect(page.errors).toBeUndefined();
    expect(page.data!.importJob.rejections).toEqual([
      {
        seq: 2,
        file: 'records',
        line: 2,
        sheet: null,
        row: null,
        kind: 'person',
        source: `${P}other-unit`,
        field: 'name',
        rule: 'required',
        reason: 'is required',
        otherProblems: [{ field: 'gender', rule: 'vocabulary', reason: '"X" is not one of M, F' }],
      },
    ]);
  });

  it('names the refused parameter of an upload, in Chinese too, and keeps nothing', async () => {
    const up = await upload('person.csv', `id,name\n${P}E1,测试戊\n`, '&encoding=EBCDIC');
    expect(up.status).toBe(400);
    expect(up.job).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'encoding', reasonZh: '应为 UTF-8、GB18030（GBK）、UTF-16LE、UTF-16BE 或 Big5' });
    const listed = await t.gql<{ importJobs: { totalCount: number } }>(`query ($s: String) { importJobs(source: $s, first: 10) { totalCount } }`, { s: SOURCE });
    expect(listed.data!.importJobs.totalCount).toBe(4);
  });

  it('refuses to run a finished job again', async () => {
    const res = await t.gql(`mutation ($id: ID!) { resumeImportJob(id: $id) { id } }`, { id: jobs[0] });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reports data quality per source: completeness, rejections by reason, freshness, duplicates', async () => {
    const res = await t.gql<{ dataQuality: Record<string, unknown>[] }>(
      `query ($s: String) { dataQuality(source: $s) { source imports read accepted rejected unchanged duplicates rejectionRate duplicateRate resentRate newestRecordAt lagSeconds
         rejectionsByReason { reason count rate } kinds { kind read completeness { field filled ratio } } } }`,
      { s: SOURCE },
    );
    expect(res.errors).toBeUndefined();
    const [q] = res.data!.dataQuality;
    expect(q).toMatchObject({ source: SOURCE, imports: 4, read: 9, accepted: 6, rejected: 2, unchanged: 1, duplicates: 0, newestRecordAt: '2026-03-28T00:00:00.000Z' });
    expect(q!.rejectionsByReason).toEqual([
      { reason: 'idNumber: resident-id', count: 1, rate: 0.1111 },
      { reason: 'location: reference', count: 1, rate: 0.1111 },
    ]);
    const person = (q!.kinds as { kind: string; completeness: { field: string; filled: number }[] }[]).find((k) => k.kind === 'person')!;
    expect(person.completeness.find((c) => c.field === 'phones')).toMatchObject({ filled: 2 });
    expect(person.completeness.find((c) => c.field === 'idNumber')).toMatchObject({ filled: 1 });
  });

  it('counts records dated after their import apart, and takes the freshness from the others', async () => {
    const clockless = `${P}cafe-clock`;
    const job = await importBatch([
      { kind: 'location', id: `${P}H2`, type: 'INTERNET_CAFE', name: '测试网吧', lat: 32.9, lon: 119.8, source: clockless },
      { kind: 'login', person: `${P}P1`, location: `${P}H2`, at: '2026-03-27T10:00:00', source: clockless },
      // a mistyped year: a valid time, so accepted, but no one logged in there yet
      { kind: 'login', person: `${P}P1`, location: `${P}H2`, at: '2061-03-27T10:00:00', source: clockless },
    ]);
    expect(job).toMatchObject({ status: 'SUCCEEDED', accepted: 3, rejected: 0 });
    const res = await t.gql<{ dataQuality: Record<string, unknown>[] }>(
      `query ($s: String) { dataQuality(source: $s) { source read futureDated futureDatedRate newestRecordAt lagSeconds kinds { kind futureDated newestRecordAt } } }`,
      { s: clockless },
    );
    expect(res.errors).toBeUndefined();
    const [q] = res.data!.dataQuality;
    expect(q).toMatchObject({ source: clockless, read: 3, futureDated: 1, futureDatedRate: 0.3333, newestRecordAt: '2026-03-27T02:00:00.000Z' });
    expect(q!.lagSeconds).toBeGreaterThan(0);
    expect(q!.kinds).toEqual([
      { kind: 'location', futureDated: 0, newestRecordAt: null },
      { kind: 'login', futureDated: 1, newestRecordAt: '2026-03-27T02:00:00.000Z' },
    ]);
  });
});

describe('identity links', () => {
  const shared = residentId('1931-02-03', 7, '659001');
  let candidateKey: string;

  it('links records with an equal resident ID as CONFIRMED and likely matches as candidates with evidence', async () => {
    await importBatch([
      { kind: 'person', id: `${P}A1`, name: `甲${P}`, idNumber: shared, source: `${P}hotel-registry` },
      { kind: 'person', id: `${P}A2`, name: `甲${P}`, idNumber: shared, source: `${P}cafe-system` },
      { kind: 'person', id: `${P}C1`, name: `丙${P}`, birthDate: '1931-05-06', phones: [fx.phone(55)] },
      { kind: 'person', id: `${P}C2`, name: `丙${P}`, birthDate: '1931-05-06', phones: [fx.phone(55)] },
    ]);
    const res = await t.gql<{ identityLinks: { totalCount: number; items: { key: string; status: string; method: string; score: number; evidence: string[]; decidedBy: string | null }[] } }>(
      `query ($p: ID) { identityLinks(personId: $p, status: null) { totalCount items { key status method score evidence decidedBy } } }`,
      { p: `${P}A1` },
    );
    const [exact] = res.data!.identityLinks.items;
    expect(res.data!.identityLinks.totalCount).toBe(1);
    expect(exact).toMatchObject({ key: `${P}A1|${P}A2`, status: 'CONFIRMED', method: 'RESIDENT_ID', score: 1, decidedBy: 'importer' });
    // The birth date is read from the resident ID, so the names and birth dates agree too.
    expect([...exact!.evidence].sort()).toEqual(['idNumber', 'name+birthDate']);

    const candidates = await t.gql<{ identityLinks: { items: { key: string; status: string; score: number; evidence: string[] }[] } }>(
      `query ($p: ID) { identityLinks(personId: $p) { items { key status score evidence } } }`,
      { p: `${P}C1` },
    );
    const [c] = candidates.data!.identityLinks.items;
    expect(c).toMatchObject({ key: `${P}C1|${P}C2`, status: 'CANDIDATE', score: 0.85 });
    expect([...c!.evidence].sort()).toEqual(['name+birthDate', `phone:${fx.phone(55)}`]);
    candidateKey = c!.key;
  });

  it('records who confirmed, lets link analysis follow the confirmed link, and undoes it', async () => {
    const paths = () => t.gql<{ paths: { paths: { length: number; hops: { kind: string }[] }[] } }>(`query ($a: ID!, $b: ID!) { paths(from: $a, to: $b) { paths { length hops { kind } } } }`, { a: `${P}C1`, b: `${P}C2` });
    expect((await paths()).data!.paths.paths).toEqual([]);

    const confirmed = await t.gql<{ confirmIdentity: { status: string; decidedBy: string; history: { action: string; from: string; by: string; undone: boolean; note: string }[] } }>(
      `mutation ($k: ID!) { confirmIdentity(key: $k, note: "same hotel guest, same phone") { status decidedBy history { action from by undone note } } }`,
      { k: candidateKey },
    );
    expect(confirmed.data!.confirmIdentity).toEqual({
      status: 'CONFIRMED',
      decidedBy: t.user!.username,
      history: [{ action: 'CONFIRMED', from: 'CANDIDATE', by: t.user!.username, undone: false, note: 'same hotel guest, same phone' }],
    });
    expect((await paths()).data!.paths.paths).toEqual([{ length: 1, hops: [{ kind: 'SAME_AS' }] }]);

    const undone = await t.gql<{ undoIdentityDecision: { status: string; history: { undone: boolean; undoneBy: string }[] } }>(
      `mutation ($k: ID!) { undoIdentityDecision(key: $k) { status history { undone undoneBy } } }`,
      { k: candidateKey },
    );
    expect(undone.data!.undoIdentityDecision).toEqual({ status: 'CANDIDATE', history: [{ undone: true, undoneBy: t.user!.username }] });
    expect((await paths()).data!.paths.paths).toEqual([]);

    const rejected = await t.gql<{ rejectIdentity: { status: string } }>(`mutation ($k: ID!) { rejectIdentity(key: $k) { status } }`, { k: candidateKey });
    expect(rejected.data!.rejectIdentity.status).toBe('REJECTED');
    const nothingLeft = await t.gql(`mutation ($k: ID!) { undoIdentityDecision(key: $k) { status } }`, { k: `${P}A1|${P}A2` });
    expect(nothingLeft.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps an analyst decision when the same records are imported again', async () => {
    await importBatch([{ kind: 'person', id: `${P}C2`, name: `丙${P}`, birthDate: '1931-05-06', phones: [fx.phone(55)], residence: '兴化' }]);
    const res = await t.gql<{ identityLinks: { items: { status: string }[] } }>(`query ($p: ID) { identityLinks(personId: $p, status: null) { items { status } } }`, { p: `${P}C1` });
    expect(res.data!.identityLinks.items).toEqual([{ status: 'REJECTED' }]);
  });
});
