import { randomBytes } from 'node:crypto';
import { cypher } from '../db/cypher-files.js';
import type { Tx } from '../db/graph.js';
import { toPlain } from '../db/neo4j-values.js';
import type { ChartState } from './chart-state.js';

const CREATE = cypher('charts/chart-create');
const UPDATE = cypher('charts/chart-update');
const LIST = cypher('charts/chart-list');
const BY_ID = cypher('charts/chart-by-id');
const DELETE = cypher('charts/chart-delete');

/** A saved chart as stored: who keeps it, whether their unit may open it, and its state as JSON text. */
export interface SavedChart {
  id: string;
  title: string;
  caseNumber: string | null;
  owner: string;
  unit: string;
  shared: boolean;
  nodeCount: number;
  edgeCount: number;
  createdAt: number;
  updatedAt: number;
  /** Null in lists (a page of charts does not carry every chart's layout). */
  state: ChartState | null;
}

export interface ChartReader {
  owner: string;
  unit: string;
}

export interface ChartToSave {
  id: string | null;
  title: string;
  caseNumber: string | null;
  shared: boolean;
  state: ChartState;
}

export const newChartId = () => `CHART-${randomBytes(6).toString('hex')}`;

/** Saves a new chart, or a new state of the reader's own; null when the id names someone else's chart or none. */
export async function saveChart(tx: Tx, chart: ChartToSave, by: ChartReader, at: number): Promise<SavedChart | null> {
  const stored = {
    id: chart.id ?? newChartId(),
    title: chart.title,
    caseNumber: chart.caseNumber,
    shared: chart.shared,
    state: JSON.stringify(chart.state),
    nodeCount: chart.state.nodes.length,
    edgeCount: chart.state.edges.length,
    owner: by.owner,
    unit: by.unit,
    at,
  };
  const result = await tx.run(chart.id === null ? CREATE : UPDATE, { chart: stored });
  const row = result.records[0]?.get('chart') as Record<string, unknown> | undefined;
  return row ? chartOf(row) : null;
}

/**
 * The charts the reader may open, newest first: their own and their unit's shared ones, those
 * whose title, case number or owner hold every one of `words` (lower case) when any are given.
 */
export async function listCharts(tx: Tx, by: ChartReader, page: { offset: number; first: number; words: string[] }): Promise<{ total: number; charts: SavedChart[] }> {
  const result = await tx.run(LIST, { owner: by.owner, unit: by.unit, ...page });
  const row = result.records[0];
  if (!row) return { total: 0, charts: [] };
  return { total: Number(toPlain(row.get('total'))), charts: (row.get('charts') as Record<string, unknown>[]).map(chartOf) };
}

export async function findChart(tx: Tx, id: string, by: ChartReader): Promise<SavedChart | null> {
  const row = (await tx.run(BY_ID, { id, owner: by.owner, unit: by.unit })).records[0]?.get('chart') as Record<string, unknown> | undefined;
  return row ? chartOf(row) : null;
}

/** Deletes one of the owner's charts; false when they have none of that id. */
export async function deleteChart(tx: Tx, id: string, owner: string): Promise<boolean> {
  const row = (await tx.run(DELETE, { id, owner })).records[0];
  return Number(toPlain(row?.get('deleted') ?? 0)) === 1;
}

function chartOf(row: Record<string, unknown>): SavedChart {
  const p = toPlain(row) as Record<string, unknown>;
  return {
    id: String(p.id),
    title: String(p.title),
    caseNumber: (p.caseNumber as string | null) ?? null,
    owner: String(p.owner),
    unit: String(p.unit),
    shared: p.shared === true,
    nodeCount: Number(p.nodeCount),
    edgeCount: Number(p.edgeCount),
    createdAt: Number(p.createdAt),
    updatedAt: Number(p.updatedAt),
    state: typeof p.state === 'string' ? (JSON.parse(p.state) as ChartState) : null,
  };
}
