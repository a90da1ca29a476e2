import { describe, expect, it } from 'vitest';
import { assessCoincidence, tailAtLeast, type Scene, type TrailPoint } from '../../server/src/techniques/linking/coincidence-chance.js';
import { similarity, type CaseFacts } from '../../server/src/techniques/linking/case-similarity.js';
import { dueSlot } from '../../server/src/techniques/schedule/collision-slots.js';

const H = 3_600_000;
const DAY = 24 * H;

describe('coincidence against chance', () => {
  it('computes the Poisson-binomial tail exactly', () => {
    expect(tailAtLeast([0.5, 0.5], 0)).toBe(1);
    expect(tailAtLeast([0.5, 0.5], 1)).toBeCloseTo(0.75, 10);
    expect(tailAtLeast([0.5, 0.5], 2)).toBeCloseTo(0.25, 10);
    expect(tailAtLeast([0.1, 0.2, 0.3], 3)).toBeCloseTo(0.006, 10);
  });

  it('scores the same coincidences lower for a person who moves near the scenes all the time', () => {
    const scenes: Scene[] = [0, 1, 2].map((i) => ({ id: `c${i}`, lat: 32.93, lon: 119.83, fromMs: i * 10 * DAY, toMs: i * 10 * DAY + 7 * H }));
    const near = (t: number): TrailPoint => [t, t, 32.931, 119.831];
    const few = scenes.map((s) => near(s.fromMs + H));
    const many = [...few, ...Array.from({ length: 500 }, (_, i) => near(i * 4 * H + 30 * 60_000))];
    const all = new Set(scenes.map((s) => s.id));
    const rare = assessCoincidence(few, scenes, all, 3000, 90 * DAY);
    const busy = assessCoincidence(many, scenes, all, 3000, 90 * DAY);
    expect(rare.observed).toBe(3);
    expect(busy.observed).toBe(3);
    expect(busy.expected).toBeGreaterThan(rare.expected);
    expect(rare.surprise).toBeGreaterThan(busy.surprise + 2);
  });
});

describe('case similarity', () => {
  const base: CaseFacts = { id: 'a', title: null, status: 'OPEN', mo: ['入室盗窃', '团伙', '夜间', '撬锁'], offenders: 3, fromMs: Date.parse('2026-06-04T01:40:00+08:00'), toMs: 0, lat: 32.93, lon: 119.83, region: null, agency: null, named: [] };
  it('weighs method tags most and ends with the same answer for the same cases', () => {
    const same = similarity(base, { ...base, id: 'b', lat: 32.85, lon: 120.3 });
    const closeButDifferent = similarity(base, { ...base, id: 'c', mo: ['入室盗窃', '团伙', '夜间', '攀爬'], lat: 32.935 });
    expect(same.moSimilarity).toBe(1);
    expect(closeButDifferent.moSimilarity).toBe(0.6);
    expect(same.score).toBeGreaterThan(closeButDifferent.score);
    expect(similarity(base, { ...base, id: 'b', lat: 32.85, lon: 120.3 })).toEqual(same);
    expect(same.parts.reduce((s, p) => s + p.value, 0)).toBeCloseTo(same.score, 3);
  });
});

describe('collision slots', () => {
  it('picks the latest slot not after now and covers the time since the slot before', () => {
    const s = dueSlot(Date.parse('2026-08-27T21:10:00+08:00'), ['08:00', '20:00'])!;
    expect(s.key).toBe('collision|2026-08-27T20:00');
    expect(s.fromMs).toBe(Date.parse('2026-08-27T08:00:00+08:00'));
    const early = dueSlot(Date.parse('2026-08-27T07:00:00+08:00'), ['08:00', '20:00'])!;
    expect(early.key).toBe('collision|2026-08-26T20:00');
    expect(early.fromMs).toBe(Date.parse('2026-08-26T08:00:00+08:00'));
  });
});
