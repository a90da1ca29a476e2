import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { openGraph, type Graph, type Tx, type TxOptions } from '../../server/src/db/graph.js';
import { toPlain } from '../../server/src/db/neo4j-values.js';
import { ServiceUnavailable } from '../../server/src/errors.js';
import { repoRoot } from '../../server/src/repo-root.js';
import { accountSettings } from '../../server/src/security/accounts/account-settings.js';
import { startSession } from '../../server/src/security/accounts/sign-in.js';
import { createUser } from '../../server/src/security/accounts/user-admin.js';
import { deleteUser } from '../../server/src/security/accounts/user-repository.js';
import { pruneAuditTrail } from '../../server/src/security/audit/audit-retention.js';
import { verifyAuditChain } from '../../server/src/security/audit/audit-verify.js';
import { unpackEntityIds } from '../../server/src/security/audit/entity-ids.js';
import { systemClock } from '../../server/src/security/clock.js';
import { startTestApp, type GqlClient, type TestApp } from '../helpers/test-app.js';

/**
 * The audit trail: every request gives one record, written before the response leaves;
 * the hash chain verifies, and altering or deleting a record makes verification fail at
 * that record (each test puts the record back); supervisors query it through GraphQL.
 */
let t: TestApp;
let analyst: GqlClient;
let supervisor: GqlClient;
/** The tamper tests check the chain from here on (the whole chain is checked once, below). */
let firstSeqOfThisFile: number;

const countRecords = (graph: Graph) =>
  graph.read(async (tx) => Number(toPlain((await tx.run('MATCH (r:AuditRecord) RETURN count(r) AS n')).records[0]!.get('n'))));
const recordOf = async (graph: Graph, requestId: string) =>
  graph.read(async (tx) => toPlain((await tx.run('MATCH (r:AuditRecord {requestId: $requestId}) RETURN properties(r) AS r', { requestId })).records[0]?.get('r')) as Record<string, unknown> | null);

beforeAll(async () => {
  t = await startTestApp();
  firstSeqOfThisFile = (await t.graph.read(async (tx) => Number(toPlain((await tx.run('MATCH (h:AuditHead {id: "main"}) RETURN h.seq AS s')).records[0]?.get('s') ?? 0)))) + 1;
  analyst = await t.client({ role: 'ANALYST' });
  supervisor = await t.client({ role: 'SUPERVISOR' });
});
afterAll(async () => t?.close());

