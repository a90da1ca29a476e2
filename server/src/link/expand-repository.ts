import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import type { Tx } from '../db/graph.js';
import { NotFound } from '../errors.js';
import { SubgraphBuilder, type Subgraph } from './graph-elements.js';

const RING = cypher('link/expand-ring');
const NODES = cypher('link/nodes-by-uid');

export interface ExpandArgs {
  ids: string[];
  depth: number;
  types: string[] | null;
  from: string | null;
  to: string | null;
  /** Total node cap. */
  limit: number;
  /** Neighbours shown per node; the rest are counted. */
  perNode: number;
}

interface RingRow {
  fromId: string;
  total: number;
  edge: { id: string; source: string; target: string; kind: string; properties: Record<string, unknown> };
  node: { id: string; kind: string; properties: Record<string, unknown> };
}

/**
 * Breadth-first, one ring per query: the frontier's neighbours are read with a per-node
 * cap (so a hotel with 5,000 guests adds at most perNode of them and reports the rest), and
 * the walk stops adding nodes at the total cap. Frontiers are sorted so the same data gives
 * the same subgraph. `ringStatement` reads one ring; the hub benchmark passes the plain
 * reading of every tie (bench/cypher/link/expand-ring-every-tie.cypher) to time Clew's
 * against it.
 */
export async function expand(tx: Tx, args: ExpandArgs, ringStatement: string = RING): Promise<Subgraph> {
  const builder = new SubgraphBuilder();
  const start = await tx.run(NODES, { ids: args.ids });
  for (const r of start.records) builder.addNode(r.get('node'));
  const missing = args.ids.filter((id) => !builder.hasNode(id));
  if (missing.length > 0) {
    const [kind = 'Node', ...rest] = missing[0]!.split(':');
    throw new NotFound(kind, rest.join(':'));
  }

  let frontier = [...args.ids].sort();
  for (let ring = 0; ring < args.depth && frontier.length > 0; ring++) {
    const result = await tx.run(ringStatement, { ids: frontier, types: args.types, from: args.from, to: args.to, perNode: neo4j.int(args.perNode) });
    const rows = result.records.map((r) => r.toObject() as unknown as RingRow);
    const totals = new Map<string, { total: number; shown: number }>();
    const next = new Set<string>();
    for (const row of rows) {
      const t = totals.get(row.fromId) ?? { total: Number(row.total), shown: 0 };
      totals.set(row.fromId, t);
      const isNew = !builder.hasNode(row.node.id);
      if (isNew && builder.nodeCount >= args.limit) {
        builder.truncated = true;
        continue;
      }
      t.shown++;
      builder.addNode(row.node);
      builder.addEdge(row.edge);
      if (isNew) next.add(row.node.id);
    }
    for (const [nodeId, t] of [...totals.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (t.total > t.shown) {
        builder.truncated = true;
        builder.omitted.push({ nodeId, total: t.total, shown: t.shown, omitted: t.total - t.shown });
      }
    }
    frontier = [...next].sort();
  }
  return builder.build();
}
