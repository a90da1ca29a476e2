import {
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { allows, policyFor, type PolicyTable } from './policy.js';
import type { Principal } from './principal.js';
import type { PurposeReading } from './purpose.js';
import { Forbidden, PurposeRequired, Unauthenticated, type UnauthenticatedReason } from './security-errors.js';

/** What a request asks for, as schema coordinates. */
export interface OperationInfo {
  name: string | null;
  type: OperationDefinitionNode['operation'];
  /** The operation's root fields, e.g. ["Query.person"]. */
  rootFields: string[];
  /** Every field it selects, fragments spelled out, e.g. ["Query.person", "Person.name"]. */
  coordinates: string[];
}

// Documents are cached by mercurius per query text, so their analysis is cached with them.
const analysed = new WeakMap<DocumentNode, Map<string, OperationInfo | null>>();

export function describeOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): OperationInfo | null {
  const key = operationName ?? '';
  let perName = analysed.get(document);
  if (!perName) analysed.set(document, (perName = new Map()));
  if (!perName.has(key)) perName.set(key, analyse(schema, document, operationName));
  return perName.get(key)!;
}

function analyse(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): OperationInfo | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const coordinates = new Set<string>();
  const rootFields = new Set<string>();
  const seenFragments = new Set<string>();
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, atRoot: boolean) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const name = s.name.value;
        if (name.startsWith('__')) continue; // __typename is harmless; __schema/__type follow the introspection setting
        const coordinate = `${parent.name}.${name}`;
        coordinates.add(coordinate);
        if (atRoot) rootFields.add(coordinate);
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (field && s.selectionSet) walk(s.selectionSet, getNamedType(field.type) as GraphQLCompositeType, false);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? (schema.getType(s.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        if (type) walk(s.selectionSet, type, atRoot);
      } else if (!seenFragments.has(s.name.value)) {
        seenFragments.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        const type = fragment && (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined);
        if (fragment && type) walk(fragment.selectionSet, type, atRoot);
      }
    }
  };
  walk(operation.selectionSet, root, true);
  return { name: operation.name?.value ?? null, type: operation.operation, rootFields: [...rootFields], coordinates: [...coordinates] };
}

export interface Authorization {
  /** The answer must not be masked (an explicit unmasking). */
  unmasked: boolean;
}

/**
 * Deny by default: every selected field needs a policy that admits the principal; a field
 * without one is refused, naming the file to add it to. A person look-up without a purpose
 * is refused with the reason. An invalid token is reported as such only when the request
 * needed a signed-in caller, so signIn still works with a stale token in the header.
 */
export function authorize(
  table: PolicyTable,
  rootTypeNames: ReadonlySet<string>,
  operation: OperationInfo,
  principal: Principal,
  purpose: PurposeReading,
  authProblem: UnauthenticatedReason | null,
): Authorization {
  let needsPurpose = false;
  let unmasked = false;
  for (const coordinate of operation.coordinates) {
    const dot = coordinate.indexOf('.');
    const typeName = coordinate.slice(0, dot);
    const isRoot = rootTypeNames.has(typeName);
    const policy = policyFor(table, typeName, coordinate.slice(dot + 1), isRoot);
    if (!policy || (isRoot && policy.allow === 'INHERIT')) {
      throw new Forbidden(`${coordinate} has no access policy, so it is refused; register one in server/src/security/policies.ts.`, {
        field: coordinate,
      });
    }
    if (!allows(policy.allow, principal)) {
      if (principal.kind === 'ANONYMOUS') throw new Unauthenticated(authProblem ?? 'NO_CREDENTIALS');
      const holder = principal.kind === 'USER' ? `the ${principal.role} role` : `this API key's scopes (${principal.scopes.join(', ') || 'none'})`;
      throw new Forbidden(`${coordinate} is not open to ${holder}.`, { field: coordinate });
    }
    needsPurpose ||= policy.purpose === true;
    unmasked ||= policy.unmasked === true;
  }
  if (unmasked && operation.rootFields.length > 1) {
    throw new Forbidden('An unmasking must be the only field of its request, so that its answer alone is left unmasked.');
  }
  if (needsPurpose && !purpose.purpose) throw new PurposeRequired(operation.rootFields.join(', ') || 'This request', purpose.problem ?? undefined);
  return { unmasked };
}
