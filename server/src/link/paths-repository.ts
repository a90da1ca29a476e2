import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import type { Tx } from '../db/graph.js';
import { NotFound } from '../errors.js';
import { SubgraphBuilder, toGraphEdge, type GraphEdge, type Subgraph } from './graph-elements.js';

export type PathMode = 'SHORTEST' | 'ALL_SHORTEST' | 'K_SHORTEST';

const STATEMENTS: Record<PathMode, string> = {
  SHORTEST: cypher('link/paths-shortest'),
  ALL_SHORTEST: cypher('link/paths-all-shortest'),
  K_SHORTEST: cypher('link/paths-k-shortest'),
};
const PERSONS = cypher('link/persons-by-id');
const COMMON = cypher('link/common-associates');

/**
 * Cypher cannot take a path-length bound or SHORTEST's k as a parameter. These are the only
 * values ever spliced into a statement, and only as integers checked here.
 */
export function withBounds(statement: string, bounds: { maxHops: number; k?: number }): string {
  const checked = (n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`path bound ${n} is not a small positive integer`);
    return String(n);
  };
  return statement.replaceAll('__MAX_HOPS__', checked(bounds.maxHops)).replaceAll('__K__', checked(bounds.k ?? 1));
}

interface RawPath {
  nodes: { id: string; kind: string; properties: Record<string, unknown> }[];
  hops: { id: string; source: string; target: string; kind: string; properties: Record<string, unknown> }[];
}

export interface PathHop extends GraphEdge {
  from: string;
  to: string;
}

export interface FoundPath {
  length: number;
  nodeIds: string[];
  hops: PathHop[];
}

async function requirePersons(tx: Tx, ids: string[]): Promise<void> {
  const result = await tx.run(PERSONS, { ids });
  const found = new Set(result.records.map((r) => r.get('id') as string));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new NotFound('Person', missing);
}

/** Orients each hop along the path (the stored direction stays in source/target). */
function toFoundPath(raw: RawPath): FoundPath {
  const nodeIds = raw.nodes.map((n) => n.id);
  const hops = raw.hops.map((h, i) => ({ ...toGraphEdge(h), from: nodeIds[i]!, to: nodeIds[i + 1]! }));
  return { length: hops.length, nodeIds, hops };
}

export async function findPaths(
  tx: Tx,
  args: { from: string; to: string; maxHops: number; mode: PathMode; k: number; types: string[] },
): Promise<{ paths: FoundPath[]; subgraph: Subgraph }> {
  await requirePersons(tx, [args.from, args.to]);
  const statement = withBounds(STATEMENTS[args.mode], { maxHops: args.maxHops, k: args.k });
  const result = await tx.run(statement, { from: args.from, to: args.to, types: args.types });
  const raw = result.records.map((r) => r.toObject() as unknown as RawPath);
  const builder = new SubgraphBuilder();
  raw.forEach((p) => builder.addPath(p));
  return { paths: raw.map(toFoundPath), subgraph: builder.build() };
}

export async function findCommonAssociates(
  tx: Tx,
  args: { ids: string[]; maxHops: number; types: string[]; limit: number },
): Promise<{ associates: { person: Record<string, unknown>; distances: number[] }[]; subgraph: Subgraph }> {
  await requirePersons(tx, args.ids);
  const result = await tx.run(withBounds(COMMON, { maxHops: args.maxHops }), { ids: args.ids, types: args.types, limit: neo4j.int(args.limit) });
  const builder = new SubgraphBuilder();
  const associates = result.records.map((r) => {
    (r.get('paths') as RawPath[]).forEach((p) => builder.addPath(p));
    return { person: r.get('person') as Record<string, unknown>, distances: (r.get('distances') as unknown[]).map(Number) };
  });
  return { associates, subgraph: builder.build() };
}
