import type { ExportDocument } from '../export-types.js';
import { chartLayoutOf } from './layout-cache.js';
import { provenanceEntries } from './provenance-entries.js';

/**
 * Cytoscape JSON (the `elements` format that Cytoscape.js `cy.add` / `cy.json` and
 * Cytoscape desktop's .cyjs import read). Element data has the same shape as Clew's page
 * gives its own elements (id, label, kind, props), plus `name` for Cytoscape desktop, and
 * every node its chart position. Written one element at a time with JSON.stringify, so a
 * large subgraph streams.
 */
export function* cytoscapeJson(doc: ExportDocument): Generator<string> {
  const layout = chartLayoutOf(doc);
  const header = {
    format_version: '1.0',
    generated_by: 'clew',
    target_cytoscapejs_version: '~3',
    data: { name: doc.title, ...Object.fromEntries(provenanceEntries(doc)) },
  };
  yield `${JSON.stringify(header).slice(0, -1)},"elements":{"nodes":[\n`;
  let batch: string[] = [];
  let first = true;
  const flush = function* (closing: string) {
    if (batch.length > 0) yield `${first ? '' : ',\n'}${batch.join(',\n')}`;
    if (batch.length > 0) first = false;
    batch = [];
    if (closing) yield closing;
  };
  for (const n of doc.subgraph.nodes) {
    const p = layout[n.id];
    batch.push(JSON.stringify({ group: 'nodes', data: { id: n.id, name: n.label, label: n.label, kind: n.kind, props: n.properties }, ...(p ? { position: { x: p.x, y: p.y } } : {}) }));
    if (batch.length >= 500) yield* flush('');
  }
  yield* flush('\n],"edges":[\n');
  first = true;
  for (const e of doc.subgraph.edges) {
    batch.push(JSON.stringify({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, kind: e.kind, props: e.properties } }));
    if (batch.length >= 500) yield* flush('');
  }
  yield* flush('\n]}}\n');
}