describe('audit completeness', () => {
  it('N requests of every kind give N records, each written before its response arrived', async () => {
    const anonymous = await t.client('anonymous');
    const requests: (() => Promise<{ status: number; headers: Headers }>)[] = [
      () => analyst.gql('{ person(id: "P-LI") { name } }'),
      () => analyst.gql('{ person(id: "P-NOBODY") { name } }'),
      () => analyst.gql('{ person(id: "P-LI") { name } }', {}, { purpose: null }),
      () => analyst.gql('{ expand(ids: ["Person:P-LI"]) { nodes { id } } }'),
      () => analyst.gql('{ auditTrail { records { seq } } }'),
      () => analyst.gql('{ nosuchfield }'),
      () => analyst.gql('{ search(text: "李") { totalCount } }'),
      () => anonymous.gql('{ me { name } }'),
      () => anonymous.gql('mutation { signIn(username: "nobody-here", password: "wrong-password-x") { token } }'),
      () => t.post('{"query": "{ me { name }', { authorization: analyst.authorization! }),
      () => t.post('[{"query": "{ me { name } }"}]', { authorization: analyst.authorization! }),
      () => fetch(`${t.url}/graphql?query={me{name}}`, { headers: { authorization: analyst.authorization! } }),
      () => t.post(JSON.stringify({ query: '{ me { name } }' }), { authorization: 'Bearer not-a-session' }),
      () => supervisor.gql('{ auditTrail(first: 2) { records { seq } } }'),
    ];
    const before = await countRecords(t.graph);
    for (const send of requests) {
      const res = await send();
      const requestId = res.headers.get('x-request-id');
      expect(requestId, `status ${res.status}`).toBeTruthy();
      // The response has arrived: its record must already be committed.
      expect(await recordOf(t.graph, requestId!), `record of ${requestId}`).not.toBeNull();
    }
    expect((await countRecords(t.graph)) - before).toBe(requests.length);
    expect(await verifyAuditChain(t.graph)).toMatchObject({ ok: true });
  });

  it('records who, unit, role, operation, variables, purpose, entities, outcome, time and address', async () => {
    const res = await analyst.gql('query Look($id: ID!) { person(id: $id) { name } }', { id: 'P-LI' }, { purpose: { caseNumber: 'A3209822026030001', reason: '追逃 李某' } });
    const r = (await recordOf(t.graph, res.headers.get('x-request-id')!))!;
    expect(r).toMatchObject({
      actorKind: 'USER',
      userId: analyst.user!.id,
      username: analyst.user!.username,
      role: 'ANALYST',
      unit: 'dept:intel',
      operationName: 'Look',
      operationType: 'query',
      fields: ['Query.person'],
      variables: '{"id":"P-LI"}',
      purposeCaseNumber: 'A3209822026030001',
      purposeReason: '追逃 李某',
      entityCount: 1,
      outcome: 'OK',
      httpStatus: 200,
      clientAddress: '127.0.0.1',
    });
    expect(unpackEntityIds(r.entityIdsDeflated)).toEqual(['Person:P-LI']);
    expect(Math.abs(Number(r.atMs) - Date.now())).toBeLessThan(60_000);
  });

  it('withholds the answer (503) when its record cannot be written', async () => {
    const config = { ...loadConfig(), logLevel: 'silent' as const };
    const graph = await openGraph(config);
    // The same database, except that audit appends fail, as when the database is full or gone.
    const failing = Object.create(graph) as Graph;
    failing.write = <T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}) =>
      options.metadata?.op === 'audit-append' ? Promise.reject(new ServiceUnavailable()) : graph.write(work, options);
    const app = await buildApp({ config, graph: failing });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const accounts = { graph, clock: systemClock, settings: accountSettings(config) };
    const user = await createUser(accounts, { username: `audit-fail-${Date.now().toString(36)}`, password: 'a-long-test-password', role: 'ANALYST', unit: 'dept:intel' }, 'test');
    try {
      const { token } = await startSession(accounts, user, '127.0.0.1');
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ person(id: "P-LI") { name idNumber } }', extensions: { purpose: { reason: '测试 审计失败' } } }),
      });
      const text = await res.text();
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect(JSON.parse(text).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(text).not.toContain('李');
    } finally {
      await app.close();
      await graph.write((tx) => deleteUser(tx, user.id));
      await graph.close();
    }
  });

  it('keeps the trail across a restart of the API', async () => {
    const res = await analyst.gql('{ person(id: "P-LI") { name } }');
    const requestId = res.headers.get('x-request-id')!;
    const again = await startTestApp({ as: { role: 'SUPERVISOR' } });
    try {
      const page = await again.gql<{ auditTrail: { records: { requestId: string }[] } }>('query($u: String) { auditTrail(username: $u, first: 5) { records { requestId } } }', {
        u: analyst.user!.username,
      });
      expect(page.data?.auditTrail.records.map((r) => r.requestId)).toContain(requestId);
    } finally {
      await again.close();
    }
  });
});

