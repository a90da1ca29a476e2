/**
 * The scheduled collision's slots: configured times of day in China Standard Time (twice a
 * day by default). The slot due at a moment is the latest one not after it; its records are
 * those since the slot before.
 */
export interface Slot {
  key: string;
  atMs: number;
  fromMs: number;
}

const CST = 8 * 3_600_000;
const DAY = 86_400_000;

export function dueSlot(now: number, times: string[]): Slot | null {
  const minutes = [...new Set(times)].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))).sort((a, b) => a - b);
  if (minutes.length === 0) return null;
  const dayStart = Math.floor((now + CST) / DAY) * DAY - CST;
  const candidates = [-1, 0].flatMap((d) => minutes.map((m) => dayStart + d * DAY + m * 60_000)).filter((t) => t <= now);
  const atMs = Math.max(...candidates);
  const all = [-2, -1, 0].flatMap((d) => minutes.map((m) => dayStart + d * DAY + m * 60_000)).sort((a, b) => a - b);
  const fromMs = all.filter((t) => t < atMs).pop() ?? atMs - DAY;
  return { key: `collision|${new Date(atMs + CST).toISOString().slice(0, 16)}`, atMs, fromMs };
}
