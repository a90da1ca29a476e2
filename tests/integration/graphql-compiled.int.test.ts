import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSISTED_DIR } from '../../server/src/security/persisted-queries.js';
import { startTestApp, type GqlClient, type GraphqlResponse, type TestApp } from '../helpers/test-app.js';

/**
 * A query text sent again is compiled (graphql-jit, server/src/graphql/graphql-plugin.ts)
 * while the server is idle, and later requests run the compiled form. Its answers must be
 * the ones graphql-js gave: data, masking for other units, error codes. Each query is sent
 * twice, the server left idle so the compilation runs, then sent again and compared.
 */
let t: TestApp;
let masked: GqlClient;

const EXPAND = 'query Expand($ids: [ID!]!) { expand(ids: $ids, depth: 2) { nodes { id kind label properties } edges { id source target kind properties } truncated omitted { nodeId total shown omitted } } }';
const TIMELINE = 'query Timeline($id: ID!, $from: DateTime) { timeline(personId: $id, from: $from, first: 5) { totalCount events { kind at until location { id name } counterpart summary provenance { source } } } }';
const PERSON = 'query Person($id: ID!) { person(id: $id) { id name idNumber } }';

/** The first answer (graphql-js), then the answers once the text has had time to compile. */
async function answersBeforeAndAfterCompiling<T>(send: () => Promise<GraphqlResponse<T>>) {
  const first = await send();
  await send(); // the second sending queues the text for compilation
  await sleep(300); // idle: mercurius compiles queued texts when the event loop is not busy
  const later = [await send(), await send()];
  const strip = (r: GraphqlResponse<T>) => ({ status: r.status, data: r.data, errors: r.errors?.map(({ message, extensions }) => ({ message, code: extensions?.code })) });
  return { first: strip(first), later: later.map(strip) };
}

beforeAll(async () => {
  t = await startTestApp();
  masked = await t.client({ apiKey: { scopes: ['READ', 'GRAPH'], identifierAccess: 'MASKED' } });
});
afterAll(async () => t?.close());

describe('compiled queries answer as graphql-js did', () => {
  it('an expansion of 李国华: the same nodes, edges and properties', async () => {
    const { first, later } = await answersBeforeAndAfterCompiling(() => t.gql<{ expand: { nodes: unknown[] } }>(EXPAND, { ids: ['Person:P-LI'] }));
    expect(first.errors).toBeUndefined();
    expect((first.data as { expand: { nodes: unknown[] } }).expand.nodes.length).toBeGreaterThan(10);
    for (const answer of later) expect(answer).toEqual(first);
  });

  it('an allow-listed expansion by another unit: identifiers stay masked', async () => {
    const query = readFileSync(path.join(PERSISTED_DIR, 'expand.graphql'), 'utf8').trim();
    const { first, later } = await answersBeforeAndAfterCompiling(() => masked.gql(query, { ids: ['Person:P-LI'], depth: 1 }));
    expect(JSON.stringify(first.data)).toContain('**********');
    for (const answer of later) expect(answer).toEqual(first);
  });

  it('an unknown person: NOT_FOUND every time', async () => {
    const { first, later } = await answersBeforeAndAfterCompiling(() => t.gql(PERSON, { id: 'P-NOBODY' }));
    expect(first.errors?.[0]?.code).toBe('NOT_FOUND');
    for (const answer of later) expect(answer).toEqual(first);
  });

  it('a compiled text with hostile inline strings: they stay values, NOT_FOUND every time', async () => {
    // Quotes, backslashes, template and comment syntax in an inline argument, which a
    // compiler writing JavaScript must keep as data.
    const text = '{ person(id: "P-\\"); throw new Error(`${process.pid}`); //\\u0027 */") { id name } }';
    const { first, later } = await answersBeforeAndAfterCompiling(() => t.gql(text));
    expect(first.errors?.[0]?.code).toBe('NOT_FOUND');
    for (const answer of later) expect(answer).toEqual(first);
  });

  it('a bad date-time variable sent to a compiled text: BAD_USER_INPUT naming the variable, not INTERNAL', async () => {
    const good = await answersBeforeAndAfterCompiling(() => t.gql(TIMELINE, { id: 'P-LI', from: '2026-01-01T00:00:00+08:00' }));
    expect(good.first.errors).toBeUndefined();
    for (const answer of good.later) expect(answer).toEqual(good.first);

    const bad = await t.gql(TIMELINE, { id: 'P-LI', from: "Person:*' OR 1=1 //" });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('$from');
  });

  it('a bad date-time variable in the second sending of a text (when it is queued to compile): BAD_USER_INPUT', async () => {
    const text = TIMELINE.replace('query Timeline', 'query TimelineAgain');
    expect((await t.gql(text, { id: 'P-LI', from: '2026-01-01T00:00:00+08:00' })).errors).toBeUndefined();
    const bad = await t.gql(text, { id: 'P-LI', from: 'not a time' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('$from');
  });
});
