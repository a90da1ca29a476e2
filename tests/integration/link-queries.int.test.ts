import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { STORY_FIXTURE } from '../../seed/fixture.js';
import { cypher } from '../../server/src/db/cypher-files.js';
import { repoRoot } from '../../server/src/repo-root.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The core link-analysis queries against the seed county, through HTTP, with the exact
 * answers the story fixture states.
 */
const core = STORY_FIXTURE.core;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const bare = (uid: string) => uid.slice(uid.indexOf(':') + 1);

describe('search', () => {
  it.each(core.search.filter((s) => 'expectedFirst' in s))('finds $expectedFirst first for "$text"', async (s) => {
    const res = await t.gql<{ search: { edges: { node: { id: string } }[] } }>(
      'query($t: String!) { search(text: $t, first: 5) { edges { node { id kind label } } } }',
      { t: s.text },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.edges[0]?.node.id).toBe((s as { expectedFirst: string }).expectedFirst);
  });

  it.each(core.search.filter((s) => 'expectedPerson' in s))('finds the owner $expectedPerson of "$text"', async (s) => {
    const res = await t.gql<{ search: { edges: { node: { id: string; matchedOn: string } }[] } }>(
      'query($t: String!) { search(text: $t, kinds: [PERSON]) { edges { node { id matchedOn } } } }',
      { t: s.text },
    );
    expect(res.data!.search.edges.map((e) => e.node.id)).toContain((s as { expectedPerson: string }).expectedPerson);
  });

  it('says which field matched and the value: the phone of a partial number, the plate, a case tag, a passage of its text', async () => {
    type Hit = { id: string; matchedOn: string; matchedValue: string | null };
    const hits = async (text: string, kinds: string, first = 50) => {
      const res = await t.gql<{ search: { edges: { node: Hit }[] } }>(`query($t: String!, $first: Int) { search(text: $t, kinds: [${kinds}], first: $first) { edges { node { id matchedOn matchedValue } } } }`, { t: text, first });
      expect(res.errors).toBeUndefined();
      return res.data!.search.edges.map((e) => e.node);
    };
    const li = (list: Hit[]) => list.find((h) => h.id === 'Person:P-LI');
    const exact = await t.gql<{ search: { edges: { node: { id: string; detail: string } }[] } }>('{ search(text: "13905231866", kinds: [PERSON]) { edges { node { id detail } } } }');
    // the native place by name: the code alone means nothing to most readers
    expect(exact.data!.search.edges[0]!.node).toEqual({ id: 'Person:P-LI', detail: '321281197804160373 · 兴化市' });
    expect(li(await hits('13905231866', 'PERSON'))).toEqual({ id: 'Person:P-LI', matchedOn: 'phone', matchedValue: '13905231866' });
    expect(li(await hits('1390523', 'PERSON'))).toEqual({ id: 'Person:P-LI', matchedOn: 'phone', matchedValue: '13905231866' });
    expect(li(await hits('苏m52871', 'PERSON'))).toEqual({ id: 'Person:P-LI', matchedOn: 'plate', matchedValue: '苏M52871' });
    expect(li(await hits('李国华', 'PERSON'))).toEqual({ id: 'Person:P-LI', matchedOn: 'name', matchedValue: null });
    // single characters: the surname, and the first of the given name…
    expect(li(await hits('李 国', 'PERSON'))).toEqual({ id: 'Person:P-LI', matchedOn: 'name', matchedValue: null });
    // and the last of it, which begins no pair of the name (李国华: 李国, 国华); 李华梅 and the
    // like match more of the query and come first, so the page is a long one
    expect(li(await hits('李 华', 'PERSON', 100))).toEqual({ id: 'Person:P-LI', matchedOn: 'name', matchedValue: null });
    const fraud = (list: Hit[]) => list.find((h) => h.id === 'Case:CASE-LI-FRAUD');
    expect(fraud(await hits('虚构项目', 'CASE'))).toEqual({ id: 'Case:CASE-LI-FRAUD', matchedOn: 'mo', matchedValue: '虚构项目' });
    expect(fraud(await hits('做生意', 'CASE'))).toMatchObject({ matchedOn: 'description', matchedValue: expect.stringContaining('以合伙做生意为名') });
    const hotel = (await hits('黄海路335号', 'LOCATION')).find((h) => h.id === 'Location:H-JH-01');
    expect(hotel).toEqual({ id: 'Location:H-JH-01', matchedOn: 'address', matchedValue: '建湖县建湖黄海路335号' });
  });

  it('pages with stable cursors: page two continues page one without overlap', async () => {
    const q = 'query($after: String) { search(text: "建湖", first: 3, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }';
    const one = await t.gql<{ search: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(q);
    expect(one.data!.search.edges).toHaveLength(3);
    expect(one.data!.search.pageInfo.hasNextPage).toBe(true);
    const two = await t.gql<typeof one.data>(q, { after: one.data!.search.pageInfo.endCursor });
    const firstIds = one.data!.search.edges.map((e) => e.node.id);
    for (const e of two.data!.search.edges) expect(firstIds).not.toContain(e.node.id);
    expect(one.data!.search.totalCount).toBeGreaterThanOrEqual(4);
  });

  it('treats Lucene and Cypher syntax as plain text', async () => {
    const res = await t.gql('{ search(text: "李国华\\" OR name:* ) MATCH (n) DETACH DELETE n //") { totalCount } }');
    expect(res.errors).toBeUndefined();
    const still = await t.gql<{ person: { name: string } }>('{ person(id: "P-LI") { name } }');
    expect(still.data!.person.name).toBe(STORY_FIXTURE.traceAssociates.name);
  });

  it('rejects an empty text, naming the argument', async () => {
    const res = await t.gql('{ search(text: "  ") { totalCount } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
  });
});

describe('look-ups', () => {
  it('person, personByIdNumber, case and location return the story records', async () => {
    const res = await t.gql<{
      person: { uid: string; name: string; tags: string[]; idNumber: string; origin: string; originName: string | null; residence: string; residenceName: string | null; provenance: { source: string } };
      personByIdNumber: { id: string };
      case: { id: string; region: string; regionName: string | null; involvements: { role: string; person: { id: string } }[] };
      location: { name: string; region: string; regionName: string | null; station: { id: string } | null };
    }>(`{
      person(id: "P-LI") { uid name tags idNumber origin originName residence residenceName provenance { source } }
      personByIdNumber(idNumber: "321281197804160373") { id }
      case(id: "CASE-LI-FRAUD") { id region regionName involvements { role person { id } } }
      location(id: "H-JH-01") { name region regionName station { id } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.person).toMatchObject({ uid: 'Person:P-LI', name: '李国华', idNumber: '321281197804160373', origin: '321281', originName: '兴化市', residence: '321281', residenceName: '兴化市' });
    expect(res.data!.person.tags).toContain('FUGITIVE');
    expect(res.data!.person.provenance.source).toBeTruthy();
    expect(res.data!.personByIdNumber.id).toBe('P-LI');
    expect(res.data!.case.involvements.map((i) => i.person.id)).toEqual(expect.arrayContaining(['P-LI', 'P-GUO']));
    expect(res.data!.location.name).toBe(STORY_FIXTURE.traceAssociates.expectedTopLocationName);
    // the region by name as well as by code, as a person's origin is
    expect(res.data!.case).toMatchObject({ region: '321281', regionName: '兴化市' });
    expect(res.data!.location).toMatchObject({ region: '320925', regionName: '建湖县' });
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const res = await t.gql('{ person(id: "P-NOBODY") { name } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers BAD_USER_INPUT for a malformed resident ID', async () => {
    const res = await t.gql('{ personByIdNumber(idNumber: "12345") { id } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idNumber' });
  });
});

describe('expand', () => {
  const q = `query($ids: [ID!]!, $depth: Int, $types: [RelationKind!], $from: DateTime, $to: DateTime, $limit: Int, $per: Int) {
    expand(ids: $ids, depth: $depth, relationTypes: $types, from: $from, to: $to, limit: $limit, perNodeLimit: $per) {
      nodes { id kind label properties } edges { id source target kind properties } truncated omitted { nodeId total shown omitted }
    }
  }`;
  type Sub = { expand: { nodes: { id: string; kind: string }[]; edges: { id: string; source: string; target: string; kind: string }[]; truncated: boolean; omitted: { nodeId: string; total: number; shown: number; omitted: number }[] } };

  it('gives exactly the story neighbourhood at depth 1', async () => {
    const res = await t.gql<Sub>(q, { ids: [core.expand.uid], depth: 1 });
    expect(res.errors).toBeUndefined();
    const ids = res.data!.expand.nodes.map((n) => n.id).filter((id) => id !== core.expand.uid).sort();
    expect(ids).toEqual([...core.expand.expectedNeighbours].sort());
    expect(res.data!.expand.truncated).toBe(false);
    for (const e of res.data!.expand.edges) expect([e.source, e.target]).toContain(core.expand.uid);
  });

  it("shows each element's record and provenance, without Clew's own bookkeeping", async () => {
    const res = await t.gql<{ expand: { nodes: { properties: Record<string, unknown> }[]; edges: { kind: string; properties: Record<string, unknown> }[] } }>(q, { ids: [core.expand.uid], depth: 1 });
    const elements = [...res.data!.expand.nodes, ...res.data!.expand.edges];
    for (const { properties } of elements) {
      for (const key of ['uid', 'key', 'point', 'locationId', 'rowHash', 'importRun']) expect(properties).not.toHaveProperty(key);
      expect(properties.source).toEqual(expect.any(String));
      expect(properties.ingestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    }
    const stay = res.data!.expand.edges.find((e) => e.kind === 'STAYED_AT');
    expect(stay?.properties.checkIn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });

  it('filters by relationship kind', async () => {
    const res = await t.gql<Sub>(q, { ids: [core.expand.uid], types: ['FAMILY'] });
    const kinds = new Set(res.data!.expand.edges.map((e) => e.kind));
    expect([...kinds]).toEqual(['FAMILY']);
    expect(res.data!.expand.nodes.filter((n) => n.id !== core.expand.uid).map((n) => n.id).sort()).toEqual(
      ['Person:P-LI-BRO', 'Person:P-LI-MOTHER', 'Person:P-LI-WIFE'],
    );
  });

  it('filters movements by time window but keeps relations', async () => {
    const window = { from: '2026-08-10T00:00:00+08:00', to: '2026-08-10T23:59:59+08:00' };
    const passes = (s: Sub) => s.expand.edges.filter((e) => e.kind === 'PASSED').map((e) => e.target).sort();
    const car = 'Vehicle:苏M36158'; // the old relation's car
    const all = await t.gql<Sub>(q, { ids: [car], types: ['PASSED'] });
    const onTheTenth = await t.gql<Sub>(q, { ids: [car], types: ['PASSED'], ...window });
    expect(passes(all.data!)).toEqual(['Location:K-JH-01', 'Location:K-JH-02']);
    expect(passes(onTheTenth.data!)).toEqual(['Location:K-JH-01']);
    const person = await t.gql<Sub>(q, { ids: ['Person:P-LI-OLD'], ...window });
    expect(person.data!.expand.edges.filter((e) => e.kind === 'OLD_RELATION')).toHaveLength(1);
    expect(person.data!.expand.edges.filter((e) => e.kind === 'STAYED_AT').map((e) => e.target)).toEqual(['Location:H-JH-01']);
  });

  it('caps a hub per node and reports what it left out', async () => {
    const res = await t.gql<Sub>(q, { ids: ['Location:H-JH-01'], depth: 1, per: 5, types: ['STAYED_AT'] });
    const data = res.data!.expand;
    expect(data.nodes).toHaveLength(6);
    expect(data.truncated).toBe(true);
    const hub = data.omitted.find((o) => o.nodeId === 'Location:H-JH-01')!;
    expect(hub.shown).toBe(5);
    expect(hub.total).toBeGreaterThan(5);
    expect(hub.omitted).toBe(hub.total - 5);
  });

  it("reads a place's newest movements from its indexes with the answer of reading every tie", async () => {
    // The plain reading, which the ring query keeps for every node but a place: read all
    // ties, sort them, keep the first perNode, count them all.
    const everyTie = readFileSync(path.join(repoRoot, 'bench/cypher/link/expand-ring-every-tie.cypher'), 'utf8');
    const rows = (result: { records: { toObject(): unknown }[] }) => result.records.map((r) => r.toObject() as { total: unknown });
    const places = await t.graph.read(async (tx) => (await tx.run('MATCH (l:Location) RETURN l.uid AS uid ORDER BY uid')).records.map((r) => r.get('uid') as string));
    expect(places.length).toBeGreaterThan(100);
    const cases = [
      { types: null, from: null, to: null, perNode: 3 },
      { types: null, from: '2026-08-01T00:00:00+08:00', to: '2026-08-20T00:00:00+08:00', perNode: 2 },
      { types: ['STAYED_AT', 'PASSED', 'IN_REGION'], from: '2026-07-20T00:00:00+08:00', to: null, perNode: 1 },
      { types: ['LOGGED_IN', 'OCCURRED_AT', 'COVERED_BY'], from: null, to: '2026-08-15T00:00:00+08:00', perNode: 50 },
      // Windows ending where the seed county has movements at one place at one time (two
      // stays at H-ZY-05, three logins at C-AF-01, two passes at K-XC-01), the cap inside the
      // group, so the order among them decides which are kept.
      { types: ['STAYED_AT'], from: null, to: '2026-08-14T20:37:00+08:00', perNode: 1 },
      { types: ['LOGGED_IN'], from: null, to: '2026-07-14T08:00:00+08:00', perNode: 2 },
      { types: ['PASSED'], from: null, to: '2026-07-29T14:16:15+08:00', perNode: 1 },
    ];
    for (const c of cases) {
      const params = { ids: places, ...c, perNode: neo4j.int(c.perNode) };
      const [ring, plain] = await t.graph.read(async (tx) => [await tx.run(cypher('link/expand-ring'), params), await tx.run(everyTie, params)]);
      expect(rows(plain).some((row) => Number(row.total) > c.perNode)).toBe(true); // the cap was at work
      expect(rows(ring)).toEqual(rows(plain));
    }
  });

  it('caps the total and says so', async () => {
    const res = await t.gql<Sub>(q, { ids: [core.expand.uid], depth: 2, limit: 10 });
    expect(res.data!.expand.nodes).toHaveLength(10);
    expect(res.data!.expand.truncated).toBe(true);
  });

  it('gives the same subgraph for the same arguments', async () => {
    const a = await t.gql<Sub>(q, { ids: [core.expand.uid], depth: 2, limit: 200 });
    const b = await t.gql<Sub>(q, { ids: [core.expand.uid], depth: 2, limit: 200 });
    expect(a.data).toEqual(b.data);
  });

  it('names the bad argument', async () => {
    expect((await t.gql(q, { ids: ['P-LI'] })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
    expect((await t.gql(q, { ids: [core.expand.uid], depth: 7 })).errors?.[0]?.extensions).toMatchObject({ argument: 'depth' });
    expect((await t.gql(q, { ids: [core.expand.uid], from: '2026-08-11T00:00:00', to: '2026-08-10T00:00:00' })).errors?.[0]?.extensions).toMatchObject({ argument: 'to' });
    expect((await t.gql(q, { ids: ['Person:P-NOBODY'] })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('paths', () => {
  const sp = core.shortestPath;
  const q = `query($from: ID!, $to: ID!, $mode: PathMode, $k: Int, $max: Int) {
    paths(from: $from, to: $to, mode: $mode, k: $k, maxHops: $max) {
      paths { length nodeIds hops { edgeId kind from to provenance { source sourceId ingestedAt importJob } } }
      subgraph { nodes { id } edges { id } }
    }
  }`;
  type P = { paths: { paths: { length: number; nodeIds: string[]; hops: { kind: string; from: string; to: string; provenance: { source: string | null; ingestedAt: string } }[] }[]; subgraph: { nodes: { id: string }[] } } };

  it('finds the unique shortest path with the provenance of every hop', async () => {
    const res = await t.gql<P>(q, { from: bare(sp.from), to: bare(sp.to) });
    expect(res.errors).toBeUndefined();
    const [path] = res.data!.paths.paths;
    expect(res.data!.paths.paths).toHaveLength(1);
    expect(path!.length).toBe(sp.hops);
    expect(path!.nodeIds).toEqual(sp.nodes);
    expect(path!.hops.map((h) => h.kind)).toEqual(sp.relationTypes);
    for (const [i, hop] of path!.hops.entries()) {
      expect(hop.from).toBe(sp.nodes[i]);
      expect(hop.to).toBe(sp.nodes[i + 1]);
      expect(hop.provenance.ingestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(hop.provenance.source).toBeTruthy();
    }
    expect(res.data!.paths.subgraph.nodes.map((n) => n.id).sort()).toEqual([...sp.nodes].sort());
  });

  it('ALL_SHORTEST gives the same single path, K_SHORTEST adds longer ones in length order', async () => {
    const all = await t.gql<P>(q, { from: bare(sp.from), to: bare(sp.to), mode: 'ALL_SHORTEST' });
    expect(all.data!.paths.paths.map((p) => p.nodeIds)).toEqual([sp.nodes]);
    const k = await t.gql<P>(q, { from: bare(sp.from), to: bare(sp.to), mode: 'K_SHORTEST', k: 3 });
    const lengths = k.data!.paths.paths.map((p) => p.length);
    expect(lengths[0]).toBe(sp.hops);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(k.data!.paths.paths[0]!.nodeIds).toEqual(sp.nodes);
  });

  it('finds nothing when the persons are further apart than maxHops', async () => {
    const res = await t.gql<P>(q, { from: bare(sp.from), to: bare(sp.to), max: sp.hops - 1 });
    expect(res.data!.paths.paths).toEqual([]);
  });

  it('refuses the same person twice and unknown persons with coded errors', async () => {
    expect((await t.gql(q, { from: 'P-LI', to: 'P-LI' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    expect((await t.gql(q, { from: 'P-LI', to: 'P-NOBODY' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(q, { from: 'P-LI', to: 'P-GUO', max: 50 })).errors?.[0]?.extensions).toMatchObject({ argument: 'maxHops' });
  });
});

describe('commonAssociates', () => {
  it('finds exactly the persons related to both', async () => {
    const ca = core.commonAssociates;
    const res = await t.gql<{ commonAssociates: { associates: { person: { id: string }; distances: number[] }[]; subgraph: { nodes: { id: string }[] } } }>(
      'query($ids: [ID!]!) { commonAssociates(ids: $ids) { associates { person { id } distances } subgraph { nodes { id } } } }',
      { ids: [ca.a, ca.b] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.commonAssociates.associates.map((a) => a.person.id).sort()).toEqual([...ca.expected].sort());
    for (const a of res.data!.commonAssociates.associates) expect(a.distances).toEqual([1, 1]);
    expect(res.data!.commonAssociates.subgraph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([`Person:${ca.a}`, `Person:${ca.b}`]));
  });
});

describe('timeline', () => {
  it.each(core.timeline)('gives $personId every movement in order, with the fixture counts', async (tl) => {
    const res = await t.gql<{ timeline: { totalCount: number; events: { at: string; kind: string; provenance: { source: string } }[] } }>(
      'query($id: ID!, $from: DateTime, $to: DateTime) { timeline(personId: $id, from: $from, to: $to) { totalCount events { at kind summary provenance { source } } } }',
      { id: tl.personId, from: `${tl.from}T00:00:00+08:00`, to: `${tl.to}T23:59:59+08:00` },
    );
    expect(res.errors).toBeUndefined();
    const events = res.data!.timeline.events;
    const count = (kind: string) => events.filter((e) => e.kind === kind).length;
    expect(count('STAY')).toBe(tl.counts.stay);
    expect(count('LOGIN')).toBe(tl.counts.login);
    expect(count('PASS')).toBe(tl.counts.pass);
    expect(count('CALL')).toBe(tl.counts.call);
    expect(events.filter((e) => e.kind !== 'CASE')).toHaveLength(tl.counts.total);
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("names a case event's case and the person's role in it", async () => {
    const res = await t.gql<{ timeline: { events: { kind: string; counterpart: string; role: string | null; summary: string }[] } }>('{ timeline(personId: "P-LI") { events { kind counterpart role summary } } }');
    const fraud = res.data!.timeline.events.find((e) => e.kind === 'CASE');
    expect(fraud).toEqual({ kind: 'CASE', counterpart: 'CASE-LI-FRAUD 李国华以合伙经营为名诈骗郭建明案', role: 'SUSPECT', summary: '涉案 CASE-LI-FRAUD 李国华以合伙经营为名诈骗郭建明案（嫌疑人）' });
    expect(res.data!.timeline.events.filter((e) => e.kind !== 'CASE').every((e) => e.role === null)).toBe(true);
  });

  it('pages with a cursor', async () => {
    const q = 'query($after: String) { timeline(personId: "P-LI", first: 4, after: $after) { totalCount events { edgeId } pageInfo { hasNextPage endCursor } } }';
    type T = { timeline: { totalCount: number; events: { edgeId: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const one = await t.gql<T>(q);
    const two = await t.gql<T>(q, { after: one.data!.timeline.pageInfo.endCursor });
    expect(one.data!.timeline.events).toHaveLength(4);
    expect(one.data!.timeline.pageInfo.hasNextPage).toBe(true);
    const ids = new Set(one.data!.timeline.events.map((e) => e.edgeId));
    for (const e of two.data!.timeline.events) expect(ids.has(e.edgeId)).toBe(false);
  });
});

describe('dataExtent', () => {
  it('spans the seed county\'s 90 days of movements', async () => {
    const res = await t.gql<{ dataExtent: { newestMovementAt: string; oldestMovementAt: string } }>('{ dataExtent { newestMovementAt oldestMovementAt } }');
    expect(res.errors).toBeUndefined();
    const { newestMovementAt, oldestMovementAt } = res.data!.dataExtent;
    expect(Date.parse(newestMovementAt)).toBeGreaterThanOrEqual(Date.parse(`${STORY_FIXTURE.window.to}T00:00:00+08:00`));
    expect(Date.parse(oldestMovementAt)).toBeLessThanOrEqual(Date.parse(`${STORY_FIXTURE.window.from}T23:59:59+08:00`));
  });

  it('takes the newest movement among those not dated in the future', async () => {
    // A stay a minute ago, and one with a mistyped year: the default windows follow the first.
    const key = `EXTENT-${Date.now().toString(36)}`;
    await t.graph.write((tx) =>
      tx.run(
        `CREATE (p:Person {id: $key + '-P'})-[:STAYED_AT {key: $key + '-1', checkIn: datetime() - duration('PT1M')}]->(l:Location {id: $key + '-L'}),
                (p)-[:STAYED_AT {key: $key + '-2', checkIn: datetime('2061-03-27T21:40:00+08:00')}]->(l)`,
        { key },
      ),
    );
    try {
      const res = await t.gql<{ dataExtent: { newestMovementAt: string } }>('{ dataExtent { newestMovementAt } }');
      expect(res.errors).toBeUndefined();
      const newest = Date.parse(res.data!.dataExtent.newestMovementAt);
      expect(newest).toBeGreaterThanOrEqual(Date.now() - 5 * 60_000);
      expect(newest).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
    } finally {
      await t.graph.write((tx) => tx.run('MATCH (n) WHERE n.id IN [$key + "-P", $key + "-L"] DETACH DELETE n', { key }));
    }
  });
});
