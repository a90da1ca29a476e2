/**
 * What a saved chart keeps of the highlight, and how a reopened chart shows it
 * (client/src/graph/saved-state.ts), on a headless Cytoscape.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { readSavedState, restoredDefinitions, type SavedChartState } from '../../client/src/graph/saved-state.js';
import { checkChartState } from '../../server/src/charts/chart-state.js';

const node = (id: string): ElementDefinition => ({ group: 'nodes', data: { id, kind: 'PERSON' }, position: { x: 0, y: 0 } });
const edge = (id: string, source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id, source, target, kind: 'FAMILY' } });

/** 李国华, his wife and an old relation; the tie to the wife highlighted as evidence. */
function chart() {
  const cy = cytoscape({
    headless: true,
    elements: [node('Person:P-LI'), node('Person:P-LI-WIFE'), node('Person:P-LI-OLD'), edge('FAMILY:w', 'Person:P-LI', 'Person:P-LI-WIFE'), edge('OLD_RELATION:o', 'Person:P-LI', 'Person:P-LI-OLD')],
  });
  cy.$id('Person:P-LI').addClass('evidence');
  cy.$id('Person:P-LI-WIFE').addClass('path-node');
  cy.$id('FAMILY:w').addClass('path-hop');
  cy.$id('Person:P-LI-OLD').addClass('faded');
  cy.$id('OLD_RELATION:o').addClass('faded');
  return cy;
}

const classesOf = (defs: ElementDefinition[]) => Object.fromEntries(defs.map((d) => [d.data.id, String(d.classes ?? '')]));

describe('a saved chart and its highlight', () => {
  it('keeps what was highlighted, evidence or path, and nothing faded', () => {
    const state = readSavedState(chart(), null);
    expect(state.nodes.filter((n) => n.evidence).map((n) => n.id)).toEqual(['Person:P-LI', 'Person:P-LI-WIFE']);
    expect(state.edges.filter((e) => e.evidence).map((e) => e.id)).toEqual(['FAMILY:w']);
    // and the server keeps the mark as the page sent it
    const checked = checkChartState(state, { maxNodes: 100, maxEdges: 100 });
    expect(checked.nodes.find((n) => n.id === 'Person:P-LI')).toEqual({ id: 'Person:P-LI', x: 0, y: 0, evidence: true });
    expect(checked.nodes.find((n) => n.id === 'Person:P-LI-OLD')).toEqual({ id: 'Person:P-LI-OLD', x: 0, y: 0 });
    expect(checked.edges).toEqual([{ id: 'FAMILY:w', evidence: true }, { id: 'OLD_RELATION:o' }]);
  });

  it('shows the evidence again when the chart is reopened, the rest faded', () => {
    const cy = chart();
    const state = readSavedState(cy, null);
    const defs = cy.elements().map((e) => ({ group: e.group(), data: { ...e.data() } }) as ElementDefinition);
    expect(classesOf(restoredDefinitions(defs, state))).toEqual({
      'Person:P-LI': 'evidence',
      'Person:P-LI-WIFE': 'evidence',
      'Person:P-LI-OLD': 'faded',
      'FAMILY:w': 'evidence',
      'OLD_RELATION:o': 'faded',
    });
  });

  it('fades nothing when none of the evidence is still in the database, or none was saved', () => {
    const state = readSavedState(chart(), null);
    const old = [node('Person:P-LI-OLD'), edge('OLD_RELATION:o', 'Person:P-LI', 'Person:P-LI-OLD')];
    expect(classesOf(restoredDefinitions(old, state))).toEqual({ 'Person:P-LI-OLD': '', 'OLD_RELATION:o': '' });
    const plain: SavedChartState = { ...state, nodes: state.nodes.map(({ evidence: _e, ...n }) => n), edges: state.edges.map(({ evidence: _e, ...e }) => e) };
    expect(Object.values(classesOf(restoredDefinitions(old, plain)))).toEqual(['', '']);
  });
});
