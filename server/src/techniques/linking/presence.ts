import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import type { TimeWindow } from '../technique-arguments.js';
import { assessCoincidence, type ChanceAssessment, type Scene, type TrailPoint } from './coincidence-chance.js';

const PRESENCE = cypher('techniques/presence-near-scenes');
const TRAILS = cypher('techniques/trails-of-persons');

export interface PresenceRow {
  caseId: string;
  person: string;
  kind: 'STAY' | 'LOGIN' | 'PASS';
  at: string;
  until: string | null;
  place: { id: string; name: string; lat: number; lon: number; town: string | null };
  distance: number;
  edge: string;
  owner: string | null;
}

export interface PresentPerson {
  person: string;
  name: string;
  origin: string | null;
  coincident: string[];
  assessment: ChanceAssessment;
  rows: PresenceRow[];
}

/** Persons scored beyond this many are cut, keeping those near the most scenes. */
const MAX_CANDIDATES = 2000;

/**
 * Everyone near the scenes when they happened, each scored against chance for their own
 * movement volume (coincidence-chance.ts). Ranked by surprise, then scenes, then id.
 */
export async function presentPersons(tx: Tx, scenes: Scene[], radiusM: number, window: TimeWindow, originPrefix: string | null): Promise<PresentPerson[]> {
  if (scenes.length === 0) return [];
  const params = {
    scenes: scenes.map((s) => ({ id: s.id, lat: s.lat, lon: s.lon, from: new Date(s.fromMs).toISOString(), to: new Date(s.toMs).toISOString() })),
    radius: radiusM,
    origin: originPrefix,
  };
  const byPerson = new Map<string, PresenceRow[]>();
  for (const r of (await tx.run(PRESENCE, params)).records) {
    const row = toPlain(r.toObject()) as PresenceRow;
    (byPerson.get(row.person) ?? byPerson.set(row.person, []).get(row.person)!).push(row);
  }
  const ranked = [...byPerson.entries()]
    .map(([person, rows]) => ({ person, rows, coincident: [...new Set(rows.map((r) => r.caseId))].sort() }))
    .sort((a, b) => b.coincident.length - a.coincident.length || (a.person < b.person ? -1 : 1))
    .slice(0, MAX_CANDIDATES);
  const trails = await trailsOf(tx, ranked.map((c) => c.person), window);
  const windowMs = window.toMs - window.fromMs;
  const out = ranked.map((c) => {
    const t = trails.get(c.person) ?? { name: c.person, origin: null, trail: [] };
    return { ...c, name: t.name, origin: t.origin, assessment: assessCoincidence(t.trail, scenes, new Set(c.coincident), radiusM, windowMs) };
  });
  return out.sort((a, b) => b.assessment.surprise - a.assessment.surprise || b.coincident.length - a.coincident.length || (a.person < b.person ? -1 : 1));
}

export async function trailsOf(tx: Tx, ids: string[], window: TimeWindow): Promise<Map<string, { name: string; origin: string | null; trail: TrailPoint[] }>> {
  const out = new Map<string, { name: string; origin: string | null; trail: TrailPoint[] }>();
  if (ids.length === 0) return out;
  const result = await tx.run(TRAILS, { ids, from: window.from, to: window.to });
  for (const r of result.records) {
    const trail = (r.get('trail') as unknown[][]).map((t) => t.map((x) => (neo4j.isInt(x) ? (x as neo4j.Integer).toNumber() : Number(x))) as TrailPoint);
    out.set(r.get('person') as string, { name: String(r.get('name')), origin: (r.get('origin') as string) ?? null, trail });
  }
  return out;
}
