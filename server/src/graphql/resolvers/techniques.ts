import type { IResolvers } from 'mercurius';
import { BadUserInput, NotFound } from '../../errors.js';
import { toPlain } from '../../db/neo4j-values.js';
import { highRiskSearch } from '../../techniques/high-risk/high-risk-search.js';
import { findRiskProfiles } from '../../techniques/high-risk/risk-profiles.js';
import { coTravellers } from '../../techniques/linking/co-travellers.js';
import { linkCases } from '../../techniques/linking/link-cases.js';
import type { ChanceAssessment } from '../../techniques/linking/coincidence-chance.js';
import { DEFAULT_RELATION_WEIGHTS } from '../../techniques/trace/associate-ties.js';
import { traceAssociates } from '../../techniques/trace/trace-associates.js';
import type { RankedPlace } from '../../techniques/trace/place-ranking.js';
import { cstText, idArg, instantArg, numberArg, personRelationTypesArg, wholeArg, windowArg } from '../../techniques/technique-arguments.js';
import { findRun, listRuns, type TechniqueName } from '../../techniques/technique-runs.js';
import type { ClewContext } from '../context.js';
import { personOut } from '../records.js';
import { ranked, recordTechniqueRun, runOut } from './technique-support.js';

type Maybe<T> = T | null | undefined;

