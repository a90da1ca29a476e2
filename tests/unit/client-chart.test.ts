/**
 * The chart's pure parts (client/src/graph): the force layout the worker runs, the
 * trajectory layout, the element mappers, the lasso's polygon test and the undo history.
 */
import { describe, expect, it } from 'vitest';
import { edgeTimes, newElements, type ApiSubgraph, type ChartWords } from '../../client/src/graph/elements.js';
import { forceLayout, forceLayoutStages } from '../../client/src/graph/force-layout.js';
import { History } from '../../client/src/graph/history.js';
import { pointInPolygon } from '../../client/src/graph/lasso.js';
import { trajectoryLayout } from '../../client/src/graph/trajectory-layout.js';

const words: ChartWords = { relation: (k) => k.toLowerCase(), badgeLetters: { FUGITIVE: '逃', DRUG_USER: '毒', EX_OFFENDER: '前' }, more: (n) => `+${n}` };

function ring(n: number): Uint32Array {
  const e = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    e[2 * i] = i;
    e[2 * i + 1] = (i + 1) % n;
  }
  return e;
}

const dist = (xy: Float32Array, a: number, b: number) => Math.hypot(xy[2 * a]! - xy[2 * b]!, xy[2 * a + 1]! - xy[2 * b + 1]!);

