/**
 * The force layout that runs in the layout worker: a fast global placement (Pivot MDS:
 * breadth-first distances to a few dozen pivots, double-centred, projected on their two
 * main axes; force-placement.ts) followed by a short force refinement with Barnes-Hut
 * repulsion (barnes-hut.ts), so the cost per step grows as n log n, not n². Pure: typed
 * arrays in, typed arrays out; no DOM, no Cytoscape.
 */
import { refine } from './barnes-hut.js';
import { globalPlacement, incrementalPlacement, pack } from './force-placement.js';
import { buildCsr, components, rng } from './graph-structure.js';

export interface ForceInput {
  n: number;
  /** Pairs of node indexes (source, target), 2 × edge count. */
  edges: Uint32Array;
  /** Half the node's drawn size; nodes keep at least their radii apart. */
  radius: Float32Array;
  /** Known positions (x, y per node); NaN where the node has none yet. */
  init?: Float32Array;
  /** 1 where a node is pinned: it keeps its position. */
  fixed?: Uint8Array;
  /** The wanted edge length in chart units. */
  edgeLength?: number;
  /** Refinement steps; by default fewer for bigger graphs. */
  iterations?: number;
}

export interface ForceProgress {
  (xy: Float32Array, stage: 'placed' | 'refining' | 'done'): void;
}

export interface ForceStage {
  xy: Float32Array;
  stage: 'placed' | 'refining' | 'done';
}

/**
 * The layout in stages: the placement first, then the refinement a few steps at a time,
 * so the worker can hand each stage over before going on (a worker's messages leave when
 * its current task ends).
 */
export function* forceLayoutStages(input: ForceInput): Generator<ForceStage, void, void> {
  const { n } = input;
  const xy = new Float32Array(2 * n);
  if (n === 0) {
    yield { xy, stage: 'done' };
    return;
  }
  const g = buildCsr(n, input.edges);
  const random = rng(0x5eed + n);
  const incremental = input.init !== undefined && Array.from({ length: Math.min(n, 4096) }, (_, i) => i).some((i) => Number.isFinite(input.init![2 * i]!));
  const movable = new Float32Array(n).fill(1);
  if (incremental) {
    xy.set(input.init!);
    incrementalPlacement(input, g, xy, random);
    // nodes already on the chart move a little; new ones find their place
    for (let i = 0; i < n; i++) if (Number.isFinite(input.init![2 * i]!)) movable[i] = 0.15;
  } else {
    globalPlacement(input, g, xy, random);
  }
  if (input.fixed) for (let i = 0; i < n; i++) if (input.fixed[i]) movable[i] = 0;
  yield { xy, stage: 'placed' };
  const steps = input.iterations ?? (n > 3000 ? 16 : n > 1000 ? 40 : 120);
  const chunk = Math.max(5, Math.ceil(steps / 4));
  // a fresh layout refines each component on its own and packs them again at the end
  const comps = incremental ? null : components(n, g);
  for (let done = 0; done < steps; done += chunk) {
    refine(input, g, xy, movable, Math.min(chunk, steps - done), steps, done, comps);
    if (done + chunk < steps) yield { xy, stage: 'refining' };
  }
  if (comps && comps.length > 1 && !input.fixed?.some((f) => f === 1)) pack(comps, xy, input.edgeLength ?? 70);
  yield { xy, stage: 'done' };
}

/** Lays the graph out in one go (tests, and callers that do not stream). */
export function forceLayout(input: ForceInput, progress?: ForceProgress): Float32Array {
  let last: Float32Array = new Float32Array(2 * input.n);
  for (const s of forceLayoutStages(input)) {
    progress?.(s.xy, s.stage);
    last = s.xy;
  }
  return last;
}