describe('tamper evidence', () => {
  async function recentSeq(): Promise<number> {
    await analyst.gql('{ me { name } }');
    await analyst.gql('{ me { name } }');
    await analyst.gql('{ me { name } }');
    const head = await t.graph.read(async (tx) => Number(toPlain((await tx.run('MATCH (h:AuditHead {id: "main"}) RETURN h.seq AS s')).records[0]!.get('s'))));
    return head - 1;
  }

  it('an altered record fails verification at that record', async () => {
    const seq = await recentSeq();
    const original = await t.graph.read(async (tx) => (await tx.run('MATCH (r:AuditRecord {seq: $seq}) RETURN r.username AS u', { seq })).records[0]!.get('u') as string);
    await t.graph.write((tx) => tx.run('MATCH (r:AuditRecord {seq: $seq}) SET r.username = "someone-else"', { seq }));
    try {
      expect(await verifyAuditChain(t.graph, { fromSeq: firstSeqOfThisFile })).toMatchObject({ ok: false, brokenSeq: seq, reason: expect.stringMatching(/altered/) });
    } finally {
      await t.graph.write((tx) => tx.run('MATCH (r:AuditRecord {seq: $seq}) SET r.username = $original', { seq, original }));
    }
    expect(await verifyAuditChain(t.graph, { fromSeq: firstSeqOfThisFile })).toMatchObject({ ok: true });
  });

  it('a deleted record fails verification at that record, and the command names it', async () => {
    const seq = await recentSeq();
    const props = await t.graph.read(async (tx) => (await tx.run('MATCH (r:AuditRecord {seq: $seq}) RETURN properties(r) AS p', { seq })).records[0]!);
    await t.graph.write((tx) => tx.run('MATCH (r:AuditRecord {seq: $seq}) DELETE r', { seq }));
    try {
      expect(await verifyAuditChain(t.graph, { fromSeq: firstSeqOfThisFile })).toMatchObject({ ok: false, brokenSeq: seq, reason: expect.stringMatching(/missing/) });
      const command = [process.execPath, '--import', 'tsx', path.join(repoRoot, 'scripts', 'verify-audit.ts'), '--from', String(firstSeqOfThisFile)];
      const run = await promisify(execFile)(command[0]!, command.slice(1), { cwd: repoRoot, env: process.env }).catch(
        (e: { code: number; stdout: string }) => e,
      );
      expect(run).toMatchObject({ code: 1 });
      expect(run.stdout).toContain(`record ${seq}`);
    } finally {
      await t.graph.write((tx) => tx.run('CREATE (r:AuditRecord) SET r = $p', { p: props.get('p') }));
    }
    expect(await verifyAuditChain(t.graph, { fromSeq: firstSeqOfThisFile })).toMatchObject({ ok: true });
  }, 120_000);

  it('lets a supervisor check the chain through GraphQL in segments that meet, naming an altered record and how it broke', async () => {
    type Segment = { ok: boolean; records: number; firstSeq: number | null; lastSeq: number | null; nextSeq: number | null; brokenSeq: number | null; code: string | null };
    const query = 'query ($from: Int, $limit: Int) { verifyAuditTrail(fromSeq: $from, limit: $limit) { ok records firstSeq lastSeq nextSeq brokenSeq code } }';
    const walk = async (): Promise<Segment[]> => {
      const segments: Segment[] = [];
      for (let from = firstSeqOfThisFile; ; ) {
        const res = await supervisor.gql<{ verifyAuditTrail: Segment }>(query, { from, limit: 5 });
        const segment = res.data!.verifyAuditTrail;
        segments.push(segment);
        if (!segment.ok || segment.nextSeq === null) return segments;
        from = segment.nextSeq;
      }
    };
    const whole = await walk();
    expect(whole.length).toBeGreaterThan(1);
    expect(whole.at(-1)).toMatchObject({ ok: true, nextSeq: null });
    for (let k = 1; k < whole.length; k++) expect(whole[k]!.firstSeq).toBe(whole[k - 1]!.lastSeq! + 1);

    const seq = await recentSeq();
    await t.graph.write((tx) => tx.run('MATCH (r:AuditRecord {seq: $seq}) SET r.durationMs = r.durationMs + 1', { seq }));
    try {
      expect((await walk()).at(-1)).toMatchObject({ ok: false, brokenSeq: seq, code: 'ALTERED' });
    } finally {
      await t.graph.write((tx) => tx.run('MATCH (r:AuditRecord {seq: $seq}) SET r.durationMs = r.durationMs - 1', { seq }));
    }
    expect((await analyst.gql(query, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a deleted newest record is noticed through the chain head', async () => {
    await analyst.gql('{ me { name } }');
    const props = await t.graph.read(async (tx) => (await tx.run('MATCH (h:AuditHead {id: "main"}) MATCH (r:AuditRecord {seq: h.seq}) RETURN properties(r) AS p, r.seq AS seq')).records[0]!);
    const seq = Number(toPlain(props.get('seq')));
    // Done in one transaction with a read of the head, so no append slips in between.
    await t.graph.write((tx) => tx.run('MATCH (r:AuditRecord {seq: $seq}) DELETE r', { seq }));
    try {
      const verdict = await verifyAuditChain(t.graph, { fromSeq: firstSeqOfThisFile });
      expect(verdict).toMatchObject({ ok: false, brokenSeq: seq });
    } finally {
      await t.graph.write((tx) => tx.run('CREATE (r:AuditRecord) SET r = $p', { p: props.get('p') }));
    }
  });
});

describe('retention', () => {
  it('keeps every record younger than the retention period, which cannot be set under 365 days', async () => {
    const before = await countRecords(t.graph);
    expect(await pruneAuditTrail(t.graph, 365, Date.now())).toBe(0);
    expect(await countRecords(t.graph)).toBeGreaterThanOrEqual(before);
    await expect(pruneAuditTrail(t.graph, 30, Date.now())).rejects.toThrow(/365 days/);
    expect(() => loadConfig({ CLEW_AUDIT_RETENTION_DAYS: '90' })).toThrow(/CLEW_AUDIT_RETENTION_DAYS/);
  });
});

describe('the supervisors\' view (网上督察)', () => {
  it('answers "who looked at this person", by user and by time, newest first, in pages', async () => {
    const looker = await t.client({ role: 'INVESTIGATOR' });
    const started = new Date().toISOString();
    for (let i = 0; i < 3; i++) await looker.gql('{ person(id: "P-GUO") { name } }');
    await looker.gql('{ expand(ids: ["Person:P-GUO"]) { nodes { id } } }');
    await looker.gql('{ me { name } }');

    const byEntity = await supervisor.gql<{ auditTrail: { records: { actor: { username: string }; fields: string[]; entityIds: string[] }[] } }>(
      'query($e: ID) { auditTrail(entityId: $e, first: 50) { records { actor { username } fields entityIds } } }',
      { e: 'Person:P-GUO' },
    );
    const mine = byEntity.data!.auditTrail.records.filter((r) => r.actor.username === looker.user!.username);
    expect(mine.map((r) => r.fields[0])).toEqual(['Query.expand', 'Query.person', 'Query.person', 'Query.person']);
    expect(mine.every((r) => r.entityIds.includes('Person:P-GUO'))).toBe(true);

    const first = await supervisor.gql<{ auditTrail: { records: { seq: number; fields: string[] }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      'query($u: String, $from: DateTime) { auditTrail(username: $u, from: $from, first: 2) { records { seq fields } pageInfo { hasNextPage endCursor } } }',
      { u: looker.user!.username, from: started },
    );
    expect(first.data!.auditTrail.records.map((r) => r.fields[0])).toEqual(['Query.me', 'Query.expand']);
    expect(first.data!.auditTrail.pageInfo.hasNextPage).toBe(true);
    const second = await supervisor.gql<{ auditTrail: { records: { seq: number }[]; pageInfo: { hasNextPage: boolean } } }>(
      'query($u: String, $after: String) { auditTrail(username: $u, first: 10, after: $after) { records { seq } pageInfo { hasNextPage } } }',
      { u: looker.user!.username, after: first.data!.auditTrail.pageInfo.endCursor },
    );
    expect(second.data!.auditTrail.records).toHaveLength(3);
    expect(second.data!.auditTrail.records[0]!.seq).toBeLessThan(first.data!.auditTrail.records[1]!.seq);

    const future = await supervisor.gql<{ auditTrail: { records: unknown[] } }>('query($u: String) { auditTrail(username: $u, from: "2099-01-01T00:00:00+08:00") { records { seq } } }', {
      u: looker.user!.username,
    });
    expect(future.data!.auditTrail.records).toEqual([]);
  });

  it('finds records by entity after they have been indexed as well as before', async () => {
    await analyst.gql('{ person(id: "P-LI-WIFE") { name } }');
    const query = async () =>
      (await supervisor.gql<{ auditTrail: { records: { requestId: string }[] } }>('{ auditTrail(entityId: "Person:P-LI-WIFE", first: 200) { records { requestId } } }')).data!.auditTrail.records.length;
    const beforeIndexing = await query();
    await t.graph.write((tx) => tx.run('CALL db.awaitIndexes(60)'));
    const { AuditEntityIndexer } = await import('../../server/src/security/audit/audit-entity-indexer.js');
    await new AuditEntityIndexer(t.graph, t.app.log, 0).flush();
    // The supervisor's own query is recorded too, but its answer names no entity.
    expect(await query()).toBe(beforeIndexing);
  });
});
