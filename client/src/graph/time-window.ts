import type { Core } from 'cytoscape';

/**
 * The time-window filter: movements, calls and relations whose time falls outside the
 * window fade out (and stop taking clicks), as do cases outside it and places left
 * with no visible tie. Timeless ties (ownership, structure) always stay.
 */
export interface TimeExtent {
  min: number;
  max: number;
}

export function timeExtent(cy: Core): TimeExtent | null {
  let min = Infinity;
  let max = -Infinity;
  // the slider spans movements, calls and cases; a relation's "since" (often years back) would
  // stretch it so far that a day could not be picked
  cy.elements().forEach((el) => {
    if (el.isEdge() && el.data('group') === 'relation') return;
    const t = el.data('t') as number | null | undefined;
    if (typeof t === 'number') {
      if (t < min) min = t;
      if (t > max) max = t;
    }
  });
  return Number.isFinite(min) ? { min, max } : null;
}

function inWindow(t: number | null | undefined, t2: number | null | undefined, from: number, to: number): boolean {
  if (typeof t !== 'number') return true;
  const end = typeof t2 === 'number' ? t2 : t;
  return t <= to && end >= from;
}

/** Applies the window; null bounds clear it. Returns how many edges are outside. */
export function applyTimeWindow(cy: Core, from: number | null, to: number | null): number {
  let outside = 0;
  cy.batch(() => {
    cy.elements('.out-of-window').removeClass('out-of-window');
    if (from === null || to === null) return;
    const timedEdges = cy.edges().filter((e) => typeof e.data('t') === 'number');
    const out = timedEdges.filter((e) => !inWindow(e.data('t'), e.data('t2'), from, to));
    out.addClass('out-of-window');
    outside = out.length;
    cy.nodes('[kind = "CASE"]').forEach((n) => {
      if (!inWindow(n.data('t'), null, from, to)) n.addClass('out-of-window');
    });
    // places reached only through faded movements fade too
    cy.nodes('[kind = "LOCATION"]').forEach((n) => {
      const ties = n.connectedEdges();
      const faded = ties.filter('.out-of-window').length;
      const structural = ties.filter('[kind = "COVERED_BY"], [kind = "IN_REGION"]').length;
      if (faded > 0 && faded + structural === ties.length) n.addClass('out-of-window');
    });
  });
  return outside;
}
