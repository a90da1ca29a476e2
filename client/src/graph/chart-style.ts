import type { StylesheetJson } from 'cytoscape';
import { TAG_COLOR } from './visual-kinds.js';

/**
 * Two stylesheets: the rich one (pictures, labels) for the charts an investigator reads,
 * and a lean one past LEAN_THRESHOLD nodes, where Cytoscape's per-element style cost
 * dominates (see /work/shared/CLIENT-PERFORMANCE-FACTS.md): flat shapes, straight
 * "haystack" edges, labels only when zoomed in. No function-valued styles in either.
 */
export const LEAN_THRESHOLD = 1500;

const RELATION_COLORS: Record<string, string> = {
  FAMILY: '#16a34a',
  ASSOCIATE: '#2563eb',
  CO_OFFENDER: '#dc2626',
  PARTNER: '#ca8a04',
  OLD_RELATION: '#c2410c',
  COLLEAGUE: '#0891b2',
  CONTACT: '#7c3aed',
};

const common: StylesheetJson = [
  { selector: '.hidden', style: { display: 'none' } },
  { selector: '.faded', style: { opacity: 0.12 } },
  { selector: '.out-of-window', style: { opacity: 0.06, events: 'no' } },
  {
    selector: ':parent',
    style: {
      'background-color': '#e2e8f0',
      'background-opacity': 0.5,
      'border-color': '#64748b',
      'border-width': 1.5,
      'border-style': 'dashed',
      shape: 'round-rectangle',
      label: 'data(label)',
      'text-valign': 'top',
      'text-halign': 'center',
      'font-size': 13,
      'font-weight': 'bold',
      color: '#334155',
      padding: '14px',
    },
  },
];

export function richStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        shape: 'rectangle',
        'background-opacity': 0,
        'background-image': 'data(img)',
        'background-fit': 'contain',
        'background-clip': 'none',
        'border-width': 0,
        label: 'data(label)',
        'font-size': 11,
        'font-family': 'Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, sans-serif',
        color: '#0f172a',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'text-max-width': '120px',
        'text-wrap': 'ellipsis',
        'min-zoomed-font-size': 7,
        'underlay-padding': 6,
        'underlay-opacity': 0,
        'underlay-shape': 'ellipse',
      },
    },
    { selector: 'node[watch = "FUGITIVE"]', style: { 'font-weight': 'bold', color: TAG_COLOR.FUGITIVE } },
    { selector: 'node[kind = "MORE"]', style: { 'font-size': 10, color: '#475569', 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 } },
    { selector: 'node.pinned', style: { 'underlay-color': '#0f172a', 'underlay-opacity': 0.18, 'underlay-padding': 4 } },
    { selector: 'node.focus', style: { 'underlay-color': '#f59e0b', 'underlay-opacity': 0.35, 'underlay-padding': 9 } },
    { selector: 'node:selected', style: { 'underlay-color': '#facc15', 'underlay-opacity': 0.75, 'underlay-padding': 8 } },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'line-color': '#94a3b8',
        'curve-style': 'bezier',
        'target-arrow-shape': 'none',
        label: 'data(label)',
        'font-size': 9,
        color: '#475569',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 9,
        'arrow-scale': 0.8,
      },
    },
    ...Object.entries(RELATION_COLORS).map(([kind, color]) => ({ selector: `edge[kind = "${kind}"]`, style: { 'line-color': color, width: 2.4, color } })),
    { selector: 'edge[kind = "OLD_RELATION"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[group = "movement"]', style: { 'line-color': '#a8a29e', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#a8a29e' } },
    { selector: 'edge[group = "call"]', style: { 'line-color': '#10b981', 'line-style': 'dotted', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#10b981' } },
    { selector: 'edge[group = "case"]', style: { 'line-color': '#be123c', width: 2 } },
    { selector: 'edge[group = "identity"]', style: { 'line-color': '#334155', 'line-style': 'dashed', width: 2 } },
    { selector: 'edge[group = "more"]', style: { 'line-style': 'dashed', 'line-color': '#cbd5e1', label: '' } },
    { selector: 'edge:selected', style: { 'line-color': '#facc15', 'target-arrow-color': '#facc15', width: 4, 'z-index': 10 } },
    { selector: '.path-hop', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 5, 'z-index': 20, opacity: 1, color: '#92400e', 'font-weight': 'bold' } },
    { selector: '.path-alt', style: { 'line-color': '#fcd34d', width: 3.5, 'z-index': 15, opacity: 1 } },
    { selector: 'node.path-node', style: { 'underlay-color': '#f59e0b', 'underlay-opacity': 0.45, opacity: 1 } },
    { selector: 'node.evidence', style: { 'underlay-color': '#ef4444', 'underlay-opacity': 0.35, opacity: 1 } },
    { selector: 'edge.evidence', style: { 'line-color': '#ef4444', 'target-arrow-color': '#ef4444', width: 3.5, opacity: 1 } },
    ...common,
  ];
}

/**
 * Past LEAN_THRESHOLD nodes the overview worker draws the chart (overview-layer.ts) and
 * Cytoscape only what stands out, so this sheet is as short as it can be: each selector is
 * matched against every element when the chart is built. Ties take no clicks here: hit-testing
 * 15,000 of them on every press would cost more than a frame.
 */
export function leanStyle(): StylesheetJson {
  return [
    { selector: 'node', style: { width: 12, height: 12, 'background-color': 'data(color)', 'border-width': 0 } },
    {
      selector: 'node:selected, node.path-node, node.evidence, node.focus',
      style: { width: 20, height: 20, 'border-width': 3, 'border-color': '#f59e0b', label: 'data(label)', 'font-size': 12, 'text-valign': 'bottom', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85 },
    },
    // the overview draws the ties; Cytoscape keeps them undisplayed (no geometry to compute) but for those that stand out
    { selector: 'edge', style: { display: 'none', width: 1, 'line-color': '#94a3b8', 'curve-style': 'haystack', events: 'no' } },
    { selector: 'edge:selected, .path-hop, .path-alt, edge.evidence', style: { display: 'element', 'line-color': '#f59e0b', width: 3 } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: ':parent', style: { 'background-opacity': 0.2, 'border-width': 1, 'border-style': 'dashed', label: 'data(label)' } },
  ];
}
