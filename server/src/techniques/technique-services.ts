import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import type { SharedEmitter } from '../events/shared-emitter.js';
import type { Clock } from '../security/clock.js';

/** What the techniques need beyond a request: the unbounded graph, the clock, the shared events. */
export interface TechniqueServices {
  /** Not bounded by a request's deadline: scheduled and post-import work uses it. */
  graph: Graph;
  config: Config;
  clock: Clock;
  events: SharedEmitter;
}
