/**
 * The time-ordered layout for trajectories: time runs left to right; each person (or
 * vehicle, phone) gets a lane, and the places and cases they touched sit in that lane at
 * the time of the first visit. What has no time goes in a row underneath (persons only
 * tied to the lanes' persons, too). Pure.
 */
export interface TimedNode {
  id: string;
  /** A node's own time (a case's start), if any. */
  t: number | null;
  focus?: boolean;
}

export interface TimedEdge {
  source: string;
  target: string;
  t: number | null;
  /**
   * A tie between persons (family, associate …): its `since` is no visit and is often years
   * back, so it neither places the other person in a lane nor stretches the time axis.
   */
  tie?: boolean;
}

export interface TrajectoryResult {
  positions: Map<string, { x: number; y: number }>;
  from: number | null;
  to: number | null;
}

const LANE = 170;
const MIN_GAP = 70;

export function trajectoryLayout(nodes: readonly TimedNode[], edges: readonly TimedEdge[]): TrajectoryResult {
  const first = new Map<string, { t: number; actor: string }>();
  const actorFirst = new Map<string, number>();
  const ownTime = new Map(nodes.filter((n) => n.t !== null).map((n) => [n.id, n.t!]));
  for (const e of edges) {
    if (e.t === null || e.tie) continue;
    // the actor is the side without a time of its own that is not a place: the source of a movement
    const actor = e.source;
    const place = e.target;
    const seen = first.get(place);
    if (!seen || e.t < seen.t) first.set(place, { t: e.t, actor });
    actorFirst.set(actor, Math.min(actorFirst.get(actor) ?? Infinity, e.t));
  }
  for (const [id, t] of ownTime) if (!first.has(id)) first.set(id, { t, actor: '' });
  // a person who is also visited (a call's receiver) stays an actor
  for (const id of actorFirst.keys()) first.delete(id);

  const times = [...first.values()].map((v) => v.t);
  const positions = new Map<string, { x: number; y: number }>();
  if (times.length === 0) return { positions, from: null, to: null };
  const tMin = Math.min(...times);
  const tMax = Math.max(...times);
  const focus = new Set(nodes.filter((n) => n.focus).map((n) => n.id));
  const actors = [...actorFirst.entries()].sort((a, b) => Number(focus.has(b[0])) - Number(focus.has(a[0])) || a[1] - b[1]).map(([id]) => id);
  const laneOf = new Map(actors.map((id, i) => [id, i]));
  const lanes = Math.max(actors.length, 1);
  const width = Math.max(900, first.size * 55);
  const xOf = (t: number) => (tMax === tMin ? width / 2 : ((t - tMin) / (tMax - tMin)) * width);

  actors.forEach((id, i) => positions.set(id, { x: -220, y: i * LANE }));
  const byLane = new Map<number, { id: string; x: number }[]>();
  for (const [id, v] of first) {
    const lane = laneOf.get(v.actor) ?? lanes;
    const list = byLane.get(lane) ?? [];
    list.push({ id, x: xOf(v.t) });
    byLane.set(lane, list);
  }
  for (const [lane, list] of byLane) {
    list.sort((a, b) => a.x - b.x);
    // places close in time alternate above and below the lane's line
    let lastX = -Infinity;
    let row = 0;
    for (const item of list) {
      row = item.x - lastX < MIN_GAP ? (row + 1) % 3 : 0;
      if (row === 0) lastX = item.x;
      const offset = row === 0 ? 0 : row === 1 ? -48 : 48;
      positions.set(item.id, { x: item.x, y: lane * LANE + offset });
    }
  }
  const rest = nodes.filter((n) => !positions.has(n.id));
  const perRow = Math.max(8, Math.ceil(width / 90));
  rest.forEach((n, i) => positions.set(n.id, { x: (i % perRow) * 90, y: (lanes + 1) * LANE + Math.floor(i / perRow) * 80 }));
  return { positions, from: tMin, to: tMax };
}
