import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { buildApp } from '../../server/src/app.js';
import { loadConfig, type Config } from '../../server/src/config.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';
import { ServiceUnavailable } from '../../server/src/errors.js';
import { accountSettings, type AccountDeps } from '../../server/src/security/accounts/account-settings.js';
import { deleteApiKey } from '../../server/src/security/accounts/api-key-repository.js';
import { issueApiKey, type NewApiKeyInput } from '../../server/src/security/accounts/api-keys.js';
import { startSession } from '../../server/src/security/accounts/sign-in.js';
import { createUser } from '../../server/src/security/accounts/user-admin.js';
import { deleteUser } from '../../server/src/security/accounts/user-repository.js';
import { systemClock, type Clock } from '../../server/src/security/clock.js';
import type { Purpose } from '../../server/src/security/purpose.js';
import type { Role } from '../../server/src/security/roles.js';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; argument?: string; reason?: string; field?: string } }[];
  headers: Headers;
}

/** Who a client is: a test user of a role, an API key, or nobody. */
export type Credentials = { role: Role; unit?: string } | { apiKey: Partial<NewApiKeyInput> } | 'anonymous';

export interface RequestOptions {
  /** Overrides the client's purpose for this request; null sends none. */
  purpose?: Purpose | null;
  headers?: Record<string, string>;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

export interface GqlClient {
  /** The Authorization header value, or null for the anonymous client. */
  authorization: string | null;
  /** The test user (username and password), when the client is one. */
  user: { id: string; username: string; password: string; role: Role; unit: string } | null;
  apiKeyId: string | null;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphqlResponse<T>>;
}

export interface TestAppOptions {
  /** Adjusts the configuration (loaded from the environment, logs at warn). */
  config?: (config: Config) => Config;
  /** The default client: a test ANALYST unless told otherwise. */
  as?: Credentials;
  /** The default client's purpose; by default a written reason. */
  purpose?: Purpose | null;
  /** Time for security (lockout, idle sessions, audit); a manualClock() in tests that move time. */
  clock?: Clock;
}

export interface TestApp extends GqlClient {
  app: FastifyInstance;
  graph: Graph;
  config: Config;
  url: string;
  clock: Clock;
  /** Another client on the same app: a new test user of a role, a new API key, or nobody. */
  client(credentials: Credentials, purpose?: Purpose | null): Promise<GqlClient>;
  /** A client for a user that exists already, by signing in through GraphQL. */
  signIn(username: string, password: string, purpose?: Purpose | null): Promise<GqlClient>;
  /** Plain HTTP POST to /graphql with any body and headers (for malformed requests). */
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string; headers: Headers }>;
  close(): Promise<void>;
}

export const DEFAULT_TEST_PURPOSE: Purpose = { caseNumber: null, reason: 'automated integration test' };

/**
 * Builds the real app against the real database and listens on a free loopback port, so
 * tests go through HTTP exactly as a caller does. The default client is signed in as a test
 * analyst made for this app (deleted on close) and states a purpose, so tests of other
 * areas run as a real user would; `as` picks another role, an API key, or nobody.
 *
 * For compatibility, a function argument is taken as the `config` option.
 */
