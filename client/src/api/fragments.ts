/** GraphQL selections shared by several operations. */
export const SUBGRAPH = `nodes { id kind label properties } edges { id source target kind properties } truncated omitted { nodeId total shown omitted }`;
export const PROVENANCE = `provenance { source sourceId ingestedAt importJob }`;
