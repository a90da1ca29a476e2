import type { Config } from '../../server/src/config.js';
import type { Graph } from '../../server/src/db/graph.js';
import { accountSettings } from '../../server/src/security/accounts/account-settings.js';
import { startSession } from '../../server/src/security/accounts/sign-in.js';
import { createUser } from '../../server/src/security/accounts/user-admin.js';
import { deleteUser } from '../../server/src/security/accounts/user-repository.js';
import { systemClock } from '../../server/src/security/clock.js';

export interface BenchGraphqlClient {
  gql(query: string, variables: Record<string, unknown>): Promise<unknown>;
  /** Removes the benchmark's account. */
  close(): Promise<void>;
}

/**
 * A GraphQL-over-HTTP caller for benchmarks, signed in as an analyst made for the run and
 * stating a purpose, as a real investigator's requests do (so authorization and audit are
 * part of what is measured). It throws on any error, so a benchmark never times a failure
 * as if it were an answer.
 */
export async function benchGraphqlClient(url: string, graph: Graph, config: Config): Promise<BenchGraphqlClient> {
  const accounts = { graph, clock: systemClock, settings: accountSettings(config) };
  const user = await createUser(
    accounts,
    { username: `bench-${Date.now().toString(36)}`, password: `bench-${Math.random().toString(36).slice(2)}-pw`, role: 'ANALYST', unit: 'dept:intel' },
    'benchmark',
  );
  const { token } = await startSession(accounts, user, '127.0.0.1');
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const extensions = { purpose: { caseNumber: null, reason: 'performance benchmark on synthetic data' } };
  return {
    async gql(query, variables) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables, extensions }) });
      const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
      return body.data;
    },
    close: () => graph.write((tx) => deleteUser(tx, user.id)),
  };
}
