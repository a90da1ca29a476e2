import { cypher } from '../db/cypher-files.js';
import { dateTimeTextAsPlain } from '../db/neo4j-values.js';
import type { Tx } from '../db/graph.js';
import { NotFound } from '../errors.js';
import { SubgraphBuilder, type Subgraph } from '../link/graph-elements.js';
import { expand } from '../link/expand-repository.js';
import { findPaths } from '../link/paths-repository.js';
import { findRun } from '../techniques/technique-runs.js';
import type { ExportOrigin, ExportPath, ExportSource } from './export-types.js';

const NODES = cypher('link/nodes-by-uid');
const EDGES_FROM = cypher('export/edges-from');
const EDGES_BY_KEY = cypher('export/edges-by-key');

/** The relationship types export/edges-by-key.cypher finds by key: read from its branches, so the list is written once. */
export const KEY_LOOKUP_TYPES = new Set([...EDGES_BY_KEY.matchAll(/\[r:([A-Z_]+) \{key: k\}\]/g)].map((m) => m[1]!));

export interface SourceResult {
  subgraph: Subgraph;
  paths: ExportPath[];
  origin: ExportOrigin;
}

/**
 * Reads the subgraph an export asks for, inside the caller's transaction, with the same
 * repository functions the GraphQL queries use, so an exported `expand` is exactly the
 * `expand` the investigator saw (given the same data).
 */
export async function readSource(tx: Tx, source: ExportSource): Promise<SourceResult> {
  switch (source.kind) {
    case 'SELECTION': {
      const subgraph = await readSelection(tx, source.nodeIds, source.edgeIds);
      return { subgraph, paths: [], origin: { operation: 'selection', arguments: { nodeIds: source.nodeIds, edgeIds: source.edgeIds }, statements: ['link/nodes-by-uid', 'export/edges-from'] } };
    }
    case 'EXPAND': {
      const { kind: _kind, relationTypes, perNodeLimit, ...rest } = source;
      const subgraph = await expand(tx, { ...rest, types: relationTypes, perNode: perNodeLimit });
      return { subgraph, paths: [], origin: { operation: 'expand', arguments: argumentsOf(source), statements: ['link/nodes-by-uid', 'link/expand-ring'] } };
    }
    case 'PATHS': {
      const found = await findPaths(tx, { from: source.from, to: source.to, maxHops: source.maxHops, mode: source.mode, k: source.k, types: source.relationTypes });
      const statement = { SHORTEST: 'link/paths-shortest', ALL_SHORTEST: 'link/paths-all-shortest', K_SHORTEST: 'link/paths-k-shortest' }[source.mode];
      return {
        subgraph: found.subgraph,
        paths: found.paths.map((p) => ({ nodeIds: p.nodeIds, hops: p.hops })),
        origin: { operation: 'paths', arguments: argumentsOf(source), statements: ['link/persons-by-id', statement] },
      };
    }
    case 'TECHNIQUE_EVIDENCE': {
      // The run is read back from its record, so the manifest names the technique, its
      // arguments and who ran it as stored, not as the browser describes them.
      const run = await findRun(tx, source.runId);
      if (!run) throw new NotFound('Technique run', source.runId);
      const subgraph = await readSelection(tx, source.nodeIds, source.edgeIds);
      return {
        subgraph,
        paths: [],
        origin: {
          operation: `technique ${run.technique}`,
          arguments: { runId: source.runId, nodeIds: source.nodeIds, edgeIds: source.edgeIds },
          techniqueRun: { ...run, startedAt: new Date(run.startedAt).toISOString(), finishedAt: new Date(run.finishedAt).toISOString() },
          statements: ['techniques/run-by-id', 'link/nodes-by-uid', 'export/edges-from'],
        },
      };
    }
  }
}

function argumentsOf(source: ExportSource): Record<string, unknown> {
  const { kind: _kind, ...rest } = source;
  return rest;
}

/** The selected nodes and the relationships among them (or the named ones only). */
async function readSelection(tx: Tx, nodeIds: string[], edgeIds: string[] | null): Promise<Subgraph> {
  const builder = new SubgraphBuilder();
  const nodes = await tx.run(NODES, { ids: nodeIds });
  for (const r of nodes.records) builder.addNode(r.get('node'));
  const missing = nodeIds.find((id) => !builder.hasNode(id));
  if (missing !== undefined) {
    const [kind = 'Node', ...rest] = missing.split(':');
    throw new NotFound(kind, rest.join(':'));
  }
  const asMap = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, true]));
  type EdgeRow = { id: string; source: string; target: string; kind: string; properties: [string, unknown, string][] };
  const selected = asMap(nodeIds);
  const rows: EdgeRow[] = [];
  const collect = (records: { get(key: string): unknown }[]) => {
    for (const r of records) rows.push(r.get('edge') as EdgeRow);
  };
  if (edgeIds) {
    // Named relationships: found by their keys' indexes; a type without one, the slow way.
    const { byType, rest } = keysByType(edgeIds);
    if (Object.keys(byType).length > 0) collect((await tx.run(EDGES_BY_KEY, { keys: byType, selected })).records);
    if (rest.length > 0) collect((await tx.run(EDGES_FROM, { ids: nodeIds, selected, wanted: asMap(rest) })).records);
  } else {
    collect((await tx.run(EDGES_FROM, { ids: nodeIds, selected, wanted: null })).records);
  }
  const kept = rows.map((edge) => ({ ...edge, properties: propertiesFromTriples(edge.properties) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const found = new Set<string>();
  for (const e of kept) {
    builder.addEdge(e);
    found.add(e.id);
  }
  const lost = edgeIds?.find((id) => !found.has(id));
  if (lost !== undefined) throw new NotFound('Relationship between the selected nodes', lost);
  return builder.build();
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
