import type { Core, ElementDefinition, NodeCollection, NodeSingular, Position } from 'cytoscape';
import { LayoutRunner } from './layout-runner.js';
import type { LayoutFrame } from './layout.worker.js';
import { trajectoryLayout } from './trajectory-layout.js';

/**
 * The chart's layouts. Force runs in the layout worker and streams positions; the others
 * are cheap enough for the main thread (or capped where they are not): concentric rings
 * by distance from a focus, hierarchical (dagre up to DAGRE_MAX nodes, breadth-first
 * beyond), and the time-ordered trajectory layout.
 */
export type LayoutName = 'force' | 'concentric' | 'hierarchy' | 'trajectory';

export const LAYOUT_NAMES: readonly LayoutName[] = ['force', 'concentric', 'hierarchy', 'trajectory'];

const DAGRE_MAX = 400;
const ANIMATE_MAX = 400;
const FCOSE_MAX = 120;

export type Positions = Map<string, Position>;

export function snapshot(nodes: NodeCollection): Positions {
  const out: Positions = new Map();
  nodes.forEach((n) => {
    const p = n.position();
    out.set(n.id(), { x: p.x, y: p.y });
  });
  return out;
}

export function applyPositions(cy: Core, positions: Positions, animate: boolean): Promise<void> {
  const nodes = cy.nodes().filter((n) => positions.has(n.id()) && !n.isParent());
  if (animate && nodes.length <= ANIMATE_MAX) {
    return new Promise((resolve) => {
      const layout = nodes.layout({ name: 'preset', positions: (n: NodeSingular) => positions.get(n.id())!, animate: true, animationDuration: 350, fit: false } as never);
      layout.one('layoutstop', () => resolve());
      layout.run();
    });
  }
  cy.batch(() => {
    nodes.positions((n) => positions.get((n as NodeSingular).id())!);
  });
  return Promise.resolve();
}

/** The nodes that layouts place: visible, not compound parents, not pinned (pinned ones stay). */
export function layoutNodes(cy: Core): NodeCollection {
  return cy.nodes().filter((n) => !n.isParent() && !n.hasClass('hidden'));
}

export interface ForceOptions {
  /** Keep nodes that already have a place near it, and place only the new ones. */
  incremental: Set<string> | null;
  onFrame?: (stage: LayoutFrame['stage'], ms: number) => void;
}

/** What the worker needs to know of a graph: node ids in order, edges as index pairs. */
export interface LayoutGraph {
  ids: string[];
  pairs: Uint32Array;
  radius: Float32Array;
  init?: Float32Array;
  fixed?: Uint8Array;
}

/** The layout graph of element definitions not yet on the chart (a first drawing). */
export function layoutGraphOfDefinitions(defs: readonly ElementDefinition[]): LayoutGraph {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const sizes: number[] = [];
  for (const d of defs) {
    if (d.group !== 'nodes') continue;
    index.set(d.data.id!, ids.length);
    ids.push(d.data.id!);
    sizes.push(Number(d.data.size ?? 30));
  }
  const pairs: number[] = [];
  for (const d of defs) {
    if (d.group !== 'edges') continue;
    const a = index.get(d.data.source as string);
    const b = index.get(d.data.target as string);
    if (a !== undefined && b !== undefined) pairs.push(a, b);
  }
  return { ids, pairs: Uint32Array.from(pairs), radius: Float32Array.from(sizes, (v) => v / 2) };
}

function runnerWarmUp(runner: LayoutRunner): void {
  // after the page has settled, so loading it does not compete with the first paint
  setTimeout(() => runner.warmUp(), 500);
}

export function toPositions(ids: readonly string[], xy: Float32Array): Positions {
  const out: Positions = new Map();
  for (let i = 0; i < ids.length; i++) out.set(ids[i]!, { x: xy[2 * i]!, y: xy[2 * i + 1]! });
  return out;
}

export class ChartLayouts {
  private readonly runner = new LayoutRunner();

  constructor(private readonly cy: Core) {
    runnerWarmUp(this.runner);
  }

  /** The layout graph of the chart's visible nodes; with `keep`, those nodes start where they are. */
  chartGraph(keep: Set<string> | null): LayoutGraph {
    const nodes = layoutNodes(this.cy);
    const n = nodes.length;
    const ids: string[] = [];
    const index = new Map<string, number>();
    const radius = new Float32Array(n);
    const fixed = new Uint8Array(n);
    const init = keep ? new Float32Array(2 * n).fill(Number.NaN) : undefined;
    nodes.forEach((node, i) => {
      ids.push(node.id());
      index.set(node.id(), i);
      radius[i] = node.width() / 2;
      if (node.locked()) fixed[i] = 1;
      if (init && (keep!.has(node.id()) || node.locked())) {
        const p = node.position();
        init[2 * i] = p.x;
        init[2 * i + 1] = p.y;
      }
    });
    const pairs: number[] = [];
    this.cy.edges().forEach((e) => {
      const a = index.get(e.data('source') as string);
      const b = index.get(e.data('target') as string);
      if (a !== undefined && b !== undefined) pairs.push(a, b);
    });
    return { ids, pairs: Uint32Array.from(pairs), radius, fixed, ...(init ? { init } : {}) };
  }

