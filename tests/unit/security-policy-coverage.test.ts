import { buildSchema, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchemaSdl } from '../../server/src/graphql/schema-files.js';
import { POLICIES } from '../../server/src/security/policies.js';
import { policyFor } from '../../server/src/security/policy.js';

/**
 * Deny by default, checked before anything runs: every field of every type in the schema
 * has a policy in server/src/security/policies.ts (its own entry, or its type's `Type.*`),
 * and every operation (a field of Query, Mutation or Subscription) has its own entry that
 * names who may call it. Adding an operation without a policy fails here, with its name.
 */
const schema: GraphQLSchema = buildSchema(loadSchemaSdl());
const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));

function everyField(): { type: string; field: string; root: boolean }[] {
  const out: { type: string; field: string; root: boolean }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.keys(type.getFields())) out.push({ type: type.name, field, root: roots.has(type.name) });
  }
  return out;
}

describe('the access policy table', () => {
  it('covers every field of the schema', () => {
    const missing = everyField()
      .filter(({ type, field, root }) => !policyFor(POLICIES, type, field, root))
      .map(({ type, field }) => `${type}.${field}`);
    expect(missing, `add these to server/src/security/policies.ts (docs/security.md)`).toEqual([]);
  });

  it('gives every operation its own entry that names who may call it', () => {
    const bad = everyField()
      .filter(({ root }) => root)
      .filter(({ type, field }) => {
        const p = POLICIES[`${type}.${field}`];
        return !p || p.allow === 'INHERIT';
      })
      .map(({ type, field }) => `${type}.${field}`);
    expect(bad).toEqual([]);
  });

  it('names only fields and types that exist (no stale entries)', () => {
    const stale = Object.keys(POLICIES).filter((key) => {
      if (key.startsWith('HTTP.')) return false; // plain HTTP routes, not schema fields
      const [typeName = '', field = ''] = key.split('.');
      const type = schema.getType(typeName);
      if (!type || !(isObjectType(type) || isInterfaceType(type))) return true;
      return field !== '*' && !(field in type.getFields());
    });
    expect(stale).toEqual([]);
  });

  it('keeps the administrator away from case data and the audit trail (separation of duties)', () => {
    const adminOps = Object.entries(POLICIES).filter(
      ([key, p]) => roots.has(key.split('.')[0]!) && typeof p.allow === 'object' && p.allow.roles.includes('ADMINISTRATOR'),
    );
    for (const [key] of adminOps) {
      expect(key, `${key} is open to administrators`).toMatch(
        /^(Query\.(users|apiKeys|me)|Mutation\.(signOut|changePassword|createUser|unlockUser|setUserStatus|resetPassword|createApiKey|revokeApiKey))$/,
      );
    }
  });
});