export async function startTestApp(options: TestAppOptions | ((config: Config) => Config) = {}): Promise<TestApp> {
  const opts: TestAppOptions = typeof options === 'function' ? { config: options } : options;
  const base: Config = { ...loadConfig(), logLevel: 'warn' };
  // Tests send many requests from one address; the limits themselves are tested on their own.
  const relaxed: Config = { ...base, security: { ...base.security, rateLimitPerMinute: 100_000, anonymousRateLimitPerMinute: 100_000, maxEventLoopDelayMs: 0 } };
  // The techniques' scheduler (scheduled collision, import follow-ups, deadline sweeps) would
  // write runs and orders into the shared test county while other tests read it; its tests tick it by hand.
  relaxed.techniques = { ...base.techniques, scheduler: false };
  const config = (opts.config ?? ((c) => c))(relaxed);
  const clock = opts.clock ?? systemClock;
  const graph = await openGraph(config);
  const app = await buildApp({ config, graph, clock });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const accounts: AccountDeps = { graph, clock, settings: accountSettings(config) };
  const cleanups: (() => Promise<void>)[] = [];

  const post: TestApp['post'] = async (body, headers = {}) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };

  const clientFor = (authorization: string | null, defaultPurpose: Purpose | null | undefined, extra: Partial<GqlClient> = {}): GqlClient => ({
    authorization,
    user: null,
    apiKeyId: null,
    ...extra,
    async gql(query, variables = {}, request = {}) {
      const purpose = request.purpose !== undefined ? request.purpose : (defaultPurpose ?? null);
      const extensions = { ...(purpose ? { purpose } : {}), ...request.extensions };
      const headers: Record<string, string> = { ...(authorization ? { authorization } : {}), ...request.headers };
      const body = JSON.stringify({ query, variables, ...(request.operationName ? { operationName: request.operationName } : {}), ...(Object.keys(extensions).length ? { extensions } : {}) });
      const res = await post(body, headers);
      const parsed = JSON.parse(res.text) as Omit<GraphqlResponse, 'status' | 'headers'>;
      return { status: res.status, ...parsed, headers: res.headers } as GraphqlResponse<never>;
    },
  });

  const client: TestApp['client'] = async (credentials, purpose = DEFAULT_TEST_PURPOSE) => {
    if (credentials === 'anonymous') return clientFor(null, purpose);
    const tag = randomBytes(4).toString('hex');
    if ('apiKey' in credentials) {
      const { key, token } = await issueApiKey(
        accounts,
        { name: `test key ${tag}`, unit: 'dept:test-unit', scopes: ['READ'], identifierAccess: 'MASKED', rateLimitPerMinute: 100_000, ...credentials.apiKey },
        'test-fixture',
      );
      cleanups.push(() => graph.write((tx) => deleteApiKey(tx, key.id)));
      return clientFor(`ApiKey ${token}`, purpose, { apiKeyId: key.id });
    }
    const unit = credentials.unit ?? (credentials.role === 'STATION_OFFICER' ? 'Station:S-TEST' : 'dept:intel');
    const password = `test-password-${randomBytes(8).toString('hex')}`;
    const username = `test-${credentials.role.toLowerCase().replace('_', '-')}-${tag}`;
    const user = await createUser(accounts, { username, password, role: credentials.role, unit }, 'test-fixture');
    cleanups.push(() => graph.write((tx) => deleteUser(tx, user.id)));
    const session = await startSession(accounts, user, '127.0.0.1');
    return clientFor(`Bearer ${session.token}`, purpose, { user: { id: user.id, username, password, role: credentials.role, unit } });
  };

  const signIn: TestApp['signIn'] = async (username, password, purpose = DEFAULT_TEST_PURPOSE) => {
    const res = await clientFor(null, null).gql<{ signIn: { token: string } }>(
      'mutation SignIn($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    if (!res.data?.signIn) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
    return clientFor(`Bearer ${res.data.signIn.token}`, purpose);
  };

  let main: GqlClient;
  try {
    main = await client(opts.as ?? { role: 'ANALYST' }, opts.purpose === undefined ? DEFAULT_TEST_PURPOSE : opts.purpose);
  } catch (e) {
    // With the database unreachable nobody can be signed in; the app answers 503 before it
    // looks at a token, which is what such tests check.
    if (!(e instanceof ServiceUnavailable)) throw e;
    main = clientFor('Bearer database-unreachable', DEFAULT_TEST_PURPOSE);
  }

  return {
    ...main,
    app,
    graph,
    config,
    url,
    clock,
    client,
    signIn,
    post,
    async close() {
      await app.close();
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      await graph.close();
    },
  };
}
