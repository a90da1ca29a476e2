import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/**
 * The audit trail records which entities each request returned. Rather than ask every
 * resolver to report them, every field resolver in the schema is wrapped once at start
 * and what it returns is scanned for graph ids: an object's `uid`, or an `id` shaped like
 * `Person:P-000123`. The scan sees what the resolver produced, not only what the caller
 * selected, so `person(id) { name }` is still recorded as a look-up of that person.
 */
const GRAPH_ID = /^(Person|Location|Case|Phone|Vehicle|Station|Region):./;
/** Property bags and provenance hold no entity references worth recording. */
const SKIPPED_KEYS = new Set(['properties', 'provenance']);
const MAX_ENTITIES = 5000;
const MAX_VISITS = 200_000;

export class EntityCollector {
  readonly ids = new Set<string>();
  private visits = 0;

  collect(value: unknown): void {
    if (this.ids.size >= MAX_ENTITIES || this.visits >= MAX_VISITS) return;
    this.visits++;
    if (Array.isArray(value)) {
      for (const v of value) this.collect(v);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o.uid === 'string' && GRAPH_ID.test(o.uid)) this.ids.add(o.uid);
    else if (typeof o.id === 'string' && GRAPH_ID.test(o.id)) this.ids.add(o.id);
    for (const [k, v] of Object.entries(o)) if (v !== null && typeof v === 'object' && !SKIPPED_KEYS.has(k)) this.collect(v);
  }
}

type WithCollector = { entityCollector?: EntityCollector } | undefined;
const INSTRUMENTED = Symbol('clew.instrumented');

/** Wraps every resolver of every object type (idempotent); sync resolvers stay sync. */
export function instrumentResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as (GraphQLFieldResolver<unknown, WithCollector> & { [INSTRUMENTED]?: true }) | undefined;
      if (!resolve || resolve[INSTRUMENTED]) continue;
      const wrapped: GraphQLFieldResolver<unknown, WithCollector> & { [INSTRUMENTED]?: true } = (source, args, ctx, info) => {
        const result = resolve(source, args, ctx, info);
        const collector = ctx?.entityCollector;
        if (!collector) return result;
        if (result instanceof Promise) {
          return result.then((v: unknown) => {
            collector.collect(v);
            return v;
          });
        }
        collector.collect(result);
        return result;
      };
      wrapped[INSTRUMENTED] = true;
      field.resolve = wrapped as typeof field.resolve;
    }
  }
}
