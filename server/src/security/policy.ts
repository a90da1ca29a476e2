import type { Principal } from './principal.js';
import type { KeyScope, Role } from './roles.js';

/**
 * The shape of an access policy. The table itself is policies.ts; the checks are
 * authorize.ts. Keys are schema coordinates: `Query.expand`, `Mutation.signIn`, or
 * `Person.*` for every field of a type.
 */

/** Who may select a field. */
export type Who =
  /** Anyone, signed in or not (signIn only). */
  | 'PUBLIC'
  /** Any signed-in user and any API key. */
  | 'SIGNED_IN'
  /** A field of a result type: whoever may call the operation that reached it. */
  | 'INHERIT'
  /** These roles (users) and these scopes (API keys); an empty list admits none of that kind. */
  | { roles: readonly Role[]; scopes: readonly KeyScope[] };

export interface Policy {
  allow: Who;
  /**
   * The request must state a purpose (case number or written reason). Set on person
   * look-ups and technique runs; `Person.*` carries it, so any query reaching a person needs one.
   */
  purpose?: boolean;
  /** Weight in the per-request cost limit (default 1); heavy graph walks cost more. */
  cost?: number;
  /**
   * The answer is the explicit, audited unmasking of identifiers (unmaskPerson): it is not
   * masked, and it must be the only field of its request.
   */
  unmasked?: boolean;
}

export type PolicyTable = Readonly<Record<string, Policy>>;

export function allows(who: Who, principal: Principal): boolean {
  switch (who) {
    case 'PUBLIC':
    case 'INHERIT':
      return true;
    case 'SIGNED_IN':
      return principal.kind !== 'ANONYMOUS';
    default:
      if (principal.kind === 'USER') return who.roles.includes(principal.role);
      if (principal.kind === 'API_KEY') return principal.scopes.some((s) => who.scopes.includes(s));
      return false;
  }
}

/** The policy for a coordinate: its own entry, else its type's `Type.*` (never for root types). */
export function policyFor(table: PolicyTable, typeName: string, fieldName: string, isRootType: boolean): Policy | undefined {
  return table[`${typeName}.${fieldName}`] ?? (isRootType ? undefined : table[`${typeName}.*`]);
}
