import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * How big a query is once its fragments are spelled out: nesting depth, aliases, field
 * selections, and the cost of its root fields. Measured before graphql-js validates the
 * document, because some validation rules are quadratic in the number of fields and
 * would otherwise be the attack. Fragment sizes are memoized, so a fragment "bomb" (each
 * fragment spreading the previous one twice) is measured in linear time and overflows the
 * limit instead of the server.
 */
export interface DocumentSize {
  depth: number;
  aliases: number;
  fields: number;
  /** Root fields of every operation in the document as Type.field (Query.expand), for the cost. */
  rootFields: string[];
}

export interface DocumentLimits {
  maxDepth: number;
  maxAliases: number;
  maxFields: number;
  maxCost: number;
}

interface Measure {
  depth: number;
  aliases: number;
  fields: number;
}

export function measureDocument(document: DocumentNode): DocumentSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, Measure>();
  const visiting = new Set<string>();

  const measureSet = (set: SelectionSetNode | undefined): Measure => {
    const total: Measure = { depth: 0, aliases: 0, fields: 0 };
    if (!set) return total;
    for (const s of set.selections) {
      let m: Measure;
      if (s.kind === Kind.FIELD) {
        const inner = measureSet(s.selectionSet);
        m = { depth: inner.depth + 1, aliases: inner.aliases + (s.alias ? 1 : 0), fields: inner.fields + 1 };
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        m = measureSet(s.selectionSet);
      } else {
        m = measureFragment(s.name.value);
      }
      total.depth = Math.max(total.depth, m.depth);
      total.aliases += m.aliases;
      total.fields += m.fields;
    }
    return total;
  };

  const measureFragment = (name: string): Measure => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown or cyclic fragments count as empty here; validation rejects them next.
    if (!fragment || visiting.has(name)) return { depth: 0, aliases: 0, fields: 0 };
    visiting.add(name);
    const m = measureSet(fragment.selectionSet);
    visiting.delete(name);
    memo.set(name, m);
    return m;
  };

  const size: DocumentSize = { depth: 0, aliases: 0, fields: 0, rootFields: [] };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const m = measureSet(d.selectionSet);
    size.depth = Math.max(size.depth, m.depth);
    size.aliases += m.aliases;
    size.fields += m.fields;
    const rootType = ROOT_TYPE_NAMES[d.operation];
    collectRootFields(d.selectionSet, fragments, new Set(), (field) => size.rootFields.push(`${rootType}.${field}`));
  }
  return size;
}

/** Clew's schema keeps the conventional root type names. */
const ROOT_TYPE_NAMES = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

function collectRootFields(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
  add: (field: string) => void,
): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) add(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) collectRootFields(s.selectionSet, fragments, seen, add);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const f = fragments.get(s.name.value);
      if (f) collectRootFields(f.selectionSet, fragments, seen, add);
    }
  }
}

/** The first limit a document breaks, as a sentence for the caller, or null. */
export function exceededLimit(size: DocumentSize, limits: DocumentLimits, costOf: (rootField: string) => number): string | null {
  if (size.depth > limits.maxDepth) return `The query nests ${size.depth} levels deep; at most ${limits.maxDepth} are allowed.`;
  if (size.aliases > limits.maxAliases) return `The query uses ${size.aliases} aliases; at most ${limits.maxAliases} are allowed.`;
  if (size.fields > limits.maxFields) {
    const shown = Number.isFinite(size.fields) && size.fields < 1e9 ? String(size.fields) : 'too many';
    return `The query selects ${shown} fields once its fragments are spelled out; at most ${limits.maxFields} are allowed.`;
  }
  const cost = size.rootFields.reduce((sum, f) => sum + costOf(f), 0);
  if (cost > limits.maxCost) {
    return `The query costs ${cost} (its operations: ${[...new Set(size.rootFields)].join(', ')}); at most ${limits.maxCost} is allowed. Split it into several requests.`;
  }
  return null;
}

/**
 * The deepest nesting of ( [ { in a query's text, strings and comments skipped. Checked
 * before parsing: graphql-js parses recursively and a few thousand levels overflow its
 * stack, so such a document is refused before it gets there.
 */
export function textNestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end < 0 ? source.length : end + 2;
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}
