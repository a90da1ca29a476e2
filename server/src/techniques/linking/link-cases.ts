import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import { NotFound } from '../../errors.js';
import { SubgraphBuilder, type Subgraph } from '../../link/graph-elements.js';
import { addRecordRow, type RawElement, type RawNode } from '../movements.js';
import { cstText, DAY_MS, HOUR_MS, type TimeWindow } from '../technique-arguments.js';
import { similarity, type CaseFacts, type Similarity } from './case-similarity.js';
import { assessCoincidence, type ChanceAssessment, type Scene } from './coincidence-chance.js';
import { presentPersons, trailsOf, type PresentPerson } from './presence.js';

const CASE = cypher('techniques/case-with-offenders');
const CANDIDATES = cypher('techniques/case-candidates');
const OFFENDER_EDGES = cypher('techniques/case-offender-edges');
const RECORDS = cypher('techniques/records-by-key');

export interface LinkCasesArgs {
  caseId: string;
  radiusM: number;
  slackHours: number;
  /** A case joins the series when its method tags are at least this similar (Jaccard). */
  minMoSimilarity: number;
  limit: number;
  from: number | null;
  to: number | null;
}

export interface SimilarCase {
  facts: CaseFacts;
  similarity: Similarity;
  inSeries: boolean;
}

export interface OffenderTest {
  solvedCase: string;
  offenders: { person: string; coincident: string[]; assessment: ChanceAssessment }[];
  /** The offenders taken together (their movements pooled). */
  coincident: string[];
  assessment: ChanceAssessment;
}

export interface LinkCasesResult {
  query: CaseFacts;
  similar: SimilarCase[];
  series: string[];
  /** Open cases of the series: the scenes whose coincidences are tested. */
  tested: string[];
  window: TimeWindow;
  offenderTests: OffenderTest[];
  present: PresentPerson[];
  subgraph: Subgraph;
}

/** 人员轨迹串并法: cases like this one, and whether the offenders of the solved ones were at ours. */
export async function linkCases(tx: Tx, args: LinkCasesArgs): Promise<LinkCasesResult> {
  const head = (await tx.run(CASE, { ids: [args.caseId] })).records[0];
  if (!head) throw new NotFound('Case', args.caseId);
  const query = factsOf(toPlain((head.get('case') as RawNode).properties) as Record<string, unknown>, head.get('offenders') as string[]);
  const type = String((toPlain((head.get('case') as RawNode).properties) as { type: unknown }).type);

  const candidates = (await tx.run(CANDIDATES, { type, exclude: args.caseId })).records.map((r) => factsOf(toPlain(r.toObject()) as Record<string, unknown>, r.get('named') as string[]));
  const ranked = candidates
    .map((facts) => {
      const s = similarity(query, facts);
      return { facts, similarity: s, inSeries: s.moSimilarity >= args.minMoSimilarity };
    })
    .sort((a, b) => b.similarity.score - a.similarity.score || (a.facts.id < b.facts.id ? -1 : 1));
  const seriesCases = [query, ...ranked.filter((c) => c.inSeries).map((c) => c.facts)];
  const testedCases = seriesCases.filter((c) => c.status !== 'SOLVED');
  const scenes: Scene[] = testedCases
    .filter((c) => c.lat !== null && c.lon !== null)
    .map((c) => ({ id: c.id, lat: c.lat!, lon: c.lon!, fromMs: c.fromMs - args.slackHours * HOUR_MS, toMs: c.toMs + args.slackHours * HOUR_MS }));
  const toMs = args.to ?? Math.max(...scenes.map((s) => s.toMs), query.toMs) + 7 * DAY_MS;
  const fromMs = args.from ?? toMs - 90 * DAY_MS;
  const window: TimeWindow = { from: cstText(fromMs), to: cstText(toMs), fromMs, toMs };

  const present = await presentPersons(tx, scenes, args.radiusM, window, null);
  const solved = ranked.filter((c) => c.inSeries && c.facts.status === 'SOLVED' && c.facts.named.length > 0).slice(0, args.limit);
  const offenderTests = await testOffenders(tx, solved.map((c) => c.facts), present, scenes, args.radiusM, window);
  offenderTests.sort((a, b) => b.assessment.surprise - a.assessment.surprise || (a.solvedCase < b.solvedCase ? -1 : 1));
  const subgraph = await evidence(tx, [query.id, ...ranked.slice(0, 5).map((c) => c.facts.id), ...seriesCases.map((c) => c.id)], offenderTests, present);
  return {
    query,
    similar: ranked.slice(0, args.limit),
    series: seriesCases.map((c) => c.id),
    tested: scenes.map((s) => s.id),
    window,
    offenderTests,
    present: present.slice(0, args.limit),
    subgraph,
  };
}

