import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** A port with nothing listening: the database is "down". */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

let t: TestApp;
beforeAll(async () => {
  const port = await deadPort();
  t = await startTestApp((c) => ({ ...c, neo4j: { ...c.neo4j, uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'unused' } }));
});
afterAll(async () => t?.close());

describe('with the database unreachable', () => {
  it('GraphQL answers SERVICE_UNAVAILABLE with HTTP 503 and no internals', async () => {
    const res = await t.gql('{ person(id: "P-LI") { name } }');
    expect(res.status).toBe(503);
    expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|at .*\.ts:|stack/i);
  });

  it('/health answers 503', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable' });
  });
});
