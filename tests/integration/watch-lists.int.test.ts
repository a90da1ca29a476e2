/**
 * Watch-list management (名单管理) through the real API: a list is created with a group rule,
 * entries are added with checked identifiers, paged newest first, counted, compared by batch
 * collision, and removed; bad identifiers are refused naming the field; investigators read
 * but do not edit.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_FIXTURE as F } from '../../seed/fixture.js';
import { residentIdCheckChar } from '../../server/src/ingest/resident-id.js';
import { deleteRunAndOrders } from '../../server/src/techniques/orders/orders.js';
import { startTechniqueApp, type TechniqueTestApp } from '../helpers/technique-client.js';

const LIST = `TEST_WL_${randomBytes(3).toString('hex').toUpperCase()}`;
const C = F.collision;

interface Entry {
  id: string;
  idNumber: string | null;
  phone: string | null;
  name: string | null;
  addedBy: string;
  addedAt: string | null;
}
interface ListOut {
  name: string;
  title: string;
  singleHits: string;
  rules: { id: string; minMembers: number; locationTypes: string[] }[];
  updatedBy: string | null;
  taggedPersons: number;
  entryCount: number;
}

const LISTS = `{ watchLists { name title singleHits updatedBy taggedPersons entryCount rules { id minMembers locationTypes } } }`;
const ENTRIES = `query E($list: String!, $first: Int, $offset: Int) { watchEntries(list: $list, first: $first, offset: $offset) { total entries { id idNumber phone name addedBy addedAt } } }`;
const ADD = `mutation A($input: WatchEntryInput!) { addWatchEntry(input: $input) { id idNumber phone name addedBy addedAt } }`;

let t: TechniqueTestApp;
let analyst: string;
let investigator: string;
const runs: string[] = [];

/** A valid resident ID born on the given day (GB 11643 check character). */
const residentId = (region: string, born: string, seq: string) => `${region}${born}${seq}${residentIdCheckChar(`${region}${born}${seq}`)}`;

beforeAll(async () => {
  t = await startTechniqueApp();
  analyst = await t.tokenFor('ANALYST', 'dept:intel');
  investigator = await t.tokenFor('INVESTIGATOR', 'dept:crim');
});

afterAll(async () => {
  for (const run of runs) await t.graph.write((tx) => deleteRunAndOrders(tx, run));
  await t.graph.write((tx) => tx.run('MATCH (w:WatchList {name: $list}) OPTIONAL MATCH (w)-[:HAS_ENTRY]->(e:WatchEntry) DETACH DELETE w, e', { list: LIST }));
  await t?.close();
});

async function listNamed(name: string): Promise<ListOut> {
  const r = await t.gql<{ watchLists: ListOut[] }>(analyst, LISTS);
  expect(r.errors).toBeUndefined();
  return r.data!.watchLists.find((l) => l.name === name)!;
}