/** Queries of the four techniques (docs/techniques.md); collision and orders are in orders.ts. */
export const techniqueResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    traceAssociates: async (_root, a: { personId: string; relationTypes?: Maybe<string[]>; depth?: Maybe<number>; from?: Maybe<string>; to?: Maybe<string>; afterLastOwnTrace?: Maybe<boolean>; halfLifeDays?: Maybe<number>; minStrength?: Maybe<number>; limit?: Maybe<number> }, ctx) => {
      const startedAt = ctx.clock();
      const args = {
        personId: idArg('personId', a.personId),
        relationTypes: personRelationTypesArg(a.relationTypes),
        depth: wholeArg('depth', a.depth, 2, 1, 3),
        window: windowArg(a.from, a.to, startedAt, 90),
        afterLastOwnTrace: a.afterLastOwnTrace ?? true,
        relationWeights: DEFAULT_RELATION_WEIGHTS,
        halfLifeDays: numberArg('halfLifeDays', a.halfLifeDays, 14, 0.5, 365),
        minStrength: numberArg('minStrength', a.minStrength, 0, 0, 2),
        limit: wholeArg('limit', a.limit, 10, 1, 100),
      };
      const r = await ctx.graph.read((tx) => traceAssociates(tx, args), { metadata: { op: 'traceAssociates' } });
      const run = await recordTechniqueRun(ctx, 'TRACE_ASSOCIATES', startedAt, { ...args, window: { from: args.window.from, to: args.window.to }, relationWeights: undefined }, {
        towns: r.towns.slice(0, 5).map((t) => ({ town: t.town, score: t.score })),
        places: r.places.slice(0, 5).map((p) => ({ location: p.key, score: p.score })),
        associates: r.associates.length,
      });
      return {
        run,
        person: personOut(toPlain(r.person.properties) as Record<string, unknown>),
        lastOwnTraceAt: r.lastOwnTraceAt,
        searchedFrom: r.searched.from,
        searchedTo: r.searched.to,
        towns: ranked(r.towns.map(placeOut)),
        places: ranked(r.places.map(placeOut)),
        associates: r.associates.map((t) => ({ ...t, personId: t.id, name: String((toPlain(t.nodes[t.nodes.length - 1]!.properties) as { name?: unknown }).name ?? t.id) })),
        subgraph: r.subgraph,
      };
    },

    linkCases: async (_root, a: { caseId: string; radiusM?: Maybe<number>; slackHours?: Maybe<number>; minMoSimilarity?: Maybe<number>; from?: Maybe<string>; to?: Maybe<string>; limit?: Maybe<number> }, ctx) => {
      const startedAt = ctx.clock();
      const args = {
        caseId: idArg('caseId', a.caseId),
        radiusM: numberArg('radiusM', a.radiusM, 3000, 50, 50_000),
        slackHours: numberArg('slackHours', a.slackHours, 3, 0, 72),
        minMoSimilarity: numberArg('minMoSimilarity', a.minMoSimilarity, 0.55, 0, 1),
        limit: wholeArg('limit', a.limit, 10, 1, 100),
        from: instantArg('from', a.from),
        to: instantArg('to', a.to),
      };
      if (args.from !== null && args.to !== null && args.to <= args.from) throw new BadUserInput('to', 'must be after from', '应晚于开始时间');
      const r = await ctx.graph.read((tx) => linkCases(tx, args), { metadata: { op: 'linkCases' } });
      const run = await recordTechniqueRun(ctx, 'LINK_CASES', startedAt, args, {
        similar: r.similar.slice(0, 5).map((s) => ({ case: s.facts.id, score: s.similarity.score })),
        series: r.series,
        offenderTests: r.offenderTests.map((t) => ({ solvedCase: t.solvedCase, coincident: t.coincident, score: t.assessment.surprise })),
        present: r.present.slice(0, 5).map((p) => ({ person: p.person, score: p.assessment.surprise })),
      });
      return {
        run,
        caseId: r.query.id,
        similar: ranked(
          r.similar.map((s) => ({
            caseId: s.facts.id,
            title: s.facts.title,
            status: s.facts.status,
            agency: s.facts.agency,
            region: s.facts.region,
            occurredFrom: cstText(s.facts.fromMs),
            mo: s.facts.mo,
            offenders: s.facts.offenders,
            named: s.facts.named,
            inSeries: s.inSeries,
            ...s.similarity,
          })),
        ),
        series: r.series,
        testedCases: r.tested,
        windowFrom: r.window.from,
        windowTo: r.window.to,
        offenderTests: r.offenderTests.map((t) => ({
          solvedCase: t.solvedCase,
          offenders: ranked(t.offenders.map((o) => coincidenceOut(o.person, null, o.coincident, o.assessment))),
          coincidentCases: t.coincident,
          score: t.assessment.surprise,
          parts: t.assessment.parts,
        })),
        present: ranked(r.present.map((p) => coincidenceOut(p.person, p.name, p.coincident, p.assessment))),
        subgraph: r.subgraph,
      };
    },

    coTravellers: async (_root, a: { personId: string; from?: Maybe<string>; to?: Maybe<string>; minTimes?: Maybe<number>; checkpointMinutes?: Maybe<number>; limit?: Maybe<number> }, ctx) => {
      const startedAt = ctx.clock();
      const args = {
        personId: idArg('personId', a.personId),
        window: windowArg(a.from, a.to, startedAt, 90),
        minTimes: wholeArg('minTimes', a.minTimes, 4, 1, 100),
        checkpointMinutes: wholeArg('checkpointMinutes', a.checkpointMinutes, 10, 1, 120),
        limit: wholeArg('limit', a.limit, 20, 1, 200),
      };
      const r = await ctx.graph.read((tx) => coTravellers(tx, args), { metadata: { op: 'coTravellers' } });
      const run = await recordTechniqueRun(ctx, 'CO_TRAVELLERS', startedAt, { ...args, window: { from: args.window.from, to: args.window.to } }, {
        companions: r.companions.map((c) => ({ person: c.person, times: c.times, score: c.score })),
        groups: r.groups,
      });
      return {
        run,
        person: personOut(toPlain(r.person.properties) as Record<string, unknown>),
        companions: ranked(
          r.companions.map((c) => ({
            ...c,
            personId: c.person,
            hotelNights: c.byKind.HOTEL,
            cafeSessions: c.byKind.CAFE,
            checkpointPasses: c.byKind.CHECKPOINT,
            together: c.together.map((t) => ({ ...t, locationId: t.place.id, locationName: t.place.name })),
          })),
        ),
        groups: r.groups,
        subgraph: r.subgraph,
      };
    },

    highRiskSearch: async (_root, a: { profileId: string; from?: Maybe<string>; to?: Maybe<string>; mo?: Maybe<string[]>; hotspotRadiusM?: Maybe<number>; minHotspotCases?: Maybe<number>; radiusM?: Maybe<number>; slackHours?: Maybe<number>; limit?: Maybe<number> }, ctx) => {
      const startedAt = ctx.clock();
      const profileId = idArg('profileId', a.profileId);
      const [profile] = await ctx.graph.read((tx) => findRiskProfiles(tx, profileId));
      if (!profile) throw new NotFound('RiskProfile', profileId);
      if (!profile.active) throw new BadUserInput('profileId', `risk profile ${profileId} is not active`, `风险画像 ${profileId} 已停用`);
      const args = {
        profile,
        window: windowArg(a.from, a.to, startedAt, 90),
        localRegions: ctx.config.techniques.localRegions,
        mo: [...new Set(a.mo ?? [])].sort(),
        hotspotRadiusM: numberArg('hotspotRadiusM', a.hotspotRadiusM, 1500, 50, 20_000),
        minHotspotCases: wholeArg('minHotspotCases', a.minHotspotCases, 3, 1, 100),
        radiusM: numberArg('radiusM', a.radiusM, 2000, 50, 20_000),
        slackHours: numberArg('slackHours', a.slackHours, 3, 0, 72),
        limit: wholeArg('limit', a.limit, 20, 1, 200),
      };
      const r = await ctx.graph.read((tx) => highRiskSearch(tx, args), { metadata: { op: 'highRiskSearch' } });
      const run = await recordTechniqueRun(
        ctx,
        'HIGH_RISK_SEARCH',
        startedAt,
        { ...args, profile: profile.key, window: { from: args.window.from, to: args.window.to } },
        { hotspots: r.hotspots.map((h) => ({ id: h.id, cases: h.cases.length })), candidates: r.candidates.map((c) => ({ person: c.person, score: c.score, nearCases: c.nearCases.length })) },
        profile.key,
      );
      return {
        run,
        profile: { ...profile, savedAt: cstText(profile.savedAt) },
        casesConsidered: r.casesConsidered,
        hotspots: r.hotspots.map((h) => ({ id: h.id, cases: h.cases.map((c) => c.id), lat: h.lat, lon: h.lon })),
        candidates: ranked(r.candidates.map((c) => ({ ...c, personId: c.person }))),
        subgraph: r.subgraph,
      };
    },

    techniqueRun: async (_root, a: { id: string }, ctx) => {
      const run = await ctx.graph.read((tx) => findRun(tx, idArg('id', a.id)));
      return run ? runOut(run) : null;
    },

    techniqueRuns: async (_root, a: { technique?: Maybe<TechniqueName>; first?: Maybe<number>; offset?: Maybe<number> }, ctx) => {
      const first = wholeArg('first', a.first, 20, 1, 200);
      const offset = wholeArg('offset', a.offset, 0, 0, 100_000);
      return (await ctx.graph.read((tx) => listRuns(tx, a.technique ?? null, offset, first))).map(runOut);
    },
  },
};

function placeOut(p: RankedPlace) {
  return {
    town: p.town,
    region: p.region,
    locationId: p.place?.id ?? null,
    locationName: p.place?.name ?? null,
    locationType: p.place?.type ?? null,
    score: p.score,
    parts: p.parts,
    events: p.events,
    window: p.window,
    associates: p.associates.map((x) => ({ ...x, personId: x.id })),
    lastSightings: p.sightings.map((m) => ({ personId: m.person, kind: m.kind, at: m.at, until: m.until, locationId: m.place.id, locationName: m.place.name })),
  };
}

function coincidenceOut(personId: string, name: string | null, coincident: string[], a: ChanceAssessment) {
  return { personId, name, coincidentCases: coincident, observed: a.observed, expectedByChance: a.expected, movements: a.movements, score: a.surprise, parts: a.parts };
}
