import { GraphQLScalarType } from 'graphql';

type ResolverMap = Record<string, unknown>;

/**
 * Several areas resolve fields of the same root types (Query, Mutation); spreading their
 * maps would drop all but the last. This merges them per type and fails at start when two
 * areas claim the same field.
 */
export function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      if (fields === null || typeof fields !== 'object' || fields instanceof GraphQLScalarType) {
        if (typeName in out) throw new Error(`Two resolver maps define ${typeName}`);
        out[typeName] = fields;
        continue;
      }
      const merged = (out[typeName] ?? {}) as Record<string, unknown>;
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in merged) throw new Error(`Two resolver maps define ${typeName}.${field}`);
        merged[field] = resolver;
      }
      out[typeName] = merged;
    }
  }
  return out;
}
