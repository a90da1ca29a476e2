import { chartLayout } from '../chart-layout.js';
import type { ChartLayout, ExportDocument } from '../export-types.js';

const cache = new WeakMap<ExportDocument, ChartLayout>();

/** The document's chart layout, computed once however many formats a package holds. */
export function chartLayoutOf(doc: ExportDocument): ChartLayout {
  let layout = cache.get(doc);
  if (!layout) cache.set(doc, (layout = chartLayout(doc.subgraph, doc.layout)));
  return layout;
}
