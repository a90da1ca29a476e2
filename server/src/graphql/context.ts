import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';

/** What every resolver gets; built per request in graphql-plugin.ts. */
export interface ClewContext {
  graph: Graph;
  config: Config;
  requestId: string;
}
