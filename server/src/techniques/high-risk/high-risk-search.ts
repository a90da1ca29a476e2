import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import { SubgraphBuilder, type Subgraph } from '../../link/graph-elements.js';
import type { ChanceAssessment } from '../linking/coincidence-chance.js';
import { presentPersons } from '../linking/presence.js';
import { addRecordRow, round, type ScorePart } from '../movements.js';
import { caseTypeZh } from '../chinese-words.js';
import { HOUR_MS, type TimeWindow } from '../technique-arguments.js';
import { findHotspots, type Hotspot } from './hotspots.js';
import type { RiskProfile } from './risk-profiles.js';

const LOCAL_CASES = cypher('techniques/local-cases-of-type');
const RECORDS = cypher('techniques/records-by-key');
const CASES = cypher('techniques/case-offender-edges');

export interface HighRiskArgs {
  profile: RiskProfile;
  window: TimeWindow;
  localRegions: string[];
  mo: string[];
  hotspotRadiusM: number;
  minHotspotCases: number;
  radiusM: number;
  slackHours: number;
  limit: number;
}

export interface RiskCandidate {
  person: string;
  name: string;
  origin: string | null;
  score: number;
  parts: ScorePart[];
  nearCases: string[];
  hotspots: string[];
  assessment: ChanceAssessment;
  reasons: string[];
  /** The reasons in Chinese, for the workspace (request-language.ts). */
  reasonsZh: string[];
}

export interface HighRiskResult {
  hotspots: Hotspot[];
  casesConsidered: number;
  candidates: RiskCandidate[];
  subgraph: Subgraph;
}

/**
 * 高危地区检索法: hotspots of the profile's crime type among local cases, then the persons
 * from the profile's origin who were near those scenes when they happened, each scored as
 * profile weight × surprise (how unlikely their presence is by chance for their movement
 * volume; see linking/coincidence-chance.ts), ranked with the reasons.
 */
export async function highRiskSearch(tx: Tx, args: HighRiskArgs): Promise<HighRiskResult> {
  const rows = (await tx.run(LOCAL_CASES, { type: args.profile.caseType, from: args.window.from, to: args.window.to, regions: args.localRegions, mo: args.mo })).records.map(
    (r) => toPlain(r.toObject()) as { id: string; lat: number; lon: number; from: string; to: string },
  );
  const points = rows.map((r) => ({ id: r.id, lat: r.lat, lon: r.lon, fromMs: Date.parse(r.from), toMs: Date.parse(r.to) }));
  const hotspots = findHotspots(points, args.hotspotRadiusM, args.minHotspotCases);
  const hotspotOf = new Map(hotspots.flatMap((h) => h.cases.map((c) => [c.id, h.id] as const)));
  const scenes = hotspots.flatMap((h) => h.cases).map((c) => ({ ...c, fromMs: c.fromMs - args.slackHours * HOUR_MS, toMs: c.toMs + args.slackHours * HOUR_MS }));
  const present = await presentPersons(tx, scenes, args.radiusM, args.window, args.profile.origin);
  const candidates = present
    .map((p): RiskCandidate => {
      const spots = [...new Set(p.coincident.map((c) => hotspotOf.get(c)!))].sort();
      const score = args.profile.weight * p.assessment.surprise;
      return {
        person: p.person,
        name: p.name,
        origin: p.origin,
        score: round(score),
        parts: [{ name: 'profileWeight', value: args.profile.weight, explanation: `risk profile ${args.profile.key}: ${args.profile.originName || args.profile.origin} × ${args.profile.caseType}`, explanationZh: `风险画像 ${args.profile.key}：${args.profile.originName || args.profile.origin} × ${caseTypeZh(args.profile.caseType)}` }, ...p.assessment.parts],
        nearCases: p.coincident,
        hotspots: spots,
        assessment: p.assessment,
        reasons: [
          `origin ${p.origin ?? '?'} matches the profile (${args.profile.origin} ${args.profile.originName})`,
          `near ${p.coincident.length} of ${scenes.length} ${args.profile.caseType} scenes in ${spots.length} hotspot(s) when they happened (≤ ${args.radiusM} m, ± ${args.slackHours} h)`,
          `${p.assessment.expected} expected by chance for ${p.assessment.movements} movements`,
        ],
        reasonsZh: [
          `籍贯 ${p.origin ?? '?'} 与画像相符（${args.profile.origin} ${args.profile.originName}）`,
          `${spots.length} 个热点的 ${scenes.length} 起${caseTypeZh(args.profile.caseType)}案件中，有 ${p.coincident.length} 起案发时此人在现场附近（≤ ${args.radiusM} 米，± ${args.slackHours} 小时）`,
          `按其 ${p.assessment.movements} 条活动，偶然应碰上 ${p.assessment.expected} 起`,
        ],
        rows: p.rows,
      } as RiskCandidate & { rows: typeof p.rows };
    })
    .sort((a, b) => b.score - a.score || b.nearCases.length - a.nearCases.length || (a.person < b.person ? -1 : 1))
    .slice(0, args.limit);
  return { hotspots, casesConsidered: points.length, candidates: candidates.map(({ rows: _rows, ...c }: RiskCandidate & { rows?: unknown }) => c), subgraph: await evidence(tx, candidates as (RiskCandidate & { rows: { edge: string }[] })[]) };
}

async function evidence(tx: Tx, candidates: (RiskCandidate & { rows: { edge: string }[] })[]): Promise<Subgraph> {
  const builder = new SubgraphBuilder();
  const top = candidates.slice(0, 5);
  for (const r of (await tx.run(CASES, { ids: [...new Set(top.flatMap((c) => c.nearCases))] })).records) builder.addNode(r.get('case') as never);
  const keys = { STAYED_AT: new Set<string>(), LOGGED_IN: new Set<string>(), PASSED: new Set<string>() };
  for (const c of top) {
    for (const row of c.rows) {
      const i = row.edge.indexOf(':');
      keys[row.edge.slice(0, i) as keyof typeof keys]?.add(row.edge.slice(i + 1));
    }
  }
  for (const r of (await tx.run(RECORDS, { stays: [...keys.STAYED_AT], logins: [...keys.LOGGED_IN], passes: [...keys.PASSED] })).records) addRecordRow(builder, r);
  return builder.build();
}
