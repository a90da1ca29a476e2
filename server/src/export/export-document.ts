import { cypher } from '../db/cypher-files.js';
import type { Graph } from '../db/graph.js';
import { toGraphNode, type GraphNode, type Subgraph } from '../link/graph-elements.js';
import { maskValue } from '../security/masking.js';
import type { ChartLayout, ExportDocument, ExportPath, ExportRequester, ExportSource } from './export-types.js';
import { hardReferencesOf } from './formats/csv-records.js';
import { readForExport } from './read-export.js';

const NODES = cypher('link/nodes-by-uid');

export interface DocumentRequest {
  source: ExportSource;
  title: string | null;
  layout: ChartLayout | null;
  requester: ExportRequester;
  requestId: string;
  /** Resident IDs and phone numbers are masked for this requester (security's answersAreMasked). */
  masked: boolean;
  now: Date;
  timeoutMs: number;
}

/**
 * Reads what an export shows and wraps it with its provenance. Context nodes (what the
 * CSV needs to import again on its own) are read in a second short transaction; they are
 * reference data (stations, regions, places) and are not part of what the chart shows.
 */
export async function buildExportDocument(graph: Graph, request: DocumentRequest): Promise<ExportDocument> {
  const read = await readForExport(graph, request.source, request.timeoutMs);
  const context = await readContext(graph, read.subgraph, request.timeoutMs);
  let { subgraph, paths } = read;
  let contextNodes = context;
  if (request.masked) {
    subgraph = maskSubgraph(subgraph);
    paths = maskValue(paths) as ExportPath[];
    contextNodes = maskValue(context) as GraphNode[];
  }
  return {
    title: request.title ?? defaultTitle(read.origin.operation, subgraph),
    subgraph,
    context: contextNodes,
    paths,
    origin: read.origin,
    database: read.database,
    requester: request.requester,
    createdAt: request.now.toISOString(),
    requestId: request.requestId,
    masked: request.masked,
    layout: request.layout && request.masked ? (maskValue(request.layout) as ChartLayout) : request.layout,
  };
}

function defaultTitle(operation: string, subgraph: Subgraph): string {
  const first = subgraph.nodes[0];
  return `关系分析导出 · ${operation}${first ? ` · ${first.label}` : ''}`;
}

/** Follows hard references (case → location → station → region) until none is missing. */
async function readContext(graph: Graph, subgraph: Subgraph, timeoutMs: number): Promise<GraphNode[]> {
  const have = new Set(subgraph.nodes.map((n) => n.id));
  const context: GraphNode[] = [];
  let wanted = [...new Set(subgraph.nodes.flatMap(hardReferencesOf))].filter((id) => !have.has(id));
  for (let round = 0; round < 4 && wanted.length > 0; round++) {
    const ids = wanted;
    const found = await graph.read(async (tx) => (await tx.run(NODES, { ids })).records.map((r) => r.get('node') as { id: string; kind: string; properties: Record<string, unknown> }), {
      timeoutMs,
      metadata: { op: 'export-context' },
    });
    const nodes = found.map(toGraphNode).sort((a, b) => a.id.localeCompare(b.id));
    for (const n of nodes) have.add(n.id);
    context.push(...nodes);
    wanted = [...new Set(nodes.flatMap(hardReferencesOf))].filter((id) => !have.has(id));
  }
  return context;
}

/**
 * Masks every identifier in the subgraph, ids included (a phone's graph id is its number).
 * Two numbers can mask to the same text; such ids get a "#2", "#3" … so every node and
 * edge keeps an id of its own and every edge still joins the right two nodes.
 */
export function maskSubgraph(subgraph: Subgraph): Subgraph {
  const renamed = new Map<string, string>();
  const used = new Set<string>();
  const unique = (id: string) => {
    const masked = maskValue(id);
    let candidate = masked;
    for (let i = 2; used.has(candidate); i++) candidate = `${masked}#${i}`;
    used.add(candidate);
    return candidate;
  };
  const nodes = subgraph.nodes.map((n) => {
    const id = unique(n.id);
    renamed.set(n.id, id);
    return { ...maskValue(n), id };
  });
  used.clear();
  const edges = subgraph.edges.map((e) => ({
    ...maskValue(e),
    id: unique(e.id),
    source: renamed.get(e.source) ?? maskValue(e.source),
    target: renamed.get(e.target) ?? maskValue(e.target),
  }));
  return { ...subgraph, nodes, edges, omitted: maskValue(subgraph.omitted) };
}
