/**
 * The four techniques find the brief's stories at rank 1 and reject the planted negative
 * controls, on the seed county the global setup loaded (seed/fixture.ts has the answers).
 * Real Neo4j, real HTTP, signed-in analyst with a purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_FIXTURE as F } from '../../seed/fixture.js';
import { deleteRunAndOrders } from '../../server/src/techniques/orders/orders.js';
import { forgetStoryOrders, startTechniqueApp, type TechniqueTestApp } from '../helpers/technique-client.js';

const WINDOW = { from: `${F.window.from}T00:00:00+08:00`, to: `${F.window.to}T23:59:59+08:00` };

interface Place {
  rank: number;
  town: string | null;
  region: string | null;
  locationId: string | null;
  locationName: string | null;
  score: number;
  events: number;
  window: { from: string; to: string; peak: string };
  associates: { personId: string; path: string[] }[];
  lastSightings: { personId: string; at: string }[];
}
interface TraceOut {
  run: { id: string };
  lastOwnTraceAt: string;
  towns: Place[];
  places: Place[];
  associates: { personId: string; relation: string; strength: number }[];
  subgraph: { nodes: { id: string }[]; edges: { id: string; kind: string }[] };
}
interface RunOut {
  technique: string;
  actor: string;
  profileVersion: string | null;
  summary: { towns: { town: string }[] };
}
interface OrderOut {
  created: boolean;
  order: { id: string; kind: string; station: string; deadline: string; issuedAt: string; status: string; dueState: string; members: string[] };
}
interface CollisionOut {
  run: { id: string };
  hits: { subjectId: string | null; watchList: string; matchedBy: string; member: string; memberName: string | null; who: string; plate: string | null }[];
  groups: { station: string; scopeName: string | null; members: string[]; places: string[]; firstAt: string; lastAt: string; why: string }[];
  orders: OrderOut[];
}
interface CoincidenceOut {
  rank: number;
  personId: string;
  coincidentCases: string[];
  expectedByChance: number;
}
interface LinkOut {
  similar: { rank: number; caseId: string; score: number; sharedMo: string[] }[];
  series: string[];
  offenderTests: { solvedCase: string; coincidentCases: string[]; offenders: { personId: string }[] }[];
  present: CoincidenceOut[];
  subgraph: { nodes: { id: string }[] };
}
interface CoOut {
  companions: { personId: string; times: number }[];
  groups: string[][];
}
interface SearchOut {
  run: { id: string; profileVersion: string };
  hotspots: { cases: string[] }[];
  candidates: { rank: number; personId: string; name: string; origin: string; nearCases: string[] }[];
}

let t: TechniqueTestApp;
let analyst: string;

beforeAll(async () => {
  t = await startTechniqueApp();
  await forgetStoryOrders(t.graph);
  analyst = await t.tokenFor('ANALYST', 'dept:intel');
});
afterAll(async () => t?.close());

const TRACE = `query Trace($personId: ID!, $from: DateTime, $to: DateTime, $depth: Int) {
  traceAssociates(personId: $personId, from: $from, to: $to, depth: $depth) {
    run { id technique actor }
    lastOwnTraceAt
    towns { rank town region score events window { from to peak } associates { personId path } parts { name value } }
    places { rank locationId locationName score events window { from to peak } lastSightings { personId at } }
    associates { personId relation strength }
    subgraph { nodes { id } edges { id kind } }
  }
}`;

describe('traceAssociates (关系人员倒查法)', () => {
  it('explains each score part in the language the caller asks for, English by default', async () => {
    const PARTS = `query Trace($personId: ID!, $from: DateTime, $to: DateTime) { traceAssociates(personId: $personId, from: $from, to: $to, depth: 2) { run { id } places { parts { name value explanation } } } }`;
    const en = await t.gql<{ traceAssociates: { places: { parts: { name: string; value: number; explanation: string }[] }[] } }>(analyst, PARTS, { personId: 'P-LI', ...WINDOW });
    const zh = await t.gql<{ traceAssociates: { places: { parts: { name: string; value: number; explanation: string }[] }[] } }>(analyst, PARTS, { personId: 'P-LI', ...WINDOW }, undefined, { 'accept-language': 'zh-CN' });
    const [enTop, zhTop] = [en.data!.traceAssociates.places[0]!.parts, zh.data!.traceAssociates.places[0]!.parts];
    expect(zhTop.map((p) => [p.name, p.value])).toEqual(enTop.map((p) => [p.name, p.value]));
    expect(enTop.find((p) => p.name === 'ties')!.explanation).toMatch(/^summed tie strength of the \d+ associate\(s\) seen here$/);
    expect(zhTop.find((p) => p.name === 'ties')!.explanation).toMatch(/^在此出现的 \d+ 名关系人的关系强度之和$/);
    expect(zhTop.find((p) => p.name === 'convergence')!.explanation).toContain('互不相干的关系汇聚到同一地点');
  });

  it('puts Jianhu and the Jianhu hotel first for Li, in the window of the old relation', async () => {
    const T = F.traceAssociates;
    const r = await t.gql<{ traceAssociates: TraceOut }>(analyst, TRACE, { personId: T.personId, ...WINDOW, depth: 2 });
    expect(r.errors).toBeUndefined();
    const out = r.data!.traceAssociates;
    expect(out.lastOwnTraceAt).toBe(T.lastOwnTraceAt);
    const town = out.towns[0]!;
    expect(town).toMatchObject({ rank: 1, town: T.expectedTopTown, region: T.expectedTopRegion, events: T.townEvidence.建湖.events });
    expect(town.window).toEqual({ from: T.townEvidence.建湖.from, to: T.townEvidence.建湖.to, peak: T.expectedWindow.peak });
    expect(town.associates.map((a) => a.personId)).toEqual(T.townEvidence.建湖.associates);
    expect(town.associates.find((a) => a.personId === 'P-LI-OLD')!.path).toEqual(['P-LI', 'P-LI-OLD']);
    expect(out.towns[1]!).toMatchObject({ town: '海安', events: T.townEvidence.海安.events });
    expect(out.towns[1]!.window).toMatchObject({ from: T.townEvidence.海安.from, to: T.townEvidence.海安.to });
    const place = out.places[0]!;
    expect(place).toMatchObject({ rank: 1, locationId: T.expectedTopLocationId, locationName: T.expectedTopLocationName, events: T.expectedLocationEvents['H-JH-01'] });
    expect(place.window).toEqual(T.expectedWindow);
    expect(out.places.find((p) => p.locationId === 'K-JH-01')!.events).toBe(T.expectedLocationEvents['K-JH-01']);
    expect(place.lastSightings[0]!).toMatchObject({ personId: T.keySighting.personId, at: T.keySighting.checkIn });
    // Every associate of the fixture is found with its relation.
    for (const [id, relation] of Object.entries(T.associates)) expect(out.associates).toContainEqual(expect.objectContaining({ personId: id, relation }));
    // The evidence shows the key sighting: the old relation's stay at the hotel.
    expect(out.subgraph.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['Person:P-LI', 'Person:P-LI-OLD', 'Location:H-JH-01']));
    expect(out.subgraph.edges.some((e: { kind: string; id: string }) => e.kind === 'STAYED_AT' && e.id.includes('P-LI-OLD|H-JH-01'))).toBe(true);
  });

  it('gives the same ranking twice, records each run, and rejects bad arguments by name', async () => {
    const a = await t.gql<{ traceAssociates: TraceOut }>(analyst, TRACE, { personId: 'P-LI', ...WINDOW, depth: 2 });
    const b = await t.gql<{ traceAssociates: TraceOut }>(analyst, TRACE, { personId: 'P-LI', ...WINDOW, depth: 2 });
    const key = (x: TraceOut) => x.places.map((p) => `${p.locationId}:${p.score}`);
    expect(key(b.data!.traceAssociates)).toEqual(key(a.data!.traceAssociates));
    const run = await t.gql<{ techniqueRun: RunOut }>(analyst, 'query R($id: ID!) { techniqueRun(id: $id) { id technique actor purpose summary arguments } }', { id: a.data!.traceAssociates.run.id });
    expect(run.data!.techniqueRun).toMatchObject({ technique: 'TRACE_ASSOCIATES', purpose: { caseNumber: expect.any(String) } });
    expect(run.data!.techniqueRun.summary.towns[0]!.town).toBe('建湖');
    expect(run.data!.techniqueRun.actor).toMatch(/^t-analyst-/);
    const bad = await t.gql(analyst, TRACE, { personId: 'P-LI', depth: 7 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth', reasonZh: '应在 1 到 3 之间，实际是 7' });
    // a window the wrong way round is refused on its end, said in Chinese too for the workspace
    const backwards = await t.gql(analyst, TRACE, { personId: 'P-LI', from: '2026-08-31T00:00:00+08:00', to: '2026-06-01T00:00:00+08:00' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to', reasonZh: '应晚于开始时间' });
    const unknown = await t.gql(analyst, TRACE, { personId: 'P-NOBODY-X' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const noPurpose = await t.gql(analyst, TRACE, { personId: 'P-LI' }, null);
    expect(noPurpose.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
  });
});

const COLLIDE = `mutation Collide($from: DateTime, $to: DateTime, $lists: [String!], $issue: Boolean) {
  runCollision(from: $from, to: $to, watchLists: $lists, issueOrders: $issue) {
    run { id }
    compared { total }
    hits { subjectId watchList station matchedBy locationType member memberName who plate }
    groups { watchList rule station scopeName members places firstAt lastAt why }
    orders { created order { id kind station stationName deadline issuedAt status dueState members } }
  }
}`;

describe('runCollision (批量比对碰撞法)', () => {
  it('finds the nine in Xincheng hotels as one group with a one-hour order to Xincheng station, and no group for the two apart', async () => {
    const C = F.collision;
    const r = await t.gql<{ runCollision: CollisionOut }>(analyst, COLLIDE, { from: `${C.date}T00:00:00+08:00`, to: `${C.date}T23:59:59+08:00`, lists: [C.watchList], issue: true });
    expect(r.errors).toBeUndefined();
    const out = r.data!.runCollision;
    try {
      expect(out.groups).toHaveLength(C.expectedGroups.length);
      const g = out.groups[0]!;
      const expected = C.expectedGroups[0]!;
      expect(g.station).toBe(expected.station);
      expect(g.members).toEqual(expected.members.map((m) => `Person:${m}`));
      expect(g.places).toEqual(expected.hotels.map((h) => `Location:${h}`).map((x) => x.slice('Location:'.length)));
      expect(g.firstAt).toBe(expected.firstCheckIn);
      expect(g.lastAt).toBe(expected.lastCheckIn);
      expect(g.why).toMatch(/all registered as unemployed/);
      // Explanations name the list by its title and the station by its name, codes after them.
      const stationName = await t.graph.read(async (tx) => (await tx.run('MATCH (s:Station {id: $id}) RETURN s.name AS name', { id: C.orderStation })).records[0]!.get('name') as string);
      expect(g.why).toContain(`persons on 吸毒人员 (${C.watchList}) in the area of ${stationName} (station ${C.orderStation})`);
      expect(g.scopeName).toBe(stationName);
      // Each hit says who it is about by name; a pass seen only by its plate names the listed owner and the plate.
      const byPlate = out.hits.filter((h) => h.subjectId === null);
      expect(byPlate.length).toBeGreaterThan(0);
      for (const h of byPlate) expect(h).toMatchObject({ matchedBy: 'PLATE', who: `${h.memberName}（${h.plate}）` });
      for (const h of out.hits) expect(h.who).not.toMatch(/^(Person|WatchEntry):/);
      // The negative control: both are hits, neither is in a group.
      for (const id of C.negativeControl.personIds) {
        expect(out.hits).toContainEqual(expect.objectContaining({ subjectId: id, watchList: C.watchList }));
        expect(g.members).not.toContain(`Person:${id}`);
      }
      const groupOrders = out.orders.filter((o) => o.order.kind === 'GROUP');
      expect(groupOrders).toHaveLength(1);
      const order = groupOrders[0]!.order;
      expect(order).toMatchObject({ station: C.orderStation, stationName, status: 'ISSUED', dueState: 'ON_TIME' });
      expect(Date.parse(order.deadline) - Date.parse(order.issuedAt)).toBe(C.deadlineMinutes * 60_000);
      // No order for drug users alone (single hits of DRUG_USER are listed, not ordered).
      expect(out.orders.some((o) => o.order.members.some((m: string) => C.negativeControl.personIds.some((n) => m.endsWith(n))))).toBe(false);
      // The workspace asks in Chinese: the same group and order, explained in Chinese.
      const zh = { 'accept-language': 'zh-CN,zh;q=0.9' };
      const inChinese = await t.gql<{ runCollision: CollisionOut }>(analyst, COLLIDE, { from: `${C.date}T00:00:00+08:00`, to: `${C.date}T23:59:59+08:00`, lists: [C.watchList], issue: false }, undefined, zh);
      expect(inChinese.data!.runCollision.groups[0]!.why).toMatch(new RegExp(`^吸毒人员 名单上 ${expected.members.length} 人 24 小时内在${stationName}辖区出现.*均登记为无业$`));
      await t.graph.write((tx) => deleteRunAndOrders(tx, inChinese.data!.runCollision.run.id));
      const ORDER_WHY = 'query O($id: ID!) { order(id: $id) { why } }';
      expect((await t.gql<{ order: { why: string } }>(analyst, ORDER_WHY, { id: order.id }, undefined, zh)).data!.order.why).toMatch(/名单上.*均登记为无业$/);
      expect((await t.gql<{ order: { why: string } }>(analyst, ORDER_WHY, { id: order.id })).data!.order.why).toBe(g.why);
      // Run again: the same group, and no second order for it.
      const again = await t.gql<{ runCollision: CollisionOut }>(analyst, COLLIDE, { from: `${C.date}T00:00:00+08:00`, to: `${C.date}T23:59:59+08:00`, lists: [C.watchList], issue: true });
      expect(again.data!.runCollision.orders.find((o) => o.order.id === order.id)).toMatchObject({ created: false });
      await t.graph.write((tx) => deleteRunAndOrders(tx, again.data!.runCollision.run.id));
    } finally {
      await t.graph.write((tx) => deleteRunAndOrders(tx, out.run.id));
    }
  });

  it('checks its arguments', async () => {
    const r = await t.gql(analyst, COLLIDE, { lists: ['NO_SUCH_LIST'], from: '2026-08-27T00:00:00+08:00', to: '2026-08-27T12:00:00+08:00' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'watchLists' });
    const none = await t.gql(analyst, COLLIDE, {});
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });
});

const LINK = `query Link($caseId: ID!) {
  linkCases(caseId: $caseId) {
    run { id }
    similar { rank caseId score inSeries sharedMo parts { name value } }
    series testedCases
    offenderTests { solvedCase coincidentCases score offenders { personId coincidentCases score } }
    present { rank personId coincidentCases observed expectedByChance movements score }
    subgraph { nodes { id } }
  }
}`;

describe('linkCases (人员轨迹串并法)', () => {
  it('links the local burglary to the Dongtai case, and the Cai trio to the local thefts (not the fifth)', async () => {
    const L = F.linkCases[0]!;
    const G = F.trajectory.gang;
    const r = await t.gql<{ linkCases: LinkOut }>(analyst, LINK, { caseId: L.caseId });
    expect(r.errors).toBeUndefined();
    const out = r.data!.linkCases;
    expect(out.similar[0]!).toMatchObject({ rank: 1, caseId: L.expectedTop, score: expect.any(Number) });
    expect(out.similar[0]!.sharedMo).toHaveLength(4);
    expect(out.series).toEqual(expect.arrayContaining([...L.series]));
    const test = out.offenderTests.find((x) => x.solvedCase === G.solvedCaseId)!;
    expect(out.offenderTests[0]!.solvedCase).toBe(G.solvedCaseId);
    expect(test.offenders.map((o) => o.personId)).toEqual([...G.offenders].sort());
    expect(test.coincidentCases).toEqual([...G.coincidentCases]);
    for (const c of G.notCoincident) expect(test.coincidentCases).not.toContain(c);
    // Everyone near the scenes, scored against chance: the gang first, the lorry driver and
    // the chance trio below them although the driver was near more scenes by raw count.
    const ranks = new Map(out.present.map((p) => [p.personId, p.rank] as const));
    expect(new Set(out.present.slice(0, 3).map((p) => p.personId))).toEqual(new Set(G.offenders));
    const V = F.trajectory.volumeControl;
    const driver = out.present.find((p) => p.personId === V.personId);
    if (driver) {
      expect(driver.coincidentCases).toEqual([...V.coincidentCases]);
      expect(driver.rank).toBeGreaterThan(3);
      expect(driver.expectedByChance).toBeGreaterThan(out.present[0]!.expectedByChance);
    }
    for (const id of F.trajectory.chanceControl.personIds) if (ranks.has(id)) expect(ranks.get(id)).toBeGreaterThan(3);
    expect(out.subgraph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['Case:CASE-DT-THEFT-01', 'Person:P-CAI']));
  });

  it('links the Dainan cigarette-swap series to the Taixing and Jiangyan cases', async () => {
    const L = F.linkCases[1]!;
    const S = F.trajectory.swapPair;
    const r = await t.gql<{ linkCases: LinkOut }>(analyst, LINK, { caseId: L.caseId });
    expect(r.errors).toBeUndefined();
    const out = r.data!.linkCases;
    expect(out.similar[0]!).toMatchObject({ rank: 1, caseId: L.expectedTop });
    expect([...out.series].sort()).toEqual([...L.series].sort());
    const tested = out.offenderTests.find((x) => x.solvedCase === L.expectedTop)!;
    expect(tested.coincidentCases).toEqual([...S.coincidentCases]);
    expect(out.offenderTests.map((x) => x.solvedCase).sort()).toEqual(['CASE-JY-SWAP-01', 'CASE-TX-SWAP-01']);
    expect(out.present[0]!.personId).toBe(S.offenders[0]);
  });
});

const CO = `query Co($personId: ID!, $from: DateTime, $to: DateTime, $minTimes: Int) {
  coTravellers(personId: $personId, from: $from, to: $to, minTimes: $minTimes) {
    companions { rank personId times hotelNights cafeSessions checkpointPasses score }
    groups
  }
}`;

describe('coTravellers', () => {
  it('finds the gang together at least k times and groups them; the chance trio does not qualify', async () => {
    const C = F.coTravellers;
    const r = await t.gql<{ coTravellers: CoOut }>(analyst, CO, { personId: C.personId, ...WINDOW, minTimes: C.minTimes });
    expect(r.errors).toBeUndefined();
    const out = r.data!.coTravellers;
    expect(out.companions.map((c) => c.personId)).toEqual([...C.expectedTop]);
    for (const c of out.companions) expect(c.times).toBe(C.expectedCounts[c.personId as keyof typeof C.expectedCounts]);
    expect(out.groups).toEqual([[C.personId, ...[...C.expectedTop].sort()]]);
    const N = C.negativeControl;
    const none = await t.gql<{ coTravellers: CoOut }>(analyst, CO, { personId: N.personId, ...WINDOW, minTimes: C.minTimes });
    expect(none.data!.coTravellers.companions).toEqual([]);
    const all = await t.gql<{ coTravellers: CoOut }>(analyst, CO, { personId: N.personId, ...WINDOW, minTimes: 1 });
    const counts = Object.fromEntries(all.data!.coTravellers.companions.map((c) => [c.personId, c.times]));
    expect(counts).toMatchObject(N.expectedCounts);
    expect(Math.max(...Object.values(counts).map(Number))).toBeLessThanOrEqual(N.maxTimes);
  });
});

const SAVE_PROFILE = `mutation Save($id: ID, $input: RiskProfileInput!) { saveRiskProfile(id: $id, input: $input) { id version key } }`;
const SEARCH = `query Search($profileId: ID!, $from: DateTime, $to: DateTime, $mo: [String!], $radiusM: Float, $slackHours: Float) {
  highRiskSearch(profileId: $profileId, from: $from, to: $to, mo: $mo, radiusM: $radiusM, slackHours: $slackHours) {
    run { id profileVersion }
    profile { key }
    hotspots { id cases }
    candidates { rank personId name origin score nearCases reasons parts { name value } }
  }
}`;

describe('highRiskSearch (高危地区检索法)', () => {
  it('puts Liu from Qianjiang first for the stainless-steel thefts, and records the profile version it used', async () => {
    const H = F.highRiskSearch;
    const input = { origin: H.origin, originName: H.originName, caseType: H.caseType, weight: 1.5, justification: '潜江籍人员在戴南不锈钢市场多次盗窃原材料（测试）', approvedBy: '测试审批人', approvedAt: '2026-04-02' };
    const saved = await t.gql<{ saveRiskProfile: { id: string; version: number; key: string } }>(analyst, SAVE_PROFILE, { input });
    expect(saved.errors).toBeUndefined();
    const id = saved.data!.saveRiskProfile.id;
    try {
      const v2 = await t.gql<{ saveRiskProfile: { id: string; version: number; key: string } }>(analyst, SAVE_PROFILE, { id, input: { ...input, weight: 2 } });
      expect(v2.data!.saveRiskProfile).toMatchObject({ id, version: 2, key: `${id}#2` });
      const r = await t.gql<{ highRiskSearch: SearchOut }>(analyst, SEARCH, { profileId: id, ...WINDOW, mo: [...H.mo], radiusM: H.radiusM, slackHours: H.slackHours });
      expect(r.errors).toBeUndefined();
      const out = r.data!.highRiskSearch;
      expect(out.run.profileVersion).toBe(`${id}#2`);
      expect(out.hotspots[0]!.cases).toEqual(expect.arrayContaining([...H.caseIds]));
      const top = out.candidates[0]!;
      expect(top).toMatchObject({ rank: 1, personId: H.expectedTop, name: H.expectedTopName, origin: H.origin });
      expect(top.nearCases).toHaveLength(H.expectedTopNearCases);
      // Controls: the daytime worker, the two far away, and the man from another origin are not near.
      for (const c of Object.keys(H.controls)) expect(out.candidates.map((x) => x.personId)).not.toContain(c);
      const run = await t.gql<{ techniqueRun: RunOut }>(analyst, 'query R($id: ID!) { techniqueRun(id: $id) { profileVersion summary } }', { id: out.run.id });
      expect(run.data!.techniqueRun.profileVersion).toBe(`${id}#2`);
      // The reasons in Chinese for the workspace: the same person first, the same number of reasons.
      const zh = await t.gql<{ highRiskSearch: SearchOut & { candidates: { reasons: string[] }[] } }>(analyst, SEARCH, { profileId: id, ...WINDOW, mo: [...H.mo], radiusM: H.radiusM, slackHours: H.slackHours }, undefined, { 'accept-language': 'zh-CN' });
      const zhTop = zh.data!.highRiskSearch.candidates[0]!;
      expect(zhTop.personId).toBe(H.expectedTop);
      expect(zhTop.reasons[0]).toMatch(new RegExp(`^籍贯 ${H.origin} 与画像相符`));
      expect(zhTop.reasons[1]).toContain(`有 ${H.expectedTopNearCases} 起案发时此人在现场附近`);
      const bad = await t.gql(analyst, SAVE_PROFILE, { input: { ...input, justification: 'short' } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.justification' });
      // An approval on a day that does not exist, or one still to come, is refused by field.
      for (const approvedAt of ['2026-02-30', '2099-01-01']) {
        const refused = await t.gql(analyst, SAVE_PROFILE, { id, input: { ...input, approvedAt } });
        expect(refused.errors?.[0]?.extensions, approvedAt).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.approvedAt' });
      }
      const versions = await t.gql<{ riskProfileHistory: { version: number }[] }>(analyst, 'query H($id: ID!) { riskProfileHistory(id: $id) { version } }', { id });
      expect(versions.data!.riskProfileHistory.map((v) => v.version)).toEqual([2, 1]);
      // Saved without the region's name, the profile takes it from the region of that code.
      const unnamed = await t.gql<{ saveRiskProfile: { originName: string } }>(analyst, `mutation Save($id: ID, $input: RiskProfileInput!) { saveRiskProfile(id: $id, input: $input) { originName } }`, { id, input: { ...input, originName: '' } });
      expect(unnamed.data!.saveRiskProfile.originName).toBe(H.originName);
    } finally {
      await t.graph.write((tx) => tx.run('MATCH (p:RiskProfile {id: $id}) OPTIONAL MATCH (p)-[:VERSION]->(v) DETACH DELETE p, v', { id }));
    }
  });
});