describe('watch-list management', () => {
  it('creates a list with a group rule, and counts the persons carrying a list’s tag', async () => {
    const saved = await t.gql<{ saveWatchList: { name: string; updatedBy: string } }>(
      analyst,
      `mutation S($input: WatchListInput!) { saveWatchList(input: $input) { name updatedBy } }`,
      { input: { name: LIST, title: '测试名单', singleHits: 'NOTE', rules: [{ id: 'three', name: '三人同住', scope: 'LOCATION', minMembers: 3, windowHours: 12, locationTypes: ['HOTEL'] }] } },
    );
    expect(saved.errors).toBeUndefined();
    const list = await listNamed(LIST);
    expect(list).toMatchObject({ title: '测试名单', singleHits: 'NOTE', taggedPersons: 0, entryCount: 0, rules: [{ id: 'three', minMembers: 3, locationTypes: ['HOTEL'] }] });
    expect(list.updatedBy).toBeTruthy();

    // The count through the tag index agrees with a plain scan of the persons.
    const scanned = await t.graph.read((tx) => tx.run(`MATCH (p:Person) WHERE $tag IN p.tags RETURN count(p) AS n`, { tag: C.watchList }));
    const expected = Number(scanned.records[0]!.get('n'));
    expect(expected).toBeGreaterThan(0);
    expect((await listNamed(C.watchList)).taggedPersons).toBe(expected);
  });

  it('adds entries with checked identifiers and pages them newest first', async () => {
    const added: string[] = [];
    for (const [i, input] of [
      { idNumber: residentId('321281', '19850514', '001').toLowerCase(), name: '外地甲' },
      { phone: '13900001111', note: '外单位通报' },
      { name: '外地丙', birthDate: '1990-02-28' },
    ].entries()) {
      const r = await t.gql<{ addWatchEntry: Entry }>(analyst, ADD, { input: { list: LIST, ...input } });
      expect(r.errors, `entry ${i}`).toBeUndefined();
      added.push(r.data!.addWatchEntry.id);
    }
    const first = await t.gql<{ watchEntries: { total: number; entries: Entry[] } }>(analyst, ENTRIES, { list: LIST, first: 2, offset: 0 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.watchEntries.total).toBe(3);
    expect(first.data!.watchEntries.entries.map((e) => e.id)).toEqual([added[2], added[1]]);
    const rest = await t.gql<{ watchEntries: { total: number; entries: Entry[] } }>(analyst, ENTRIES, { list: LIST, first: 2, offset: 2 });
    const oldest = rest.data!.watchEntries.entries;
    expect(oldest.map((e) => e.id)).toEqual([added[0]]);
    // Stored as records carry it: the check character in capitals.
    expect(oldest[0]!.idNumber).toBe(residentId('321281', '19850514', '001'));
    expect(oldest[0]!.addedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await listNamed(LIST)).entryCount).toBe(3);
  });

  it('refuses an identifier no record could carry, naming the field, and stores nothing', async () => {
    const valid = residentId('321281', '19850514', '002');
    const wrongCheck = valid.slice(0, 17) + (valid.endsWith('1') ? '2' : '1');
    for (const [input, argument] of [
      [{ idNumber: wrongCheck }, 'input.idNumber'],
      [{ idNumber: '32128119850230001X' }, 'input.idNumber'],
      [{ phone: 'call me' }, 'input.phone'],
      [{ name: '某某', birthDate: '1990-02-30' }, 'input.birthDate'],
      [{ note: 'no identifier at all' }, 'input'],
      [{ name: '只有姓名' }, 'input'],
    ] as const) {
      const r = await t.gql(analyst, ADD, { input: { list: LIST, ...input } });
      expect(r.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    const unknownList = await t.gql(analyst, ADD, { input: { list: 'NO_SUCH_LIST', phone: '13900002222' } });
    expect(unknownList.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.list' });
    expect((await listNamed(LIST)).entryCount).toBe(3);
    const missing = await t.gql(analyst, ENTRIES, { list: 'NO_SUCH_LIST' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('compares an entry in batch collision: a person known only by resident ID is found at the hotel', async () => {
    // Someone who stayed at a hotel on the collision day, put on the list by resident ID only.
    const stayed = await t.graph.read((tx) =>
      tx.run(
        `MATCH (p:Person)-[s:STAYED_AT]->() WHERE s.checkIn >= datetime($from) AND s.checkIn <= datetime($to) AND p.idNumber IS NOT NULL
         AND NOT $list IN coalesce(p.tags, []) RETURN p.id AS id, p.idNumber AS idNumber ORDER BY p.id LIMIT 1`,
        { from: `${C.date}T00:00:00+08:00`, to: `${C.date}T23:59:59+08:00`, list: LIST },
      ),
    );
    const person = { id: String(stayed.records[0]!.get('id')), idNumber: String(stayed.records[0]!.get('idNumber')) };
    const entry = await t.gql<{ addWatchEntry: Entry }>(analyst, ADD, { input: { list: LIST, idNumber: person.idNumber, note: '按身份证号比对' } });
    expect(entry.errors).toBeUndefined();
    const r = await t.gql<{ runCollision: { run: { id: string }; hits: { member: string; subjectId: string | null; matchedBy: string; watchList: string }[] } }>(
      analyst,
      `mutation { runCollision(from: "${C.date}T00:00:00+08:00", to: "${C.date}T23:59:59+08:00", watchLists: ["${LIST}"], issueOrders: false) { run { id } hits { member subjectId matchedBy watchList } } }`,
    );
    expect(r.errors).toBeUndefined();
    runs.push(r.data!.runCollision.run.id);
    expect(r.data!.runCollision.hits).toContainEqual(expect.objectContaining({ member: `WatchEntry:${entry.data!.addWatchEntry.id}`, subjectId: person.id, matchedBy: 'RESIDENT_ID', watchList: LIST }));
  });

  it('lets investigators read the entries but not change them; analysts remove one', async () => {
    const read = await t.gql<{ watchEntries: { total: number; entries: Entry[] } }>(investigator, ENTRIES, { list: LIST });
    expect(read.errors).toBeUndefined();
    expect(read.data!.watchEntries.total).toBe(4);
    const refused = await t.gql(investigator, ADD, { input: { list: LIST, phone: '13900003333' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noPurpose = await t.gql(analyst, ENTRIES, { list: LIST }, null);
    expect(noPurpose.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');

    const victim = read.data!.watchEntries.entries[0]!.id;
    const removed = await t.gql<{ removeWatchEntry: boolean }>(analyst, `mutation R($id: ID!) { removeWatchEntry(id: $id) }`, { id: victim });
    expect(removed.data?.removeWatchEntry).toBe(true);
    const after = await t.gql<{ watchEntries: { total: number; entries: Entry[] } }>(analyst, ENTRIES, { list: LIST });
    expect(after.data!.watchEntries.total).toBe(3);
    expect(after.data!.watchEntries.entries.map((e) => e.id)).not.toContain(victim);
  });
});
