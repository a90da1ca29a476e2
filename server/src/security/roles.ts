/**
 * Who may act in Clew. Users hold one role (岗位) and belong to one unit (a station such as
 * `Station:S-XC`, or a department such as `dept:intel`); other units' systems hold API keys
 * with scopes instead of a role.
 */
export const ROLES = ['ANALYST', 'INVESTIGATOR', 'STATION_OFFICER', 'SUPERVISOR', 'ADMINISTRATOR'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an API key may do, coarse-grained on purpose: each GraphQL operation names the scopes
 * that may call it in policies.ts. Add a scope here and in api-key.graphql together.
 */
export const KEY_SCOPES = ['READ', 'GRAPH', 'TECHNIQUES', 'ORDERS', 'INGEST', 'EXPORT'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/**
 * How much of a person's identifiers (resident ID, phone numbers) a key sees: masked always,
 * masked unless it asks with a reason (unmaskPerson, audited), or in full.
 */
export const IDENTIFIER_ACCESS = ['MASKED', 'REVEAL_WITH_REASON', 'FULL'] as const;
export type IdentifierAccess = (typeof IDENTIFIER_ACCESS)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isKeyScope(value: unknown): value is KeyScope {
  return typeof value === 'string' && (KEY_SCOPES as readonly string[]).includes(value);
}

export function isIdentifierAccess(value: unknown): value is IdentifierAccess {
  return typeof value === 'string' && (IDENTIFIER_ACCESS as readonly string[]).includes(value);
}
