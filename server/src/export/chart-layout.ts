import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { MultiUndirectedGraph } from 'graphology';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { Subgraph } from '../link/graph-elements.js';
import type { ChartLayout } from './export-types.js';

// The package is CommonJS with an ES-style default export in its types; require() reads it as it is.
const forceAtlas2 = createRequire(import.meta.url)('graphology-layout-forceatlas2') as {
  assign(graph: MultiUndirectedGraph, params: { iterations: number; settings: ForceAtlas2Settings }): void;
  inferSettings(graph: MultiUndirectedGraph): ForceAtlas2Settings;
};

/** Beyond this many nodes a force layout costs seconds and draws a hairball anyway. */
const FORCE_LAYOUT_MAX_NODES = 1500;

/**
 * Where each node sits on the chart (PNG/SVG, PDF, ANX and GEXF positions). The positions
 * the investigator arranged in the browser win; nodes they did not place, or every node
 * when none were sent, are laid out here. The layout is deterministic: starting points
 * come from a hash of each id, so the same subgraph gives the same picture every time.
 */
export function chartLayout(subgraph: Subgraph, given: ChartLayout | null): ChartLayout {
  const layout: ChartLayout = {};
  const missing = subgraph.nodes.filter((n) => !given?.[n.id]);
  if (given) for (const n of subgraph.nodes) if (given[n.id]) layout[n.id] = { x: given[n.id]!.x, y: given[n.id]!.y };
  if (missing.length === 0) return layout;
  if (subgraph.nodes.length > FORCE_LAYOUT_MAX_NODES) return { ...rings(subgraph), ...layout };

  const graph = new MultiUndirectedGraph();
  for (const n of subgraph.nodes) {
    const fixed = layout[n.id];
    const start = fixed ?? seeded(n.id, Math.sqrt(subgraph.nodes.length) * 40);
    graph.addNode(n.id, { x: start.x, y: start.y, fixed: fixed !== undefined });
  }
  for (const e of subgraph.edges) if (graph.hasNode(e.source) && graph.hasNode(e.target) && e.source !== e.target) graph.addEdge(e.source, e.target);
  const settings = { ...forceAtlas2.inferSettings(graph), scalingRatio: 10, gravity: 1, barnesHutOptimize: subgraph.nodes.length > 300, adjustSizes: false };
  forceAtlas2.assign(graph, { iterations: subgraph.nodes.length > 500 ? 80 : 300, settings });
  graph.forEachNode((id: string, attrs: Record<string, unknown>) => {
    if (!layout[id]) layout[id] = { x: attrs.x as number, y: attrs.y as number };
  });
  return layout;
}

/** A point in a square of the given size, the same for the same id. */
function seeded(id: string, size: number): { x: number; y: number } {
  const h = createHash('sha256').update(id).digest();
  return { x: (h.readUInt32BE(0) / 0xffffffff - 0.5) * size, y: (h.readUInt32BE(4) / 0xffffffff - 0.5) * size };
}

/** Large charts: one ring per entity kind, busiest kinds innermost; cheap and readable enough. */
function rings(subgraph: Subgraph): ChartLayout {
  const byKind = new Map<string, string[]>();
  for (const n of subgraph.nodes) {
    const ids = byKind.get(n.kind);
    if (ids) ids.push(n.id);
    else byKind.set(n.kind, [n.id]);
  }
  const layout: ChartLayout = {};
  let radius = 0;
  for (const ids of [...byKind.values()].sort((a, b) => a.length - b.length)) {
    radius += Math.max(200, (ids.length * 12) / (2 * Math.PI) - radius);
    ids.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / ids.length;
      layout[id] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    });
  }
  return layout;
}
