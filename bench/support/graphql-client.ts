import http from 'node:http';
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
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    async gql(query, variables) {
      const body = (await postJson(`${url}/graphql`, headers, JSON.stringify({ query, variables, extensions }), agent)) as { data?: unknown; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
      return body.data;
    },
    async close() {
      agent.destroy();
      await graph.write((tx) => deleteUser(tx, user.id));
    },
  };
}

/**
 * node:http on a kept-alive socket rather than fetch: the benchmark measures what Clew's
 * server adds, and fetch's own stream machinery cost about a millisecond more per request
 * than this (docs/benchmarks.md, stop 21), charged to the GraphQL side.
 */
function postJson(url: string, headers: Record<string, string>, body: string, agent: http.Agent): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (e) {
          reject(new Error(`HTTP ${response.statusCode}: the answer is not JSON (${String(e)})`));
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
