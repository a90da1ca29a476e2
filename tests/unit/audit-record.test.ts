import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, hashRecord, sealRecord, type AuditEntry } from '../../server/src/security/audit/audit-record.js';
import { outcomeOf, redactQuery, redactValue } from '../../server/src/security/audit/request-audit.js';

const entry: AuditEntry = {
  requestId: 'r-1',
  atMs: 1_774_573_200_000,
  durationMs: 12,
  route: 'POST /graphql',
  actorKind: 'USER',
  userId: 'u-1',
  username: 'wang',
  role: 'ANALYST',
  unit: 'dept:intel',
  clientAddress: '10.0.0.8',
  fields: ['Query.person'],
  entityIdsDeflated: 'C0gtKs7PswrQNQABQwA=',
  entityCount: 1,
  outcome: 'OK',
  errorCodes: [],
  httpStatus: 200,
};

describe('audit records', () => {
  it('serialize canonically: key order and absent values do not change the hash', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }] })).toBe('{"a":[2,{"c":"x"}],"b":1}');
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as AuditEntry;
    expect(sealRecord(reordered, 1, GENESIS_HASH).hash).toBe(sealRecord({ ...entry, keyId: undefined }, 1, GENESIS_HASH).hash);
  });

  it('chain: each hash covers the previous one, and any change to a field changes it', () => {
    const first = sealRecord(entry, 1, GENESIS_HASH);
    const second = sealRecord({ ...entry, requestId: 'r-2' }, 2, first.hash);
    expect(second.prevHash).toBe(first.hash);
    expect(hashRecord(first as unknown as Record<string, unknown>)).toBe(first.hash);
    expect(hashRecord({ ...first, entityCount: 2 } as unknown as Record<string, unknown>)).not.toBe(first.hash);
    expect(hashRecord({ ...first, extra: 'added' } as unknown as Record<string, unknown>)).not.toBe(first.hash);
  });

  it('keep passwords out of variables and query text', () => {
    expect(redactValue({ username: 'wang', password: 'hunter2hunter2', input: { newPassword: 'x' } })).toEqual({
      username: 'wang',
      password: '[redacted]',
      input: { newPassword: '[redacted]' },
    });
    const q = redactQuery('mutation { signIn(username: "wang", password: "hunter2hunter2") { token } }');
    expect(q).not.toContain('hunter2');
    expect(q).toContain('wang');
    expect(redactQuery('mutation { signIn(username: "wang", password: "unterminated') ).not.toContain('unterminated');
  });

  it('name the outcome from the status and the error codes', () => {
    expect(outcomeOf(200, [])).toBe('OK');
    expect(outcomeOf(200, ['NOT_FOUND'])).toBe('PARTIAL');
    expect(outcomeOf(403, ['FORBIDDEN'])).toBe('REFUSED');
    expect(outcomeOf(200, ['TIMEOUT'])).toBe('FAILED');
    expect(outcomeOf(503, [])).toBe('FAILED');
  });
});

describe('audit entries of sign-ins', () => {
  it('redact variables that feed a password argument, whatever they are called', async () => {
    const { auditEntryFor } = await import('../../server/src/security/audit/request-audit.js');
    const { RequestSecurity } = await import('../../server/src/security/request-state.js');
    const state = new RequestSecurity(1, 2, '127.0.0.1');
    state.query = 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }';
    state.variables = { u: 'wang', p: 'hunter2hunter2' };
    const entry = auditEntryFor(state, { id: 'r', method: 'POST', url: '/graphql' }, 401, 3);
    expect(entry.variables).toBe('{"u":"wang","p":"[redacted]"}');
    state.query = 'mutation($p: String!) { signIn(username: "wang", password: $p { token } }';
    expect(auditEntryFor(state, { id: 'r', method: 'POST', url: '/graphql' }, 400, 3).variables).not.toContain('hunter2');
  });
});
