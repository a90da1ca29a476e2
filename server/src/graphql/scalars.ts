import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { normalizeDateTime } from '../ingest/time-values.js';

/** ISO 8601 date-times, checked on the way in so a resolver never sees a bad one. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => String(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new Error('DateTime must be a string such as 2026-08-10T00:00:00+08:00');
    return parse(ast.value);
  },
});

function parse(value: unknown): string {
  const t = normalizeDateTime(value);
  if (!t) throw new Error(`"${String(value).slice(0, 60)}" is not an ISO 8601 date and time, e.g. 2026-08-10T00:00:00+08:00`);
  return t.text;
}

/** Free-form JSON for node and edge properties (output only in practice). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: function literal(ast: ValueNode): unknown {
    switch (ast.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        return ast.value;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(ast.value);
      case Kind.LIST:
        return ast.values.map(literal);
      case Kind.OBJECT:
        return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
      default:
        return null;
    }
  },
});
