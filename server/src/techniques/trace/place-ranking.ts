import type { Movement, PlaceInfo, ScorePart } from '../movements.js';
import { round } from '../movements.js';
import { cstDate, DAY_MS } from '../technique-arguments.js';
import type { AssociateTie } from './associate-ties.js';

/**
 * Ranks places (or towns) where a silent person is likely to be, from their associates'
 * traces. score = ties × recency × repetition × convergence:
 *  - ties: the summed tie strength of the distinct associates seen there;
 *  - recency: their tie-weighted mean of 0.5^(age of their latest trace / half-life), so a
 *    place the family visited last week beats one they visited in June;
 *  - repetition: 1 + 0.5 ln(traces / associates), for coming back;
 *  - convergence: 1 + 0.5 (associates − 1), because independent relations converging on one
 *    place (the story's old relation, wife and contact at one Jianhu hotel) is the signal.
 */
export interface RankedPlace {
  key: string;
  score: number;
  parts: ScorePart[];
  events: number;
  associates: { id: string; strength: number; relation: string; path: string[]; events: number; lastSeenAt: string }[];
  window: { from: string; to: string; peak: string };
  sightings: Movement[];
  place: PlaceInfo | null;
  town: string | null;
  region: string | null;
}

export function rankPlaces(
  movements: Movement[],
  ties: Map<string, AssociateTie>,
  keyOf: (m: Movement) => string | null,
  windowEndMs: number,
  halfLifeDays: number,
): RankedPlace[] {
  const byKey = new Map<string, Movement[]>();
  for (const m of movements) {
    const key = keyOf(m);
    if (key === null || !ties.has(m.person)) continue;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(m);
  }
  const ranked: RankedPlace[] = [];
  for (const [key, list] of byKey) ranked.push(scorePlace(key, list, ties, windowEndMs, halfLifeDays));
  // Same data, same ranking: ties broken by the key (location id or town name).
  return ranked.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function scorePlace(key: string, list: Movement[], ties: Map<string, AssociateTie>, windowEndMs: number, halfLifeDays: number): RankedPlace {
  const perAssociate = new Map<string, Movement[]>();
  for (const m of list) (perAssociate.get(m.person) ?? perAssociate.set(m.person, []).get(m.person)!).push(m);
  let tieSum = 0;
  let weightedRecency = 0;
  const associates: RankedPlace['associates'] = [];
  for (const [id, ms] of [...perAssociate.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const tie = ties.get(id)!;
    const latest = Math.max(...ms.map((m) => m.untilMs ?? m.atMs));
    const recency = 0.5 ** (Math.max(0, windowEndMs - latest) / (halfLifeDays * DAY_MS));
    tieSum += tie.strength;
    weightedRecency += tie.strength * recency;
    associates.push({ id, strength: tie.strength, relation: tie.relation, path: tie.path, events: ms.length, lastSeenAt: ms.reduce((a, m) => (m.atMs > a.atMs ? m : a)).at });
  }
  const k = perAssociate.size;
  const recency = tieSum > 0 ? weightedRecency / tieSum : 0;
  const repetition = 1 + 0.5 * Math.log(list.length / k);
  const convergence = 1 + 0.5 * (k - 1);
  const score = tieSum * recency * repetition * convergence;
  const first = list[0]!;
  return {
    key,
    score: round(score),
    parts: [
      { name: 'ties', value: round(tieSum), explanation: `summed tie strength of the ${k} associate(s) seen here`, explanationZh: `在此出现的 ${k} 名关系人的关系强度之和` },
      { name: 'recency', value: round(recency), explanation: `tie-weighted mean of 0.5^(days since their latest trace / ${halfLifeDays})`, explanationZh: `按关系强度加权的 0.5^(距其最近一次活动的天数 / ${halfLifeDays}) 的平均值` },
      { name: 'repetition', value: round(repetition), explanation: `1 + 0.5 ln(${list.length} traces / ${k} associates)`, explanationZh: `1 + 0.5 ln(${list.length} 条活动 / ${k} 名关系人)` },
      { name: 'convergence', value: round(convergence), explanation: `1 + 0.5 × (${k} associates − 1): independent relations converging on one place`, explanationZh: `1 + 0.5 × (${k} 名关系人 − 1)：互不相干的关系汇聚到同一地点` },
    ],
    events: list.length,
    associates,
    window: presenceWindow(list),
    sightings: [...list].sort((a, b) => b.atMs - a.atMs || (a.raw.edge.id < b.raw.edge.id ? -1 : 1)).slice(0, 5),
    place: first.place,
    town: first.place.town,
    region: first.place.region,
  };
}

/** First and last day of presence, and the day on which most associates were there (earliest on a tie). */
export function presenceWindow(list: Movement[]): { from: string; to: string; peak: string } {
  const perDay = new Map<string, Set<string>>();
  let from = '9999-12-31';
  let to = '0000-01-01';
  for (const m of list) {
    const end = m.untilMs ?? m.atMs;
    for (let t = m.atMs; ; t += DAY_MS) {
      const day = cstDate(Math.min(t, end));
      (perDay.get(day) ?? perDay.set(day, new Set()).get(day)!).add(m.person);
      if (day < from) from = day;
      if (day > to) to = day;
      if (t >= end || cstDate(t) === cstDate(end)) break;
    }
  }
  let peak = from;
  for (const [day, who] of [...perDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) if (who.size > (perDay.get(peak)?.size ?? 0)) peak = day;
  return { from, to, peak };
}
