import neo4j from 'neo4j-driver';
import type { Graph, Tx } from '../../server/src/db/graph.js';

/**
 * The GraphQL texts the link-query benchmarks time (foundation, graphql-jit), and the raw-driver
 * read they are compared with: a plain read session, none of Graph.read's error mapping or
 * transaction metadata, so the comparison is with the driver alone.
 */
export const EXPAND_Q = 'query($ids: [ID!]!) { expand(ids: $ids, depth: 2, limit: 250) { nodes { id kind label properties } edges { id source target kind properties } truncated omitted { nodeId total shown omitted } } }';
export const PATHS_Q = 'query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6) { paths { length nodeIds hops { edgeId kind from to properties provenance { source sourceId ingestedAt importJob } } } subgraph { nodes { id kind label } edges { id source target kind } } } }';
export const SEARCH_Q = 'query($t: String!) { search(text: $t, first: 20) { totalCount edges { cursor node { id kind label detail score matchedOn } } pageInfo { hasNextPage endCursor } } }';

export function rawReader(graph: Graph, database: string) {
  return <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
    const session = graph.driver.session({ database, defaultAccessMode: neo4j.session.READ });
    return session.executeRead(work).finally(() => session.close());
  };
}
