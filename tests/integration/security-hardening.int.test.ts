import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTimeout } from '../../server/src/errors.js';
import { systemClock } from '../../server/src/security/clock.js';
import { graphWithDeadline } from '../../server/src/security/deadline-graph.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The endpoint's limits, headers and load protection, each against the real server.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: (c) => ({ ...c, security: { ...c.security, corsOrigins: ['https://intel.example'] } }) });
});
afterAll(async () => t?.close());

const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

describe('query limits', () => {
  it('refuses deep nesting, too many aliases and too costly requests, saying which limit', async () => {
    const deep = await t.gql(`{ ${'a { '.repeat(10)}b${' }'.repeat(10)} }`);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.message).toMatch(/nests 11 levels deep; at most 10/);
    const veryDeep = await t.gql(`{ ${'a { '.repeat(20_000)}b${' }'.repeat(20_000)} }`);
    expect(veryDeep.errors?.[0]?.message).toMatch(/nests deeper than 10 levels/);
    const aliases = await t.gql(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { name }`).join(' ')} }`);
    expect(aliases.errors?.[0]?.message).toMatch(/16 aliases; at most 15/);
    const costly = await t.gql(`{ ${Array.from({ length: 6 }, (_, i) => `e${i}: expand(ids: ["Person:P-LI"]) { truncated }`).join(' ')} }`);
    expect(costly.errors?.[0]?.message).toMatch(/costs 60/);
  });

  it('refuses batched queries', async () => {
    const res = await t.post(JSON.stringify([{ query: '{ me { name } }' }, { query: '{ me { unit } }' }]), { authorization: t.authorization! });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await t.post(JSON.stringify({ query: '{ me { name } }', variables: { pad: 'x'.repeat(t.config.security.graphqlBodyLimitBytes) } }), { authorization: t.authorization! });
    expect(res.status).toBe(413);
  });

  it('lets only signed-in callers send large bodies', async () => {
    const big = JSON.stringify({ query: '{ me { name } }', variables: { pad: 'x'.repeat(100_000) } });
    expect((await t.post(big)).status).toBe(413);
    expect((await t.post(big, { authorization: t.authorization! })).status).toBe(200);
  });

  it('answers GraphQL only over POST', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { name } }')}`, { headers: { authorization: t.authorization! } });
    expect(res.status).toBe(405);
  });

  it('limits each Cypher transaction to the time left for its request', async () => {
    const bounded = graphWithDeadline(t.graph, Date.now() + 300, systemClock);
    const started = Date.now();
    await expect(bounded.read((tx) => tx.run('UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*) AS n'))).rejects.toBeInstanceOf(QueryTimeout);
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(graphWithDeadline(t.graph, Date.now() - 1, systemClock).read((tx) => tx.run('RETURN 1'))).rejects.toBeInstanceOf(QueryTimeout);
  });
});

describe('introspection and GraphiQL', () => {
  it('are off unless configured', async () => {
    const res = await t.gql('{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await fetch(`${t.url}/graphiql`)).status).toBe(404);
  });

  it('are on with CLEW_GRAPHIQL / CLEW_INTROSPECTION', async () => {
    const dev = await startTestApp({ config: (c) => ({ ...c, graphiql: true, security: { ...c.security, introspection: true } }) });
    try {
      const res = await dev.gql<{ __schema: { types: unknown[] } }>('{ __schema { types { name } } }');
      expect(res.data?.__schema.types.length).toBeGreaterThan(20);
      expect((await fetch(`${dev.url}/graphiql`)).status).toBe(200);
    } finally {
      await dev.close();
    }
  });
});

describe('headers', () => {
  it('sends security headers on the API and the page', async () => {
    for (const res of [await t.gql('{ me { name } }'), await fetch(`${t.url}/`)]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBeTruthy();
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('allows cross-origin calls only from the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const allowed = await preflight('https://intel.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intel.example');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limits and load shedding', () => {
  it('limits each user and each key to their own requests per minute, with 429 and Retry-After', async () => {
    const limited = await startTestApp({ config: (c) => ({ ...c, security: { ...c.security, rateLimitPerMinute: 3 } }) });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.gql('{ me { name } }')).status).toBe(200);
      const over = await limited.gql('{ me { name } }');
      expect(over.status).toBe(429);
      expect(code(over)).toBe('RATE_LIMITED');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another user has a budget of their own.
      const other = await limited.client({ role: 'INVESTIGATOR' });
      expect((await other.gql('{ me { name } }')).status).toBe(200);
      // A key has the limit it was issued with.
      const key = await limited.client({ apiKey: { scopes: ['READ'], rateLimitPerMinute: 1 } });
      const me = 'query Me {\n  me { kind name role unit scopes identifierAccess }\n}';
      expect((await key.gql(me)).status).toBe(200);
      expect((await key.gql(me)).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('sheds load with 503 and Retry-After when the process is saturated', async () => {
    const saturated = await startTestApp({ config: (c) => ({ ...c, security: { ...c.security, maxHeapUsedBytes: 1, retryAfterSeconds: 7 } }) });
    try {
      // under-pressure samples the heap about once a second: ask until it has (at most 10 s).
      let res = await saturated.gql('{ me { name } }').catch(() => null);
      for (const until = Date.now() + 10_000; Date.now() < until && res?.status !== 503; ) {
        await new Promise((r) => setTimeout(r, 100));
        res = await saturated.gql('{ me { name } }');
      }
      expect(res?.status).toBe(503);
      expect(res?.headers.get('retry-after')).toBe('7');
      expect(code(res!)).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await saturated.close();
    }
  });
});