async function testOffenders(tx: Tx, solved: CaseFacts[], present: PresentPerson[], scenes: Scene[], radiusM: number, window: TimeWindow): Promise<OffenderTest[]> {
  const ids = [...new Set(solved.flatMap((c) => c.named))];
  const trails = await trailsOf(tx, ids, window);
  const presentBy = new Map(present.map((p) => [p.person, p]));
  const windowMs = window.toMs - window.fromMs;
  return solved.map((c) => {
    const offenders = [...c.named].sort().map((person) => {
      const coincident = presentBy.get(person)?.coincident ?? [];
      return { person, coincident, assessment: assessCoincidence(trails.get(person)?.trail ?? [], scenes, new Set(coincident), radiusM, windowMs) };
    });
    const pooled = [...new Set(offenders.flatMap((o) => o.coincident))].sort();
    const trail = offenders.flatMap((o) => trails.get(o.person)?.trail ?? []);
    return { solvedCase: c.id, offenders, coincident: pooled, assessment: assessCoincidence(trail, scenes, new Set(pooled), radiusM, windowMs) };
  });
}

async function evidence(tx: Tx, caseIds: string[], tests: OffenderTest[], present: PresentPerson[]): Promise<Subgraph> {
  const builder = new SubgraphBuilder();
  for (const r of (await tx.run(OFFENDER_EDGES, { ids: [...new Set(caseIds)] })).records) {
    builder.addNode(r.get('case') as RawNode);
    if (r.get('person')) builder.addNode(r.get('person') as RawNode);
    if (r.get('edge')) builder.addEdge(r.get('edge') as RawElement);
  }
  // The movements that put the tested offenders (and the top present persons) at the scenes.
  const who = new Set([...tests.flatMap((t) => t.offenders.map((o) => o.person)), ...present.slice(0, 5).map((p) => p.person)]);
  const edges = present.filter((p) => who.has(p.person)).flatMap((p) => p.rows.map((r) => r.edge));
  const keys = { STAYED_AT: [] as string[], LOGGED_IN: [] as string[], PASSED: [] as string[] };
  for (const e of new Set(edges)) {
    const i = e.indexOf(':');
    keys[e.slice(0, i) as keyof typeof keys]?.push(e.slice(i + 1));
  }
  for (const r of (await tx.run(RECORDS, { stays: keys.STAYED_AT, logins: keys.LOGGED_IN, passes: keys.PASSED })).records) {
    addRecordRow(builder, r);
  }
  return builder.build();
}

function factsOf(p: Record<string, unknown>, named: string[]): CaseFacts {
  const fromMs = Date.parse(String(p.occurredFrom ?? p.from));
  const toRaw = p.occurredTo ?? p.to;
  return {
    id: String(p.id),
    title: typeof p.title === 'string' ? p.title : null,
    status: String(p.status ?? 'OPEN'),
    mo: Array.isArray(p.mo) ? (p.mo as string[]) : [],
    offenders: typeof p.offenders === 'number' ? p.offenders : null,
    fromMs,
    toMs: toRaw ? Date.parse(String(toRaw)) : fromMs + HOUR_MS,
    lat: typeof p.lat === 'number' ? p.lat : null,
    lon: typeof p.lon === 'number' ? p.lon : null,
    region: (p.region as string) ?? null,
    agency: (p.agency as string) ?? null,
    named: [...named].sort(),
  };
}
