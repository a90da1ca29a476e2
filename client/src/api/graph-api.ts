import type { ApiSubgraph } from '../graph/elements.js';
import { gql } from './client.js';
import { PROVENANCE, SUBGRAPH } from './fragments.js';

/** The link-analysis operations: search, expand, paths, common associates. */
export interface SearchHit {
  id: string;
  kind: string;
  label: string;
  detail: string | null;
  score: number;
  matchedOn: string;
  /** The phone, plate, ID, tag or passage that matched; null when the label shows it. */
  matchedValue: string | null;
}

export async function search(text: string, kinds: string[] | null, first = 20): Promise<{ hits: SearchHit[]; total: number }> {
  const data = await gql<{ search: { totalCount: number; edges: { node: SearchHit }[] } }>(
    `query Search($text: String!, $kinds: [EntityKind!], $first: Int) {
      search(text: $text, kinds: $kinds, first: $first) { totalCount edges { node { id kind label detail score matchedOn matchedValue } } }
    }`,
    { text, kinds, first },
  );
  return { hits: data.search.edges.map((e) => e.node), total: data.search.totalCount };
}

export interface ExpandArgs {
  ids: string[];
  depth?: number;
  relationTypes?: string[] | null;
  from?: string | null;
  to?: string | null;
  perNodeLimit?: number | null;
  limit?: number | null;
}

export async function expand(args: ExpandArgs): Promise<ApiSubgraph> {
  const data = await gql<{ expand: ApiSubgraph }>(
    `query Expand($ids: [ID!]!, $depth: Int, $relationTypes: [RelationKind!], $from: DateTime, $to: DateTime, $perNodeLimit: Int, $limit: Int) {
      expand(ids: $ids, depth: $depth, relationTypes: $relationTypes, from: $from, to: $to, perNodeLimit: $perNodeLimit, limit: $limit) { ${SUBGRAPH} }
    }`,
    { depth: 1, relationTypes: null, from: null, to: null, perNodeLimit: null, limit: null, ...args },
  );
  return data.expand;
}

export interface Provenance {
  source: string | null;
  sourceId: string | null;
  ingestedAt: string | null;
  importJob: string | null;
}

export interface PathHop {
  edgeId: string;
  kind: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
  provenance: Provenance;
}

export interface PathResult {
  length: number;
  nodeIds: string[];
  hops: PathHop[];
}

export async function paths(from: string, to: string, options: { maxHops: number; mode: string; k: number; relationTypes: string[] | null }): Promise<{ paths: PathResult[]; subgraph: ApiSubgraph }> {
  const data = await gql<{ paths: { paths: PathResult[]; subgraph: ApiSubgraph } }>(
    `query Paths($from: ID!, $to: ID!, $maxHops: Int, $mode: PathMode, $k: Int, $relationTypes: [RelationKind!]) {
      paths(from: $from, to: $to, maxHops: $maxHops, mode: $mode, k: $k, relationTypes: $relationTypes) {
        paths { length nodeIds hops { edgeId kind from to properties ${PROVENANCE} } }
        subgraph { ${SUBGRAPH} }
      }
    }`,
    { from, to, ...options },
  );
  return data.paths;
}

export async function commonAssociates(ids: string[], maxHops: number): Promise<{ associates: { person: { uid: string; name: string }; distances: number[] }[]; subgraph: ApiSubgraph }> {
  const data = await gql<{ commonAssociates: { associates: { person: { uid: string; name: string }; distances: number[] }[]; subgraph: ApiSubgraph } }>(
    `query Common($ids: [ID!]!, $maxHops: Int) {
      commonAssociates(ids: $ids, maxHops: $maxHops) { associates { person { uid name } distances } subgraph { ${SUBGRAPH} } }
    }`,
    { ids, maxHops },
  );
  return data.commonAssociates;
}

/** When the newest and oldest movements in the graph happened (ISO strings, or null when none). */
export async function dataExtent(): Promise<{ newestMovementAt: string | null; oldestMovementAt: string | null }> {
  const data = await gql<{ dataExtent: { newestMovementAt: string | null; oldestMovementAt: string | null } }>('query DataExtent { dataExtent { newestMovementAt oldestMovementAt } }');
  return data.dataExtent;
}
