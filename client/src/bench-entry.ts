import type { ApiSubgraph } from './graph/elements.js';
import { GraphView } from './graph/graph-view.js';

/**
 * The page bench/client-graph.bench.ts drives: the real chart (GraphView), fed a
 * subgraph by the benchmark instead of the API, with timings of each stage.
 */
export interface BenchTimings {
  nodes: number;
  edges: number;
  /** The first laid-out picture on screen (the worker's placement; large charts: the first overview bitmap). */
  firstPaintMs: number;
  /** Worker layout finished and its positions drawn. */
  laidOutMs: number;
  workerPlacedMs: number;
  workerDoneMs: number;
  /** The overview worker's time for the bitmap (large charts). */
  overviewMs: number;
  lean: boolean;
  /** Every tie also in Cytoscape (layouts and highlights can use them), in ms. */
  completeMs: number;
  /** When each stage ended, in ms after the data arrived. */
  marks: Record<string, number>;
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

const words = {
  relation: (k: string) => k,
  badgeLetters: { FUGITIVE: '逃', DRUG_USER: '毒', EX_OFFENDER: '前' },
  more: (n: number) => `+${n}`,
};

let firstPaint = 0;
let placedMs = 0;
let doneMs = 0;
let started = 0;
const view = new GraphView(document.getElementById('chart')!, words, {
  selection: () => {},
  expandRequest: () => {},
  moreRequest: () => {},
  contextMenu: () => {},
  status: () => {},
  layoutFrame: (stage, ms) => {
    if (stage === 'placed') {
      placedMs = ms;
      requestAnimationFrame(() => {
        if (!firstPaint) firstPaint = performance.now() - started;
      });
    }
    if (stage === 'done') doneMs = ms;
  },
});

declare global {
  interface Window {
    clewBench: { draw(sg: ApiSubgraph): Promise<BenchTimings>; longTasks: number[] };
  }
}

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: false });

// the overview worker's bitmaps (large charts): when the first one is on screen, the chart is drawn
let overviewFrames = 0;
let overviewMs = 0;
let firstBitmapAt = 0;
view.overview.onFrame = (ms) => {
  overviewFrames++;
  overviewMs = ms;
  // painted on the next frame
  if (!firstBitmapAt) requestAnimationFrame(() => (firstBitmapAt ||= performance.now()));
};

window.clewBench = {
  longTasks,
  async draw(sg) {
    firstPaint = 0;
    firstBitmapAt = 0;
    performance.clearMarks();
    started = performance.now();
    const framesBefore = overviewFrames;
    await view.addSubgraph(sg, { label: 'bench' });
    if (view.status().lean) while (overviewFrames === framesBefore) await nextFrame();
    await nextFrame();
    const laidOutMs = performance.now() - started;
    await view.whenComplete();
    const completeMs = performance.now() - started;
    const s = view.status();
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime - started)]));
    return { marks, completeMs, nodes: s.nodes, edges: s.edges, firstPaintMs: s.lean && firstBitmapAt ? firstBitmapAt - started : firstPaint || laidOutMs, laidOutMs, workerPlacedMs: placedMs, workerDoneMs: doneMs, overviewMs, lean: s.lean };
  },
};
