import type { CollectionReturnValue, Core } from 'cytoscape';

/** The elements with these ids that are on the chart. */
export function byIds(cy: Core, ids: readonly string[]): CollectionReturnValue {
  const out = cy.collection();
  for (const id of ids) {
    const el = cy.getElementById(id);
    if (el.nonempty()) out.merge(el);
  }
  return out;
}
