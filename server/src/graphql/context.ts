import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import type { Clock } from '../security/clock.js';
import type { EntityCollector } from '../security/entity-collector.js';
import type { Principal } from '../security/principal.js';
import type { Purpose } from '../security/purpose.js';
import type { SecurityServices } from '../security/security-services.js';
import type { RequestSecurity } from '../security/request-state.js';
import type { TechniqueServices } from '../techniques/technique-services.js';
import type { Lang } from '../request-language.js';

/** What every resolver gets; built per request in graphql-plugin.ts. */
export interface ClewContext {
  /** Bounded by the request's time limit: each transaction gets the time left as its timeout. */
  graph: Graph;
  config: Config;
  requestId: string;
  /** Who is asking; unit-scoped data is filtered with confinedToUnit(principal). */
  principal: Principal;
  /** The stated purpose (case number or reason); required for person look-ups and techniques. */
  purpose: Purpose | null;
  clock: Clock;
  /** Collects the entities resolvers return, for the audit record (fed automatically); absent when audit is off. */
  entityCollector?: EntityCollector;
  /** Security's own state and services, for the security resolvers. */
  security: { request: RequestSecurity; services: SecurityServices };
  /** The techniques' clock-aware services and shared event emitter (orders, alerts). */
  techniques: TechniqueServices;
  /** The language explanations are written in (request-language.ts). */
  lang: Lang;
}