  /** Runs the worker's force layout; every frame is handed over as positions. */
  run(graph: LayoutGraph, onFrame: (stage: LayoutFrame['stage'], positions: Positions, ms: number) => void): Promise<Positions> {
    return this.runner
      .run(
        { n: graph.ids.length, edges: graph.pairs, radius: graph.radius, ...(graph.fixed ? { fixed: graph.fixed } : {}), ...(graph.init ? { init: graph.init } : {}) },
        (frame) => onFrame(frame.stage, toPositions(graph.ids, frame.xy), frame.ms),
      )
      .then((final) => toPositions(graph.ids, final.xy));
  }

  /** Force-directed layout of the chart as it is; resolves with the final positions. */
  async force(options: ForceOptions): Promise<Positions> {
    const nodes = layoutNodes(this.cy);
    if (nodes.length > 0 && nodes.length <= FCOSE_MAX && options.incremental === null) return this.fcose(nodes);
    const graph = this.chartGraph(options.incremental);
    const big = nodes.length > ANIMATE_MAX;
    return this.run(graph, (stage, positions, ms) => {
      // big charts show the streamed frames; small ones animate once to the result
      if (big && stage !== 'done') {
        this.cy.batch(() => {
          nodes.forEach((node) => {
            if (!node.locked()) node.position(positions.get(node.id())!);
          });
        });
      }
      options.onFrame?.(stage, ms);
    });
  }

  private fcose(nodes: NodeCollection): Promise<Positions> {
    return this.capture(nodes, { name: 'fcose', quality: 'proof', randomize: true, animate: false, fit: false, nodeRepulsion: 6500, idealEdgeLength: 90, packComponents: true } as never);
  }

  concentric(focusIds: readonly string[]): Promise<Positions> {
    const nodes = layoutNodes(this.cy);
    const roots = this.cy.collection();
    for (const id of focusIds) if (this.cy.getElementById(id).nonempty()) roots.merge(this.cy.getElementById(id));
    const start = roots.nonempty() ? roots : nodes.max((n) => n.degree(false)).ele;
    const depth = new Map<string, number>();
    this.cy.elements().bfs({
      roots: start,
      visit: (v, _e, _u, _i, d) => {
        depth.set(v.id(), d);
      },
    });
    const maxDepth = Math.max(0, ...depth.values()) + 1;
    return this.capture(nodes, {
      name: 'concentric',
      concentric: (n: NodeSingular) => maxDepth - (depth.get(n.id()) ?? maxDepth),
      levelWidth: () => 1,
      minNodeSpacing: 16,
      animate: false,
      fit: false,
      avoidOverlap: true,
    } as never);
  }

  hierarchy(focusIds: readonly string[]): Promise<Positions> {
    const nodes = layoutNodes(this.cy);
    const roots = focusIds.filter((id) => this.cy.getElementById(id).nonempty());
    if (nodes.length <= DAGRE_MAX) {
      return this.capture(nodes, { name: 'dagre', rankDir: 'TB', nodeSep: 24, rankSep: 80, animate: false, fit: false } as never);
    }
    return this.capture(nodes, { name: 'breadthfirst', directed: false, spacingFactor: 1.1, animate: false, fit: false, ...(roots.length ? { roots: roots.map((r) => `#${CSS.escape(r)}`).join(',') } : {}) } as never);
  }

  trajectory(focusIds: readonly string[]): { positions: Positions; from: number | null; to: number | null } {
    const nodes = layoutNodes(this.cy);
    const visible = new Set(nodes.map((n) => n.id()));
    const focus = new Set(focusIds);
    const result = trajectoryLayout(
      nodes.map((n) => ({ id: n.id(), t: (n.data('t') as number | null) ?? null, focus: focus.has(n.id()) })),
      this.cy
        .edges()
        .filter((e) => visible.has(e.data('source') as string) && visible.has(e.data('target') as string) && !e.hasClass('out-of-window'))
        .map((e) => ({ source: e.data('source') as string, target: e.data('target') as string, t: (e.data('t') as number | null) ?? null, tie: e.data('group') === 'relation' })),
    );
    return result;
  }

  /** Runs a Cytoscape layout on a copy of the positions and hands them back without moving the chart. */
  private capture(nodes: NodeCollection, options: object): Promise<Positions> {
    const before = snapshot(nodes);
    return new Promise((resolve) => {
      const layout = nodes.layout(options as never);
      layout.one('layoutstop', () => {
        const after = snapshot(nodes);
        this.cy.batch(() => nodes.positions((n) => before.get((n as NodeSingular).id())!));
        resolve(after);
      });
      layout.run();
    });
  }

  dispose(): void {
    this.runner.dispose();
  }
}