describe('force layout', () => {
  it('puts tied nodes closer than untied ones, and gives the same picture twice', () => {
    const n = 40;
    const edges = ring(n);
    const a = forceLayout({ n, edges, radius: new Float32Array(n).fill(17) });
    const b = forceLayout({ n, edges, radius: new Float32Array(n).fill(17) });
    expect([...a]).toEqual([...b]);
    const tied = Array.from({ length: n }, (_, i) => dist(a, i, (i + 1) % n));
    const opposite = Array.from({ length: n / 2 }, (_, i) => dist(a, i, i + n / 2));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(tied) * 3).toBeLessThan(mean(opposite));
    expect(a.every(Number.isFinite)).toBe(true);
  });

  it('keeps unconnected nodes together instead of pushing them apart', () => {
    const n = 12;
    const xy = forceLayout({ n, edges: new Uint32Array([9, 10, 10, 11, 11, 9]), radius: new Float32Array(n).fill(17) });
    const xs = Array.from({ length: n }, (_, i) => xy[2 * i]!);
    const ys = Array.from({ length: n }, (_, i) => xy[2 * i + 1]!);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(600);
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(600);
  });

  it('streams a placement first and leaves pinned nodes where they are', () => {
    const n = 30;
    const init = new Float32Array(2 * n).fill(Number.NaN);
    init[0] = 500;
    init[1] = -200;
    const fixed = new Uint8Array(n);
    fixed[0] = 1;
    const stages = [...forceLayoutStages({ n, edges: ring(n), radius: new Float32Array(n).fill(17), init, fixed })].map((s) => ({ stage: s.stage, x: s.xy[0], y: s.xy[1] }));
    expect(stages[0]!.stage).toBe('placed');
    expect(stages.at(-1)!.stage).toBe('done');
    for (const s of stages) expect([s.x, s.y]).toEqual([500, -200]);
  });

  it('lays out 5,000 nodes and 15,000 edges in well under the budget', () => {
    const n = 5000;
    const edges = new Uint32Array(30000);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 15000; i++) {
      edges[2 * i] = i % n;
      edges[2 * i + 1] = Math.floor(Math.pow(random(), 2.5) * n);
    }
    const started = performance.now();
    const xy = forceLayout({ n, edges, radius: new Float32Array(n).fill(17) });
    expect(xy.every(Number.isFinite)).toBe(true);
    // a generous bound for a loaded 2-core machine; the worker takes about 0.7 s here
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('trajectory layout', () => {
  it('runs time left to right, with the person in a lane on the left', () => {
    const t = (d: string) => Date.parse(`2026-08-${d}T12:00:00+08:00`);
    const r = trajectoryLayout(
      [{ id: 'Person:P-LI', t: null, focus: true }, { id: 'Location:A', t: null }, { id: 'Location:B', t: null }, { id: 'Location:C', t: null }, { id: 'Person:X', t: null }],
      [
        { source: 'Person:P-LI', target: 'Location:B', t: t('10') },
        { source: 'Person:P-LI', target: 'Location:A', t: t('01') },
        { source: 'Person:P-LI', target: 'Location:C', t: t('20') },
      ],
    );
    const x = (id: string) => r.positions.get(id)!.x;
    expect(x('Location:A')).toBeLessThan(x('Location:B'));
    expect(x('Location:B')).toBeLessThan(x('Location:C'));
    expect(x('Person:P-LI')).toBeLessThan(x('Location:A'));
    expect(r.positions.has('Person:X')).toBe(true);
    expect(r.from).toBe(t('01'));
  });

  it('keeps ties between persons off the time axis: a family tie since 2004 places no one', () => {
    const t = (d: string) => Date.parse(`2026-08-${d}T12:00:00+08:00`);
    const r = trajectoryLayout(
      [{ id: 'Person:P-LI', t: null, focus: true }, { id: 'Location:A', t: null }, { id: 'Location:B', t: null }, { id: 'Person:WIFE', t: null }],
      [
        { source: 'Person:P-LI', target: 'Person:WIFE', t: Date.parse('2004-10-01T00:00:00+08:00'), tie: true },
        { source: 'Person:P-LI', target: 'Location:A', t: t('01') },
        { source: 'Person:P-LI', target: 'Location:B', t: t('20') },
      ],
    );
    expect([r.from, r.to]).toEqual([t('01'), t('20')]);
    // the wife is in the row underneath, not in his lane at 2004
    expect(r.positions.get('Person:WIFE')!.y).toBeGreaterThan(r.positions.get('Location:B')!.y);
  });
});

describe('element mappers', () => {
  const sg: ApiSubgraph = {
    nodes: [
      { id: 'Person:P-LI', kind: 'PERSON', label: '李国华', properties: { tags: ['FUGITIVE'] } },
      { id: 'Location:H-JH-01', kind: 'LOCATION', label: '建湖宏达大酒店', properties: { type: 'HOTEL' } },
    ],
    edges: [{ id: 'STAYED_AT:x', source: 'Person:P-LI', target: 'Location:H-JH-01', kind: 'STAYED_AT', properties: { checkIn: '2026-08-10T20:15:00+08:00', checkOut: '2026-08-11T08:00:00+08:00' } }],
    omitted: [{ nodeId: 'Location:H-JH-01', total: 240, shown: 50, omitted: 190 }],
  };

  it('gives each kind its look, each watch-list tag a badge, and a hub its "+N" node', () => {
    const defs = newElements(sg, () => false, words);
    const person = defs.find((d) => d.data.id === 'Person:P-LI')!;
    expect(person.data.vkind).toBe('person');
    expect(person.data.watch).toBe('FUGITIVE');
    expect(decodeURIComponent(String(person.data.img))).toContain('逃');
    expect(defs.find((d) => d.data.id === 'Location:H-JH-01')!.data.vkind).toBe('hotel');
    const more = defs.find((d) => d.data.id === 'more:Location:H-JH-01')!;
    expect(more.data.label).toBe('+190');
    expect(defs.find((d) => d.data.id === 'STAYED_AT:x')!.data.label).toBe('stayed_at 08-10');
  });

  it('adds only what the chart does not have', () => {
    expect(newElements(sg, (id) => id !== 'STAYED_AT:x', words).map((d) => d.data.id)).toEqual(['STAYED_AT:x']);
  });

  it('reads a movement’s time span and a relation’s dates', () => {
    expect(edgeTimes('STAYED_AT', { checkIn: '2026-08-10T20:15:00+08:00', checkOut: '2026-08-11T08:00:00+08:00' })).toEqual({ t: Date.parse('2026-08-10T12:15:00Z'), t2: Date.parse('2026-08-11T00:00:00Z') });
    expect(edgeTimes('FAMILY', { since: '2004-10-01' }).t).toBe(Date.parse('2004-10-01T00:00:00+08:00'));
    expect(edgeTimes('USES_PHONE', {})).toEqual({ t: null, t2: null });
  });
});

describe('lasso and history', () => {
  it('tests points against a drawn loop', () => {
    const square: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect(pointInPolygon(5, 5, square)).toBe(true);
    expect(pointInPolygon(15, 5, square)).toBe(false);
  });

  it('undoes and redoes in order, and a new step clears the redo list', () => {
    const h = new History();
    let value = 0;
    const step = (to: number) => {
      const from = value;
      value = to;
      h.push({ label: `set ${to}`, undo: () => (value = from), redo: () => (value = to) });
    };
    step(1);
    step(2);
    expect(h.undo()?.label).toBe('set 2');
    expect(value).toBe(1);
    expect(h.redo()?.label).toBe('set 2');
    expect(value).toBe(2);
    h.undo();
    step(3);
    expect(h.canRedo).toBe(false);
    expect(h.nextUndo).toBe('set 3');
  });
});
