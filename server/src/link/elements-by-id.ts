import { cypher } from '../db/cypher-files.js';
import { dateTimeTextAsPlain } from '../db/neo4j-values.js';
import type { Tx } from '../db/graph.js';
import { SubgraphBuilder, type Subgraph } from './graph-elements.js';

const NODES = cypher('link/nodes-by-uid');
const EDGES_FROM = cypher('export/edges-from');
const EDGES_BY_KEY = cypher('export/edges-by-key');

/** The relationship types export/edges-by-key.cypher finds by key: read from its branches, so the list is written once. */
export const KEY_LOOKUP_TYPES = new Set([...EDGES_BY_KEY.matchAll(/\[r:([A-Z_]+) \{key: k\}\]/g)].map((m) => m[1]!));

export interface Elements {
  subgraph: Subgraph;
  /** Asked-for nodes the database no longer has (deleted, or merged into another record). */
  missingNodeIds: string[];
  /** Asked-for ties that are gone, or whose ends are not among the nodes. */
  missingEdgeIds: string[];
}

/**
 * Nodes by graph id and the relationships among them, as they are in the database now:
 * the named relationships only when `edgeIds` is given (each found by an index seek on its
 * key where its type has one), else every relationship among the nodes. An export of a
 * selection and the reopening of a saved chart both read their elements here.
 */
export async function readElements(tx: Tx, nodeIds: string[], edgeIds: string[] | null): Promise<Elements> {
  const builder = new SubgraphBuilder();
  const nodes = await tx.run(NODES, { ids: nodeIds });
  for (const r of nodes.records) builder.addNode(r.get('node'));
  const present = nodeIds.filter((id) => builder.hasNode(id));
  const asMap = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, true]));
  type EdgeRow = { id: string; source: string; target: string; kind: string; properties: [string, unknown, string][] };
  const selected = asMap(present);
  const rows: EdgeRow[] = [];
  const collect = (records: { get(key: string): unknown }[]) => {
    for (const r of records) rows.push(r.get('edge') as EdgeRow);
  };
  if (edgeIds) {
    // Named relationships: found by their keys' indexes; a type without one, the slow way.
    const { byType, rest } = keysByType(edgeIds);
    if (Object.keys(byType).length > 0) collect((await tx.run(EDGES_BY_KEY, { keys: byType, selected })).records);
    if (rest.length > 0) collect((await tx.run(EDGES_FROM, { ids: present, selected, wanted: asMap(rest) })).records);
  } else {
    collect((await tx.run(EDGES_FROM, { ids: present, selected, wanted: null })).records);
  }
  const kept = rows.map((edge) => ({ ...edge, properties: propertiesFromTriples(edge.properties) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const found = new Set<string>();
  for (const e of kept) {
    builder.addEdge(e);
    found.add(e.id);
  }
  return {
    subgraph: builder.build(),
    missingNodeIds: nodeIds.filter((id) => !builder.hasNode(id)),
    missingEdgeIds: (edgeIds ?? []).filter((id) => !found.has(id)),
  };
}

/** edges-from.cypher's [name, value, valueType] triples as a property map, date-times written as toPlain writes them. */
function propertiesFromTriples(triples: [string, unknown, string][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value, type] of triples) out[name] = type.startsWith('ZONED DATETIME') ? dateTimeTextAsPlain(value as string) : value;
  return out;
}

/** Edge ids (type:key) as keys by type for edges-by-key.cypher, and the ids of other types. */
function keysByType(edgeIds: string[]): { byType: Record<string, string[]>; rest: string[] } {
  const byType: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const id of edgeIds) {
    const colon = id.indexOf(':');
    const type = colon > 0 ? id.slice(0, colon) : '';
    if (KEY_LOOKUP_TYPES.has(type)) (byType[type] ??= []).push(id.slice(colon + 1));
    else rest.push(id);
  }
  return { byType, rest };
}
