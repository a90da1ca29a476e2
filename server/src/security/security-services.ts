import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import { accountSettings, type AccountDeps } from './accounts/account-settings.js';
import { CredentialCache } from './accounts/credential-cache.js';
import { AuditTrail } from './audit/audit-trail.js';
import { systemClock, type Clock } from './clock.js';
import { loadPersistedQueries, type PersistedQueries } from './persisted-queries.js';
import { POLICIES } from './policies.js';
import type { PolicyTable } from './policy.js';

/** Everything the security layer needs, made once per app. */
export interface SecurityServices {
  /** The unbounded graph: audit writes must not be cut short by the request's deadline. */
  graph: Graph;
  config: Config;
  clock: Clock;
  accounts: AccountDeps;
  audit: AuditTrail;
  policies: PolicyTable;
  persisted: PersistedQueries;
  /**
   * False only in the benchmark's comparison app (bench/security.bench.ts builds one to
   * measure what authorization and audit cost); no configuration variable turns it off.
   */
  enforced: boolean;
}

export function createSecurityServices(args: {
  graph: Graph;
  config: Config;
  clock?: Clock;
  enforced?: boolean;
  log?: Pick<FastifyBaseLogger, 'warn'>;
}): SecurityServices {
  const clock = args.clock ?? systemClock;
  return {
    graph: args.graph,
    config: args.config,
    clock,
    accounts: { graph: args.graph, clock, settings: accountSettings(args.config), cache: new CredentialCache() },
    audit: new AuditTrail(args.graph, args.log ?? { warn: () => undefined }),
    policies: POLICIES,
    persisted: loadPersistedQueries(),
    enforced: args.enforced ?? true,
  };
}
