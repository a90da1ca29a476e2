import { round, type ScorePart } from '../movements.js';

/**
 * How surprising a person's presence at a set of scenes is, given how much they move.
 *
 * Null model ("time shuffle"): keep every movement of the person where it happened, but
 * place its time uniformly at random in the analysis window W. A movement of duration d
 * within the radius of scene c then overlaps the case's (slack-widened) interval of length
 * L_c with probability (L_c + d) / W, so the chance of at least one coincidence at c is
 *   π_c = 1 − Π over the person's movements near c of (1 − (L_c + d) / W).
 * A lorry driver who passes the scenes' checkpoints every day has π_c near 1; a gang that
 * was in town on four nights has π_c near 0. The number of coincident scenes is then a sum
 * of independent Bernoulli(π_c) (Poisson-binomial); the score is −log10 P(X ≥ observed).
 */
export interface Scene {
  id: string;
  lat: number;
  lon: number;
  /** The case's interval widened by the slack on both sides (epoch ms). */
  fromMs: number;
  toMs: number;
}

/** [start ms, end ms, lat, lon] */
export type TrailPoint = [number, number, number, number];

export interface ChanceAssessment {
  observed: number;
  expected: number;
  movements: number;
  nearMovements: number;
  pValue: number;
  surprise: number;
  parts: ScorePart[];
}

export function assessCoincidence(trail: TrailPoint[], scenes: Scene[], coincident: Set<string>, radiusM: number, windowMs: number): ChanceAssessment {
  const pis: number[] = [];
  let near = 0;
  for (const s of scenes) {
    const length = s.toMs - s.fromMs;
    let none = 1;
    for (const [start, end, lat, lon] of trail) {
      if (distanceM(lat, lon, s.lat, s.lon) > radiusM) continue;
      near++;
      none *= 1 - Math.min(1, (length + Math.min(end - start, 86_400_000)) / windowMs);
    }
    // A scene the person coincided with counts at least one movement there, even if the
    // trail (read over the window) missed it, so π is never 0 for an observed coincidence.
    pis.push(coincident.has(s.id) ? Math.max(1 - none, length / windowMs) : 1 - none);
  }
  const observed = scenes.filter((s) => coincident.has(s.id)).length;
  const expected = pis.reduce((a, b) => a + b, 0);
  const pValue = tailAtLeast(pis, observed);
  const surprise = -Math.log10(Math.max(pValue, 1e-300));
  return {
    observed,
    expected: round(expected),
    movements: trail.length,
    nearMovements: near,
    pValue,
    surprise: round(surprise),
    parts: [
      { name: 'coincidentCases', value: observed, explanation: `distinct scenes the person was near (within the radius and time slack), of ${scenes.length}`, explanationZh: `此人到过附近（半径与时间宽限之内）的不同案发现场数，共 ${scenes.length} 个现场` },
      { name: 'expectedByChance', value: round(expected), explanation: `scenes expected by chance for this person's ${trail.length} movements (${near} of them near a scene) placed at random times in the window`, explanationZh: `把此人的 ${trail.length} 条活动（其中 ${near} 条在现场附近）随机放到时间窗内，偶然能碰上的现场数` },
      { name: 'surprise', value: round(surprise), explanation: `−log10 P(at least ${observed} by chance); the score`, explanationZh: `−log10 P(偶然碰上至少 ${observed} 个)；即得分` },
    ],
  };
}

/** P(X ≥ k) for X a sum of independent Bernoulli(p_i), by dynamic programming. */
export function tailAtLeast(ps: number[], k: number): number {
  if (k <= 0) return 1;
  let dist = [1];
  for (const p of ps) {
    const next = new Array<number>(dist.length + 1).fill(0);
    for (let j = 0; j < dist.length; j++) {
      next[j]! += dist[j]! * (1 - p);
      next[j + 1]! += dist[j]! * p;
    }
    dist = next;
  }
  return Math.min(1, dist.slice(k).reduce((a, b) => a + b, 0));
}

export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
