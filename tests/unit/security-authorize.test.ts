import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { authorize, describeOperation } from '../../server/src/security/authorize.js';
import type { PolicyTable } from '../../server/src/security/policy.js';
import type { Principal } from '../../server/src/security/principal.js';
import type { PurposeReading } from '../../server/src/security/purpose.js';

const schema = buildSchema(`
  type Query { person(id: ID!): Person  secret: String  open: String  users: [String] }
  type Mutation { signIn(u: String): String }
  type Person { name: String  idNumber: String  friend: Person  note: Note }
  type Note { text: String }
`);
const roots = new Set(['Query', 'Mutation']);
const table: PolicyTable = {
  'Query.person': { allow: { roles: ['ANALYST'], scopes: ['READ'] }, purpose: true },
  'Query.open': { allow: 'SIGNED_IN' },
  'Query.users': { allow: { roles: ['ADMINISTRATOR'], scopes: [] } },
  'Mutation.signIn': { allow: 'PUBLIC' },
  'Person.*': { allow: 'INHERIT' },
  'Person.idNumber': { allow: { roles: ['ANALYST'], scopes: [] } },
};
const analyst: Principal = { kind: 'USER', userId: 'u', username: 'a', role: 'ANALYST', unit: 'dept:intel', sessionId: 's' };
const admin: Principal = { ...analyst, role: 'ADMINISTRATOR' };
const key: Principal = { kind: 'API_KEY', keyId: 'k', name: 'k', unit: 'dept:x', scopes: ['READ'], identifierAccess: 'MASKED', rateLimitPerMinute: 60 };
const withPurpose: PurposeReading = { purpose: { caseNumber: 'A1234', reason: null }, problem: null };
const noPurpose: PurposeReading = { purpose: null, problem: null };

function check(query: string, principal: Principal, purpose = withPurpose) {
  const op = describeOperation(schema, parse(query), null)!;
  return () => authorize(table, roots, op, principal, purpose, null);
}

describe('authorization of a request', () => {
  it('lists the coordinates a query selects, fragments spelled out', () => {
    const op = describeOperation(schema, parse('{ person(id: "1") { ...F friend { name } } } fragment F on Person { note { text } }'), null)!;
    expect(op.rootFields).toEqual(['Query.person']);
    expect(op.coordinates.sort()).toEqual(['Note.text', 'Person.friend', 'Person.name', 'Person.note', 'Query.person'].sort());
  });

  it('refuses a field without a policy, naming it and the file to add it to (deny by default)', () => {
    expect(check('{ secret }', analyst)).toThrow(/Query.secret has no access policy.*policies.ts/);
    expect(check('{ person(id: "1") { note { text } } }', analyst)).toThrow(/Note.text has no access policy/);
  });

  it('admits by role for users and by scope for keys', () => {
    expect(check('{ person(id: "1") { name } }', analyst)).not.toThrow();
    expect(check('{ person(id: "1") { name } }', key)).not.toThrow();
    expect(check('{ person(id: "1") { name } }', admin)).toThrow(/not open to the ADMINISTRATOR role/);
    expect(check('{ users }', key)).toThrow(/not open to this API key's scopes \(READ\)/);
  });

  it('applies field-level restrictions below the operation', () => {
    expect(check('{ person(id: "1") { idNumber } }', analyst)).not.toThrow();
    expect(check('{ person(id: "1") { idNumber } }', key)).toThrow(/Person.idNumber is not open/);
  });

  it('asks anonymous callers to sign in, and lets them sign in', () => {
    expect(check('{ open }', { kind: 'ANONYMOUS' })).toThrow(/Sign in first/);
    expect(check('mutation { signIn(u: "x") }', { kind: 'ANONYMOUS' })).not.toThrow();
  });

  it('refuses a person look-up without a purpose, with the reason', () => {
    expect(check('{ person(id: "1") { name } }', analyst, noPurpose)).toThrow(/Query.person looks up persons: state a purpose/);
  });
});
