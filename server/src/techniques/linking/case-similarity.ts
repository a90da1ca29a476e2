import { round, type ScorePart } from '../movements.js';
import { distanceM } from './coincidence-chance.js';

/** The fields case linking compares. */
export interface CaseFacts {
  id: string;
  title: string | null;
  status: string;
  mo: string[];
  offenders: number | null;
  fromMs: number;
  toMs: number;
  lat: number | null;
  lon: number | null;
  region: string | null;
  agency: string | null;
  named: string[];
}

/**
 * Weights of the similarity parts (they sum to 1). Method tags weigh most: the brief's
 * linking starts from "same crime type, same gang size, same method"; time of day and
 * place separate a series from look-alikes; the day of the week is a weak hint. The type
 * is a gate, not a part: only cases of the same type are compared.
 */
export const SIMILARITY_WEIGHTS = { mo: 0.45, offenders: 0.2, timeOfDay: 0.15, dayOfWeek: 0.05, distance: 0.15 };
/** Distance at which the distance part has fallen to 1/e: neighbouring counties still count. */
const DISTANCE_SCALE_M = 50_000;

export interface Similarity {
  score: number;
  parts: ScorePart[];
  sharedMo: string[];
  moSimilarity: number;
  distanceM: number | null;
}

export function similarity(a: CaseFacts, b: CaseFacts): Similarity {
  const A = new Set(a.mo);
  const B = new Set(b.mo);
  const shared = [...A].filter((t) => B.has(t)).sort();
  const union = new Set([...A, ...B]).size;
  const mo = union === 0 ? 0 : shared.length / union;
  const offenders = a.offenders === null || b.offenders === null ? 0.5 : 1 / (1 + Math.abs(a.offenders - b.offenders));
  const hourA = cstHour(a.fromMs);
  const hourB = cstHour(b.fromMs);
  const dh = Math.min(Math.abs(hourA - hourB), 24 - Math.abs(hourA - hourB));
  const timeOfDay = 1 - dh / 12;
  const dayA = cstWeekday(a.fromMs);
  const dayB = cstWeekday(b.fromMs);
  const weekend = (d: number) => d === 0 || d === 6;
  const dayOfWeek = dayA === dayB ? 1 : weekend(dayA) === weekend(dayB) ? 0.5 : 0;
  const d = a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null ? distanceM(a.lat, a.lon, b.lat, b.lon) : null;
  const distance = d === null ? 0.5 : Math.exp(-d / DISTANCE_SCALE_M);
  const w = SIMILARITY_WEIGHTS;
  const score = w.mo * mo + w.offenders * offenders + w.timeOfDay * timeOfDay + w.dayOfWeek * dayOfWeek + w.distance * distance;
  return {
    score: round(score),
    sharedMo: shared,
    moSimilarity: round(mo),
    distanceM: d === null ? null : Math.round(d),
    parts: [
      { name: 'mo', value: round(w.mo * mo), explanation: `${w.mo} × Jaccard of method tags (${shared.length} shared of ${union}: ${shared.join(' ') || 'none'})`, explanationZh: `${w.mo} × 作案手段标签的 Jaccard 相似度（共 ${union} 个，相同 ${shared.length} 个：${shared.join(' ') || '无'}）` },
      { name: 'offenders', value: round(w.offenders * offenders), explanation: `${w.offenders} × 1/(1 + |${a.offenders ?? '?'} − ${b.offenders ?? '?'}|) offenders`, explanationZh: `${w.offenders} × 1/(1 + |${a.offenders ?? '?'} − ${b.offenders ?? '?'}|)：作案人数之差` },
      { name: 'timeOfDay', value: round(w.timeOfDay * timeOfDay), explanation: `${w.timeOfDay} × (1 − ${dh.toFixed(1)} h apart / 12)`, explanationZh: `${w.timeOfDay} × (1 − 作案时刻相差 ${dh.toFixed(1)} 小时 / 12)` },
      { name: 'dayOfWeek', value: round(w.dayOfWeek * dayOfWeek), explanation: `${w.dayOfWeek} × (1 same weekday, 0.5 both weekdays or both weekend, else 0)`, explanationZh: `${w.dayOfWeek} × (同一星期几为 1，同为工作日或同为周末为 0.5，否则为 0)` },
      { name: 'distance', value: round(w.distance * distance), explanation: `${w.distance} × exp(−${d === null ? '?' : (d / 1000).toFixed(1)} km / ${DISTANCE_SCALE_M / 1000} km)`, explanationZh: `${w.distance} × exp(−相距 ${d === null ? '?' : (d / 1000).toFixed(1)} 公里 / ${DISTANCE_SCALE_M / 1000} 公里)` },
    ],
  };
}

const cstHour = (ms: number) => ((ms / 3_600_000 + 8) % 24 + 24) % 24;
const cstWeekday = (ms: number) => new Date(ms + 8 * 3_600_000).getUTCDay();
