import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { groupElement, GROUP_KIND } from './chart-edits.js';

/**
 * A chart's arrangement as it is saved (server/src/charts/chart-state.ts): which records and
 * ties are on it, where each node stands, what is pinned, hidden or grouped, and the time
 * window, and what was highlighted (a technique's evidence, a path found), which is what the
 * chart was saved to show. The "+N" placeholders of capped hubs are not kept: they stand for
 * records that were never on the chart.
 */
export interface SavedChartState {
  nodes: { id: string; x: number; y: number; pinned?: boolean; hidden?: boolean; group?: string; evidence?: boolean }[];
  edges: { id: string; hidden?: boolean; evidence?: boolean }[];
  groups: { id: string; label: string }[];
  window: { from: number | null; to: number | null } | null;
}

const PLACEHOLDER = 'MORE';
/** The classes of a highlight (graph-view.ts); any of them is saved as evidence. */
const HIGHLIGHTED = ['evidence', 'path-node', 'path-hop', 'path-alt'];
const highlighted = (el: { hasClass(name: string): boolean }) => HIGHLIGHTED.some((c) => el.hasClass(c));

export function readSavedState(cy: Core, window: SavedChartState['window']): SavedChartState {
  const round = (v: number) => Math.round(v * 10) / 10;
  const nodes = cy
    .nodes()
    .filter((n) => n.data('kind') !== PLACEHOLDER && n.data('kind') !== GROUP_KIND)
    .map((n) => {
      const node = n as NodeSingular;
      const parent = node.parent();
      return {
        id: node.id(),
        x: round(node.position().x),
        y: round(node.position().y),
        ...(node.locked() ? { pinned: true } : {}),
        ...(node.hasClass('hidden') ? { hidden: true } : {}),
        ...(parent.nonempty() ? { group: (parent[0] as NodeSingular).id() } : {}),
        ...(highlighted(node) ? { evidence: true } : {}),
      };
    });
  const onChart = new Set(nodes.map((n) => n.id));
  const edges = cy
    .edges()
    .filter((e) => onChart.has(e.source().id()) && onChart.has(e.target().id()))
    .map((e) => ({ id: e.id(), ...(e.hasClass('hidden') ? { hidden: true } : {}), ...(highlighted(e) ? { evidence: true } : {}) }));
  const groups = cy.nodes(`[kind = "${GROUP_KIND}"]`).map((g) => ({ id: g.id(), label: String(g.data('label') ?? '') }));
  return { nodes, edges, groups, window: window && (window.from !== null || window.to !== null) ? window : null };
}

/**
 * The elements of a reopened chart, placed and marked as saved: each node where it stood,
 * in its group box, pinned or hidden as it was, and the highlight as it was (the evidence
 * marked, everything else faded). Elements the database no longer has are simply not
 * among `defs`.
 */
export function restoredDefinitions(defs: ElementDefinition[], state: SavedChartState): ElementDefinition[] {
  const saved = new Map(state.nodes.map((n) => [n.id, n]));
  const hiddenEdges = new Set(state.edges.filter((e) => e.hidden).map((e) => e.id));
  const evidence = new Set([...state.nodes, ...state.edges].filter((x) => x.evidence).map((x) => x.id));
  const present = new Set(defs.map((d) => d.data.id!));
  // What was highlighted and is still there; if none of it is, nothing is faded either.
  const highlight = [...evidence].some((id) => present.has(id)) ? (id: string) => (evidence.has(id) ? 'evidence' : 'faded') : () => undefined;
  const usedGroups = new Set(state.nodes.filter((n) => n.group && present.has(n.id)).map((n) => n.group!));
  const groups: ElementDefinition[] = state.groups.filter((g) => usedGroups.has(g.id)).map((g) => groupElement(g.id, g.label));
  const placed = defs.map((d): ElementDefinition => {
    const id = d.data.id!;
    let classes = d.classes;
    const mark = highlight(id);
    if (mark) classes = withClass(classes, mark);
    if (d.group === 'edges') return { ...d, classes: hiddenEdges.has(id) ? withClass(classes, 'hidden') : classes };
    const s = saved.get(id);
    if (!s) return { ...d, classes };
    if (s.hidden) classes = withClass(classes, 'hidden');
    if (s.pinned) classes = withClass(classes, 'pinned');
    return { ...d, position: { x: s.x, y: s.y }, locked: s.pinned === true, classes, data: s.group ? { ...d.data, parent: s.group } : d.data };
  });
  return [...groups, ...placed];
}

function withClass(classes: ElementDefinition['classes'], name: string): string {
  const list = Array.isArray(classes) ? classes : typeof classes === 'string' ? classes.split(/\s+/).filter(Boolean) : [];
  return [...new Set([...list, name])].join(' ');
}
