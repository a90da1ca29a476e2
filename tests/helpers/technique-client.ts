import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { loadConfig, type Config } from '../../server/src/config.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';
import { accountSettings } from '../../server/src/security/accounts/account-settings.js';
import { startSession } from '../../server/src/security/accounts/sign-in.js';
import { createUser } from '../../server/src/security/accounts/user-admin.js';
import { systemClock, type Clock } from '../../server/src/security/clock.js';
import type { Role } from '../../server/src/security/roles.js';
import { deleteRunAndOrders } from '../../server/src/techniques/orders/orders.js';
import { STORY_FIXTURE } from '../../seed/fixture.js';

export interface GqlAnswer<T> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

export interface TechniqueTestApp {
  app: FastifyInstance;
  graph: Graph;
  config: Config;
  url: string;
  /** Signs in a user of this role and unit (created with a unique name) and returns their token. */
  tokenFor(role: Role, unit: string): Promise<string>;
  /** `headers` adds request headers (e.g. accept-language). */
  gql<T = Record<string, unknown>>(token: string, query: string, variables?: Record<string, unknown>, purpose?: unknown, headers?: Record<string, string>): Promise<GqlAnswer<T>>;
  close(): Promise<void>;
}

export const PURPOSE = { caseNumber: 'A3212812026080001', reason: '技战法集成测试 integration test' };

/**
 * The real app over real HTTP, like tests/helpers/test-app.ts, with what technique tests
 * need on top: a clock they control (order deadlines), the scheduler off (ticks are called
 * by hand), and signed-in users of any role with the purpose sent in the extensions.
 */
export async function startTechniqueApp(options: { clock?: Clock; config?: (c: Config) => Config } = {}): Promise<TechniqueTestApp> {
  const base = loadConfig();
  const config = (options.config ?? ((c) => c))({
    ...base,
    logLevel: 'warn',
    // A cold database on a busy shared machine plans the techniques' queries slowly the first time.
    neo4j: { ...base.neo4j, queryTimeoutMs: 60_000 },
    techniques: { ...base.techniques, scheduler: false, eventPollMs: 100 },
    // A test moves its clock by hours; sessions must outlive that.
    security: { ...base.security, sessionIdleMinutes: 7 * 24 * 60, sessionMaxHours: 24 * 30 },
  });
  const clock = options.clock ?? systemClock;
  const graph = await openGraph(config);
  const app = await buildApp({ config, graph, clock });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const accounts = { graph, clock, settings: accountSettings(config) };
  const users: string[] = [];
  return {
    app,
    graph,
    config,
    url,
    async tokenFor(role, unit) {
      const username = `t-${role.toLowerCase().replace(/_/g, '')}-${randomBytes(4).toString('hex')}`;
      const user = await createUser(accounts, { username, password: `Pw-${randomBytes(12).toString('hex')}`, role, unit }, 'technique-tests');
      users.push(user.id);
      return (await startSession(accounts, user, '127.0.0.1')).token;
    },
    async gql(token, query, variables = {}, purpose = PURPOSE, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify({ query, variables, extensions: purpose ? { purpose } : {} }),
      });
      const body = (await res.json()) as Omit<GqlAnswer<never>, 'status'>;
      return { status: res.status, ...body } as GqlAnswer<never>;
    },
    async close() {
      await graph.write((tx) => tx.run('MATCH (u:User) WHERE u.id IN $ids OPTIONAL MATCH (s:Session {userId: u.id}) DETACH DELETE s, u', { ids: users }));
      await app.close();
      await graph.close();
    },
  };
}

/**
 * Orders are issued once per hit, so a test that expects the Xincheng gathering to issue a
 * fresh order first removes any order an earlier test, run or browser session left for it
 * (with the runs that found them). Used by every test that runs that collision.
 */
export async function forgetStoryOrders(graph: Graph): Promise<void> {
  const members = STORY_FIXTURE.collision.expectedGroups.flatMap((g) => g.members);
  await graph.write(async (tx) => {
    const runs = await tx.run(
      'MATCH (v:VerificationOrder)-[:CONCERNS]->(p:Person) WHERE p.id IN $members RETURN DISTINCT v.issuedByRun AS run',
      { members },
    );
    for (const r of runs.records) if (r.get('run')) await deleteRunAndOrders(tx, r.get('run') as string);
    await tx.run('MATCH (v:VerificationOrder)-[:CONCERNS]->(p:Person) WHERE p.id IN $members DETACH DELETE v', { members });
  });
}
