/**
 * Recomputes every expected answer of seed/fixture.ts from generated data with plain
 * reference implementations (tests/unit/seed-graph.ts), at the demo seed and at another
 * seed and scale: the stories must hold whatever the background around them is.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateCounty } from '../../seed/generate.js';
import { STORY_FIXTURE as F } from '../../seed/fixture.js';
import { FIXTURE_JSON_PATH, fixtureJson } from '../../seed/write-fixture.js';
import { SeedGraph, bfsCounts, caseSimilarity, coPresence, coincidences, type Presence } from './seed-graph.js';

const HOUR = 3_600_000;
const cstDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const sorted = <T>(xs: Iterable<T>) => [...xs].sort();

describe('stories.fixture.json', () => {
  it('is fixture.ts as JSON (regenerate with npx tsx seed/write-fixture.ts)', () => {
    expect(readFileSync(FIXTURE_JSON_PATH, 'utf8')).toBe(fixtureJson());
  });
});

describe.each([
  { seed: 20260327, scale: 1 },
  { seed: 4242, scale: 0.5 },
])('stories at seed $seed, scale $scale', ({ seed, scale }) => {
  let g: SeedGraph;
  let presences: Presence[];
  beforeAll(() => {
    g = new SeedGraph(generateCounty({ seed, scale }));
    presences = g.presences();
  }, 60_000);

  it('plants every story id the fixture names', () => {
    const T = F.traceAssociates;
    for (const id of [T.personId, T.victimId, ...Object.keys(T.associates), ...F.collision.expectedGroups[0]!.members, ...F.collision.negativeControl.personIds,
      ...F.trajectory.gang.offenders, F.trajectory.volumeControl.personId, ...F.trajectory.chanceControl.personIds, ...F.trajectory.swapPair.offenders,
      F.highRiskSearch.expectedTop, ...Object.keys(F.highRiskSearch.controls)]) {
      expect(g.persons.has(id), id).toBe(true);
    }
    for (const id of [T.caseId, ...F.linkCases.flatMap((l) => [l.caseId, l.expectedTop, ...l.series]), ...F.highRiskSearch.caseIds]) expect(g.cases.has(id), id).toBe(true);
    expect(g.locations.get(T.expectedTopLocationId)?.name).toBe(T.expectedTopLocationName);
  });

  describe('1. associate reverse-tracing', () => {
    const T = F.traceAssociates;
    const fled = () => Date.parse(`${T.fledOn}T00:00:00+08:00`);

    it('the fugitive is silent after he fled; his relations are as listed', () => {
      const li = g.persons.get(T.personId)!;
      expect(li.tags).toContain('FUGITIVE');
      expect(presences.filter((p) => p.personId === T.personId).every((p) => p.from < fled())).toBe(true);
      const calls = g.calls.filter((c) => li.phones!.includes(c.from) || li.phones!.includes(c.to)).map((c) => c.at).sort();
      expect(calls.at(-1)).toBe(T.lastOwnTraceAt);
      expect(Object.fromEntries(g.relationsOf(T.personId).map(({ other, rel }) => [other, rel.type]))).toEqual(T.associates);
      const inv = g.involvements.filter((i) => i.case === T.caseId);
      expect(inv.map((i) => `${i.person}:${i.role}`).sort()).toEqual([`${T.personId}:SUSPECT`, `${T.victimId}:VICTIM`].sort());
    });

    it('ranks 建湖 first and H-JH-01 the top place, by count, by tie weight and by distinct associates', () => {
      const weight = new Map(g.relationsOf(T.personId).map(({ other, rel }) => [other, rel.weight ?? 0.5]));
      const seen = presences.filter((p) => weight.has(p.personId) && p.from >= fled());
      const score = (key: (p: Presence) => string) => {
        const count = new Map<string, number>();
        const weighted = new Map<string, number>();
        const people = new Map<string, Set<string>>();
        for (const p of seen) {
          const k = key(p);
          count.set(k, (count.get(k) ?? 0) + 1);
          weighted.set(k, (weighted.get(k) ?? 0) + weight.get(p.personId)!);
          (people.get(k) ?? people.set(k, new Set()).get(k)!).add(p.personId);
        }
        const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
        return { count: top(count), weighted: top(weighted), people: top(new Map([...people].map(([k, s]) => [k, s.size]))), raw: people, counts: count };
      };
      const towns = score((p) => g.locations.get(p.location)!.town!);
      for (const ranking of [towns.count, towns.weighted, towns.people]) {
        expect(ranking[0]![0]).toBe(T.expectedTopTown);
        expect(ranking[0]![1]).toBeGreaterThan(ranking[1]![1]);
      }
      for (const [town, ev] of Object.entries(T.townEvidence)) {
        expect(towns.counts.get(town)).toBe(ev.events);
        expect(sorted(towns.raw.get(town)!)).toEqual(ev.associates);
        const days = seen.filter((p) => g.locations.get(p.location)!.town === town).map((p) => cstDate(p.from)).sort();
        expect([days[0], days.at(-1)]).toEqual([ev.from, ev.to]);
        expect(g.locations.get(seen.find((p) => g.locations.get(p.location)!.town === town)!.location)!.region).toBe(ev.region);
      }
      const places = score((p) => p.location);
      for (const ranking of [places.count, places.weighted, places.people]) expect(ranking[0]![0]).toBe(T.expectedTopLocationId);
      for (const [loc, n] of Object.entries(T.expectedLocationEvents)) expect(places.counts.get(loc)).toBe(n);
      const key = g.stays.find((s) => s.person === T.keySighting.personId && s.location === T.keySighting.locationId)!;
      expect(key.checkIn).toBe(T.keySighting.checkIn);
    });
  });

  describe('2. batch collision', () => {
    const C = F.collision;
    const groupsOn = (date: string, tagged: (tags: readonly string[]) => boolean) => {
      const byStation = new Map<string, Set<string>>();
      const regs = [...g.stays.map((s) => ({ person: s.person, location: s.location, at: s.checkIn })), ...g.logins.map((l) => ({ person: l.person, location: l.location, at: l.at }))];
      for (const r of regs) {
        if (r.at.slice(0, 10) !== date || !tagged(g.persons.get(r.person)!.tags ?? [])) continue;
        const station = g.locations.get(r.location)!.station!;
        (byStation.get(station) ?? byStation.set(station, new Set()).get(station)!).add(r.person);
      }
      return [...byStation.entries()].filter(([, s]) => s.size >= 3).map(([station, s]) => ({ station, members: sorted(s) }));
    };

    it('finds exactly one group of nine in the 新城 area, whatever the watch-list', () => {
      const expected = C.expectedGroups.map((e) => ({ station: e.station, members: sorted(e.members) }));
      expect(groupsOn(C.date, (tags) => tags.includes(C.watchList))).toEqual(expected);
      expect(groupsOn(C.date, (tags) => tags.length > 0)).toEqual(expected);
      const group = C.expectedGroups[0]!;
      const stays = g.stays.filter((s) => (group.members as readonly string[]).includes(s.person) && s.checkIn.startsWith(C.date));
      expect(sorted(new Set(stays.map((s) => s.location)))).toEqual(group.hotels);
      expect([stays.map((s) => s.checkIn).sort()[0], stays.map((s) => s.checkIn).sort().at(-1)]).toEqual([group.firstCheckIn, group.lastCheckIn]);
      for (const id of group.members) expect(g.persons.get(id)).toMatchObject({ employment: 'UNEMPLOYED', tags: ['DRUG_USER'] });
      for (const h of group.hotels) expect(g.locations.get(h)!.station).toBe(C.orderStation);
    });

    it('puts the negative control in no group, and keeps watch-listed background quiet on the quiet dates', () => {
      const [a, b] = C.negativeControl.personIds;
      const where = [a, b].map((p) => g.locations.get(g.stays.find((s) => s.person === p && s.checkIn.startsWith(C.date))!.location)!.station);
      expect(where).toEqual(C.negativeControl.stations);
      for (const date of C.quietDates) {
        const regs = [...g.stays.map((s) => [s.person, s.checkIn] as const), ...g.logins.map((l) => [l.person, l.at] as const)];
        const background = regs.filter(([p, at]) => at.startsWith(date) && p.startsWith('P-0') && (g.persons.get(p)!.tags ?? []).length > 0);
        expect(background).toEqual([]);
      }
    });
  });

  describe('3. trajectory linking', () => {
    it.each(F.linkCases.map((l) => [l.caseId, l] as const))('ranks the expected case first for %s', (_id, l) => {
      const target = g.cases.get(l.caseId)!;
      const ranked = [...g.cases.values()].filter((c) => c.id !== l.caseId).map((c) => [c.id, caseSimilarity(target, c)] as const).sort((a, b) => b[1] - a[1]);
      expect(ranked[0]![0]).toBe(l.expectedTop);
      expect(ranked[0]![1]).toBeGreaterThan(ranked[1]![1]);
      const top = g.cases.get(l.expectedTop)!;
      expect(top).toMatchObject({ status: 'SOLVED', agency: l.expectedTopAgency });
      const offenders = g.involvements.filter((i) => i.case === l.expectedTop && i.role === 'OFFENDER').map((i) => i.person);
      expect(sorted(offenders)).toEqual(sorted(l.expectedTopOffenders));
    });

    it('finds the gang near four local thefts, and the controls near fewer', () => {
      const T = F.trajectory;
      const series = F.linkCases[0]!.series;
      const near = coincidences(g, series, T.radiusM, T.slackHours);
      for (const p of T.gang.offenders) expect(sorted(near.get(p)!), p).toEqual(T.gang.coincidentCases);
      expect(sorted(near.get(T.volumeControl.personId)!)).toEqual(T.volumeControl.coincidentCases);
      for (const p of T.chanceControl.personIds) expect(sorted(near.get(p)!), p).toEqual(T.chanceControl.coincidentCases);
      const most = Math.max(...[...near.entries()].filter(([p]) => !(T.gang.offenders as readonly string[]).includes(p)).map(([, s]) => s.size));
      expect(most).toBeLessThan(T.gang.coincidentCases.length);
      const localSwaps = F.linkCases[1]!.series.filter((id) => g.cases.get(id)!.region === '321281');
      const swap = coincidences(g, localSwaps, T.radiusM, T.slackHours);
      expect(sorted(swap.get(T.swapPair.offenders[0])!)).toEqual(T.swapPair.coincidentCases);
    });

    it('gives the volume control more raw nearby events than any gang member, from hundreds of movements', () => {
      const T = F.trajectory;
      const raw = (person: string) => {
        let n = 0;
        for (const id of F.linkCases[0]!.series) {
          const c = g.cases.get(id)!;
          const from = Date.parse(c.occurredFrom) - T.slackHours * HOUR;
          const to = Date.parse(c.occurredTo!) + T.slackHours * HOUR;
          for (const p of presences) if (p.personId === person && p.to >= from && p.from <= to && g.caseSiteDistance(id, p.location) <= T.radiusM) n++;
        }
        return n;
      };
      expect(raw(T.volumeControl.personId)).toBe(T.volumeControl.rawNearEvents);
      expect(Math.max(...T.gang.offenders.map(raw))).toBe(T.volumeControl.gangMaxRawNearEvents);
      expect(presences.filter((p) => p.personId === T.volumeControl.personId).length).toBe(T.volumeControl.movements);
    });
  });

  describe('4. co-travellers', () => {
    it('puts the gang at the top, four times or more, and the chance trio at three at most', () => {
      const C = F.coTravellers;
      const counts = [...coPresence(g, C.personId, C.checkpointMinutes).entries()].sort((a, b) => b[1] - a[1]);
      expect(counts.slice(0, 2)).toEqual(Object.entries(C.expectedCounts));
      expect(counts[2]![1]).toBeLessThan(C.minTimes);
      const chance = coPresence(g, C.negativeControl.personId, C.checkpointMinutes);
      for (const [p, n] of Object.entries(C.negativeControl.expectedCounts)) expect(chance.get(p)).toBe(n);
      expect(Math.max(...chance.values())).toBeLessThanOrEqual(C.negativeControl.maxTimes);
    });
  });

  describe('5. high-risk area search', () => {
    it('ranks 刘建波 first among people from 429005 by nearby thefts', () => {
      const H = F.highRiskSearch;
      const near = coincidences(g, H.caseIds, H.radiusM, H.slackHours);
      const ranked = [...near.entries()].filter(([p]) => g.persons.get(p)!.origin === H.origin).map(([p, s]) => [p, s.size] as const).sort((a, b) => b[1] - a[1]);
      expect(ranked[0]).toEqual([H.expectedTop, H.expectedTopNearCases]);
      expect(ranked[1]![1]).toBeLessThan(H.expectedTopNearCases / 2);
      expect(g.persons.get(H.expectedTop)!.name).toBe(H.expectedTopName);
      for (const id of H.caseIds) expect(g.cases.get(id)).toMatchObject({ type: H.caseType, status: 'OPEN', mo: H.mo });
      expect(g.persons.get('P-AH-1')!.origin).not.toBe(H.origin);
    });
  });

  describe('core link queries', () => {
    it('search: each text finds the story person and nobody else has that name, ID, phone or plate', () => {
      for (const s of F.core.search) {
        const want = ('expectedFirst' in s ? s.expectedFirst : s.expectedPerson).slice('Person:'.length);
        const hits = [...g.persons.values()].filter((p) => p.name === s.text || p.idNumber === s.text || p.phones?.includes(s.text) || p.plates?.includes(s.text));
        expect(hits.map((p) => p.id)).toEqual([want]);
      }
    });

    it('expand: the exact depth-1 neighbourhood', () => {
      expect(sorted(g.personNeighbours(F.core.expand.uid.slice('Person:'.length)))).toEqual(F.core.expand.expectedNeighbours);
    });

    it('shortest path: exactly N hops, one path, through relations and through the whole graph', () => {
      const S = F.core.shortestPath;
      const relAdj = new Map<string, string[]>();
      for (const r of g.relations) {
        (relAdj.get(`Person:${r.from}`) ?? relAdj.set(`Person:${r.from}`, []).get(`Person:${r.from}`)!).push(`Person:${r.to}`);
        (relAdj.get(`Person:${r.to}`) ?? relAdj.set(`Person:${r.to}`, []).get(`Person:${r.to}`)!).push(`Person:${r.from}`);
      }
      for (const adj of [relAdj, g.adjacency()]) {
        const { dist, paths } = bfsCounts(adj, S.from);
        expect(dist.get(S.to)).toBe(S.hops);
        expect(paths.get(S.to)).toBe(1);
      }
      const ids = S.nodes.map((u) => u.slice('Person:'.length));
      const types = ids.slice(1).map((id, i) => g.relations.find((r) => (r.from === ids[i] && r.to === id) || (r.to === ids[i] && r.from === id))?.type);
      expect(types).toEqual(S.relationTypes);
    });

    it('common associates: persons related to both', () => {
      const { a, b, expected } = F.core.commonAssociates;
      const of = (id: string) => new Set(g.relationsOf(id).map((x) => x.other));
      const other = of(b);
      expect(sorted([...of(a)].filter((x) => other.has(x)))).toEqual(expected);
    });

    it('timeline: counts of each kind in the window', () => {
      for (const t of F.core.timeline) {
        const p = g.persons.get(t.personId)!;
        const inWindow = (at: string) => at.slice(0, 10) >= t.from && at.slice(0, 10) <= t.to;
        const counts = {
          stay: g.stays.filter((s) => s.person === p.id && inWindow(s.checkIn)).length,
          login: g.logins.filter((l) => l.person === p.id && inWindow(l.at)).length,
          pass: g.passes.filter((x) => p.plates?.includes(x.plate) && inWindow(x.at)).length,
          call: g.calls.filter((c) => (p.phones?.includes(c.from) || p.phones?.includes(c.to)) && inWindow(c.at)).length,
        };
        expect({ ...counts, total: counts.stay + counts.login + counts.pass + counts.call }).toEqual(t.counts);
      }
    });
  });
});
