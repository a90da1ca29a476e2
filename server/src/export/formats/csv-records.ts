import { KIND_FIELDS } from '../../ingest/formats/kind-names.js';
import type { RecordKind } from '../../ingest/record-kinds.js';
import type { GraphEdge, GraphNode } from '../../link/graph-elements.js';

/**
 * Subgraph elements as records of Clew's exchange format (the importer's own field names,
 * taken from the importer), so an exported CSV imports again through `npm run import` or
 * POST /imports and gives the same nodes, relationships and properties.
 *
 * Phone and Vehicle nodes, and the relationships USES_PHONE, OWNS_VEHICLE, OCCURRED_AT,
 * COVERED_BY, IN_REGION and PART_OF, have no record of their own: the importer makes them
 * from the columns phones, plates, location, station, region and parent, as it does for
 * any import. SAME_AS links come from identity resolution after an import, not from records.
 */

export const NODE_RECORD_KINDS: Partial<Record<string, RecordKind>> = {
  REGION: 'region',
  STATION: 'station',
  LOCATION: 'location',
  PERSON: 'person',
  CASE: 'case',
};

const RELATION_TYPES = new Set(['FAMILY', 'ASSOCIATE', 'CO_OFFENDER', 'PARTNER', 'OLD_RELATION', 'COLLEAGUE', 'CONTACT']);

export const EDGE_RECORD_KINDS: Partial<Record<string, RecordKind>> = {
  STAYED_AT: 'stay',
  LOGGED_IN: 'login',
  PASSED: 'pass',
  CALLED: 'call',
  INVOLVED_IN: 'involvement',
};

/** The columns of one kind's file: the exchange-format fields, then provenance. */
export function columnsFor(kind: RecordKind): string[] {
  return ['kind', ...KIND_FIELDS[kind], 'source', 'sourceId'];
}

export type CsvRecord = { kind: RecordKind; cells: Record<string, string> };

/** The record key of a graph id: "Person:P-1" → "P-1", "Phone:138…" → "138…". */
const keyOf = (graphId: string) => graphId.slice(graphId.indexOf(':') + 1);

/** One node as a record, or null for kinds the importer derives (Phone, Vehicle). */
export function nodeRecord(node: GraphNode): CsvRecord | null {
  const kind = NODE_RECORD_KINDS[node.kind];
  if (!kind) return null;
  return { kind, cells: cellsOf(kind, node.properties, {}) };
}

/** One relationship as a record, or null for those the importer derives from columns. */
export function edgeRecord(edge: GraphEdge): CsvRecord | null {
  const from = keyOf(edge.source);
  const to = keyOf(edge.target);
  if (RELATION_TYPES.has(edge.kind)) return { kind: 'relation', cells: cellsOf('relation', edge.properties, { from, to, type: edge.kind }) };
  const kind = EDGE_RECORD_KINDS[edge.kind];
  switch (kind) {
    case 'stay':
    case 'login':
      return { kind, cells: cellsOf(kind, edge.properties, { person: from, location: to }) };
    case 'pass':
      return { kind, cells: cellsOf(kind, edge.properties, { plate: from, location: to }) };
    case 'call':
      return { kind, cells: cellsOf(kind, edge.properties, { from, to }) };
    case 'involvement':
      return { kind, cells: cellsOf(kind, edge.properties, { person: from, case: to }) };
    default:
      return null;
  }
}

/**
 * The nodes a record names by a reference the importer insists on (a location's station,
 * a station's region, a case's location): without them in the database or the same import
 * the record would be rejected, so they travel along as context.
 */
export function hardReferencesOf(node: GraphNode): string[] {
  const p = node.properties;
  const ref = (kind: string, value: unknown) => (typeof value === 'string' && value !== '' ? [`${kind}:${value}`] : []);
  switch (node.kind) {
    case 'LOCATION':
      return ref('Station', p.station);
    case 'STATION':
      return ref('Region', p.region);
    case 'CASE':
      return ref('Location', p.location);
    default:
      return [];
  }
}

function cellsOf(kind: RecordKind, properties: Record<string, unknown>, ends: Record<string, string>): Record<string, string> {
  const cells: Record<string, string> = { kind };
  for (const field of [...KIND_FIELDS[kind], 'source', 'sourceId']) {
    const value = ends[field] ?? properties[field];
    if (value === null || value === undefined) continue;
    // Lists are ";"-separated in the exchange format's CSV layout.
    cells[field] = Array.isArray(value) ? value.map(String).join(';') : String(value);
  }
  return cells;
}
