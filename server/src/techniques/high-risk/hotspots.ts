import { distanceM } from '../linking/coincidence-chance.js';

export interface CasePoint {
  id: string;
  lat: number;
  lon: number;
  fromMs: number;
  toMs: number;
}

export interface Hotspot {
  id: string;
  cases: CasePoint[];
  lat: number;
  lon: number;
}

/**
 * Hotspots of local cases, density-based (DBSCAN): a case with at least minCases cases
 * (itself included) within radius is a core; cores within radius of each other, and the
 * cases around them, form one hotspot. Cases are visited in id order, so the same cases
 * give the same hotspots; a hotspot is named after its first case.
 */
export function findHotspots(cases: CasePoint[], radiusM: number, minCases: number): Hotspot[] {
  const sorted = [...cases].sort((a, b) => (a.id < b.id ? -1 : 1));
  const neighbours = sorted.map((a) => sorted.filter((b) => distanceM(a.lat, a.lon, b.lat, b.lon) <= radiusM));
  const label = new Map<string, number>();
  let next = 0;
  sorted.forEach((c, i) => {
    if (label.has(c.id) || neighbours[i]!.length < minCases) return;
    const cluster = next++;
    const queue = [i];
    label.set(c.id, cluster);
    while (queue.length > 0) {
      const j = queue.shift()!;
      if (neighbours[j]!.length < minCases) continue;
      for (const n of neighbours[j]!) {
        if (label.has(n.id)) continue;
        label.set(n.id, cluster);
        queue.push(sorted.indexOf(n));
      }
    }
  });
  const out: Hotspot[] = [];
  for (let k = 0; k < next; k++) {
    const members = sorted.filter((c) => label.get(c.id) === k);
    out.push({
      id: `hotspot:${members[0]!.id}`,
      cases: members,
      lat: members.reduce((s, c) => s + c.lat, 0) / members.length,
      lon: members.reduce((s, c) => s + c.lon, 0) / members.length,
    });
  }
  return out.sort((a, b) => b.cases.length - a.cases.length || (a.id < b.id ? -1 : 1));
}
