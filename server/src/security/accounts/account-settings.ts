import type { Config } from '../../config.js';
import type { Graph } from '../../db/graph.js';
import type { Clock } from '../clock.js';
import type { CredentialCache } from './credential-cache.js';

/** What the account functions need: the database, the clock, and the configured limits. */
export interface AccountDeps {
  graph: Graph;
  clock: Clock;
  settings: AccountSettings;
  /** Absent in commands and fixtures, which check each credential once. */
  cache?: CredentialCache;
}

export interface AccountSettings {
  idleMs: number;
  maxSessionMs: number;
  lockoutThreshold: number;
  lockoutWindowMs: number;
  /** A session's last use is written at most this often, so most requests only read. */
  touchIntervalMs: number;
}

export function accountSettings(config: Config): AccountSettings {
  const s = config.security;
  const idleMs = s.sessionIdleMinutes * 60_000;
  return {
    idleMs,
    maxSessionMs: s.sessionMaxHours * 3_600_000,
    lockoutThreshold: s.lockoutThreshold,
    lockoutWindowMs: s.lockoutWindowMinutes * 60_000,
    touchIntervalMs: Math.min(60_000, Math.floor(idleMs / 10)),
  };
}
