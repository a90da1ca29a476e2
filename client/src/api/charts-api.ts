import type { ApiSubgraph } from '../graph/elements.js';
import type { SavedChartState } from '../graph/saved-state.js';
import { gql } from './client.js';
import { SUBGRAPH } from './fragments.js';

/** A saved chart as listed (state null) or opened (server/src/graphql/schema/saved-chart.graphql). */
export interface SavedChart {
  id: string;
  title: string;
  caseNumber: string | null;
  owner: string;
  shared: boolean;
  nodeCount: number;
  edgeCount: number;
  updatedAt: string;
  state: SavedChartState | null;
}

const FIELDS = 'id title caseNumber owner shared nodeCount edgeCount updatedAt';

/** A page of the charts one may open, newest first, narrowed by the words of `text`. */
export async function listSavedCharts(page: { text: string; offset: number; first: number }): Promise<{ totalCount: number; items: SavedChart[] }> {
  const data = await gql<{ savedCharts: { totalCount: number; items: SavedChart[] } }>(
    `query SavedCharts($first: Int, $offset: Int, $text: String) { savedCharts(first: $first, offset: $offset, text: $text) { totalCount items { ${FIELDS} } } }`,
    page,
  );
  return data.savedCharts;
}

export async function openSavedChart(id: string): Promise<SavedChart | null> {
  const data = await gql<{ savedChart: SavedChart | null }>(`query SavedChart($id: ID!) { savedChart(id: $id) { ${FIELDS} state } }`, { id });
  return data.savedChart;
}

export async function saveChart(input: { id: string | null; title: string; caseNumber: string | null; shared: boolean; state: SavedChartState }): Promise<SavedChart> {
  const data = await gql<{ saveChart: SavedChart }>(`mutation SaveChart($input: SaveChartInput!) { saveChart(input: $input) { ${FIELDS} } }`, { input });
  return data.saveChart;
}

export async function deleteSavedChart(id: string): Promise<void> {
  await gql<{ deleteSavedChart: boolean }>(`mutation DeleteSavedChart($id: ID!) { deleteSavedChart(id: $id) }`, { id });
}

/** The records and ties of a chart as they are now, and those gone since it was saved. */
export async function chartElements(nodeIds: string[], edgeIds: string[]): Promise<{ subgraph: ApiSubgraph; missingNodeIds: string[]; missingEdgeIds: string[] }> {
  const data = await gql<{ chartElements: { subgraph: ApiSubgraph; missingNodeIds: string[]; missingEdgeIds: string[] } }>(
    `query ChartElements($nodeIds: [ID!]!, $edgeIds: [ID!]) { chartElements(nodeIds: $nodeIds, edgeIds: $edgeIds) { subgraph { ${SUBGRAPH} } missingNodeIds missingEdgeIds } }`,
    { nodeIds, edgeIds },
  );
  return data.chartElements;
}
