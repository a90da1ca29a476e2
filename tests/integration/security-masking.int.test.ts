import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackEntityIds } from '../../server/src/security/audit/entity-ids.js';
import { PERSISTED_DIR } from '../../server/src/security/persisted-queries.js';
import { startTestApp, type GqlClient, type TestApp } from '../helpers/test-app.js';

/**
 * Other units' keys see resident IDs and phone numbers masked, wherever they appear:
 * typed fields, the Subgraph's properties JSON, search hit detail lines, graph ids. A key
 * allowed to may unmask one person with a reason, which the audit trail keeps. Keys send
 * only allow-listed queries.
 */
const persisted = (file: string) => readFileSync(path.join(PERSISTED_DIR, file), 'utf8').trim();
const RESIDENT_ID = /\b\d{17}[\dX]\b/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

let t: TestApp;
let masked: GqlClient;
let revealer: GqlClient;
let full: GqlClient;
let li: { idNumber: string; phones: string[] };

beforeAll(async () => {
  t = await startTestApp();
  masked = await t.client({ apiKey: { scopes: ['READ', 'GRAPH'], identifierAccess: 'MASKED' } });
  revealer = await t.client({ apiKey: { scopes: ['READ'], identifierAccess: 'REVEAL_WITH_REASON' } });
  full = await t.client({ apiKey: { scopes: ['READ'], identifierAccess: 'FULL' } });
  const res = await t.gql<{ person: { idNumber: string; phones: string[] } }>('{ person(id: "P-LI") { idNumber phones } }');
  li = res.data!.person;
});
afterAll(async () => t?.close());

describe('masking for other units', () => {
  it('the intelligence centre sees identifiers in full', () => {
    expect(li.idNumber).toMatch(RESIDENT_ID);
    expect(li.phones[0]).toMatch(MOBILE);
  });

  it('masks typed fields: resident ID 3201**********1234, phone 138****5678', async () => {
    const res = await masked.gql<{ person: { idNumber: string; phones: string[] } }>(persisted('person.graphql'), { id: 'P-LI' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.person.idNumber).toBe(`${li.idNumber.slice(0, 4)}**********${li.idNumber.slice(-4)}`);
    expect(res.data!.person.phones[0]).toBe(`${li.phones[0]!.slice(0, 3)}****${li.phones[0]!.slice(-4)}`);
  });

  it('masks inside search hit details and inside expand properties and ids', async () => {
    const search = await masked.gql(persisted('search.graphql'), { text: li.idNumber });
    expect(JSON.stringify(search.data)).toContain('**********');
    const expand = await masked.gql<{ expand: { nodes: { id: string; kind: string }[] } }>(persisted('expand.graphql'), { ids: ['Person:P-LI'], depth: 1 });
    expect(expand.errors).toBeUndefined();
    const text = JSON.stringify(expand.data);
    expect(text).not.toMatch(RESIDENT_ID);
    expect(text).not.toMatch(MOBILE);
    expect(expand.data!.expand.nodes.some((n) => n.kind === 'PHONE' && n.id.includes('****'))).toBe(true);
  });

  it('a FULL key sees identifiers in full', async () => {
    const res = await full.gql<{ person: { idNumber: string } }>(persisted('person.graphql'), { id: 'P-LI' });
    expect(res.data!.person.idNumber).toBe(li.idNumber);
  });
});

describe('unmasking', () => {
  it('is an explicit action with a reason, for keys allowed to, and is audited', async () => {
    const res = await revealer.gql<{ unmaskPerson: { idNumber: string; phones: string[] } }>(
      persisted('unmask-person.graphql'),
      { personId: 'P-LI', reason: '协查 东台 2026-031 号案 需核对身份' },
      { purpose: null },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.unmaskPerson).toMatchObject({ idNumber: li.idNumber, phones: li.phones });
    const requestId = res.headers.get('x-request-id')!;
    const record = await t.graph.read(async (tx) => (await tx.run('MATCH (r:AuditRecord {requestId: $id}) RETURN properties(r) AS r', { id: requestId })).records[0]!.get('r'));
    expect(record).toMatchObject({ fields: ['Query.unmaskPerson'], purposeReason: '协查 东台 2026-031 号案 需核对身份', keyId: revealer.apiKeyId });
    expect(unpackEntityIds((record as { entityIdsDeflated: string }).entityIdsDeflated)).toEqual(['Person:P-LI']);
  });

  it('needs a real reason', async () => {
    const res = await revealer.gql(persisted('unmask-person.graphql'), { personId: 'P-LI', reason: '..' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
  });

  it('is refused to a key that only ever sees identifiers masked', async () => {
    const res = await masked.gql(persisted('unmask-person.graphql'), { personId: 'P-LI', reason: '协查 需核对身份信息' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res)).not.toContain(li.idNumber);
  });
});

describe('persisted queries for keys', () => {
  it('refuses a query that is not on the allow-list', async () => {
    const res = await masked.gql('{ person(id: "P-LI") { idNumber } }');
    expect(res.status).toBe(403);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(res.errors?.[0]?.message).toMatch(/allow-listed/);
  });

  it('runs an allow-listed query sent by its hash alone', async () => {
    const hash = createHash('sha256').update(persisted('person.graphql')).digest('hex');
    const res = await t.post(JSON.stringify({ variables: { id: 'P-LI' }, extensions: { persistedQuery: { version: 1, sha256Hash: hash }, purpose: { reason: '协查 核对身份' } } }), {
      authorization: masked.authorization!,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).data.person.idNumber).toContain('**********');
  });

  it('lets users send any query', async () => {
    expect((await t.gql('{ person(id: "P-LI") { name } }')).errors).toBeUndefined();
  });
});
