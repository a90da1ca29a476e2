import {
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { loadSchemaSdl } from '../../server/src/graphql/schema-files.js';

/**
 * Malformed requests for the fuzz test, generated from a seeded random source so that a
 * failure can be replayed: hostile strings in every string argument, wrong variable types,
 * broken and oversized documents, and broken HTTP bodies.
 */
export interface FuzzCase {
  kind: string;
  /** The raw HTTP body (usually JSON). */
  body: string;
  contentType?: string;
  anonymous?: boolean;
}

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOSTILE_STRINGS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  "') RETURN 1 UNION MATCH (n) SET n.pwned = true //",
  '`) DETACH DELETE n //',
  '$ids',
  '{id: $id}',
  'Person:P-LI\' OR \'1\'=\'1',
  'Person:*',
  'CALL dbms.components() YIELD name',
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
  '\\',
  '\\\\"',
  '"',
  "'",
  '\u0000',
  '\u0000MATCH',
  '\n\r\t',
  '*:*',
  'name:* AND idNumber:*',
  '(((((',
  '~!@#$%^&*()_+{}|:"<>?',
  '李某 OR 1=1',
  '‮txt.exe',
  '😀'.repeat(50),
  '𠜎𠜱𠝹',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%27',
  'null',
  'undefined',
  'NaN',
  '-1',
  '9'.repeat(400),
  '320102199001011234',
  '13812345678',
  '',
  ' ',
];

export function hostileString(random: () => number): string {
  const r = random();
  if (r < 0.06) return 'A'.repeat(1000 + Math.floor(random() * 60_000));
  if (r < 0.1) return Array.from({ length: 200 }, () => HOSTILE_STRINGS[Math.floor(random() * HOSTILE_STRINGS.length)]).join('');
  return HOSTILE_STRINGS[Math.floor(random() * HOSTILE_STRINGS.length)]!;
}

const schema = buildSchema(loadSchemaSdl());

type Field = GraphQLField<unknown, unknown>;

function typeName(type: GraphQLInputType): string {
  return String(type);
}

/** A plausible value of the right shape, with hostile strings wherever text goes. */
function valueFor(type: GraphQLInputType, random: () => number, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, random, depth);
  if (isListType(type)) return depth > 3 ? [] : Array.from({ length: 1 + Math.floor(random() * 3) }, () => valueFor(type.ofType, random, depth + 1));
  if (isEnumType(type)) {
    const values = type.getValues();
    return values[Math.floor(random() * values.length)]!.name;
  }
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, valueFor(f.type, random, depth + 1)]));
  }
  switch (getNamedType(type).name) {
    case 'Int':
      return [0, 1, -1, 2 ** 31 - 1, 3][Math.floor(random() * 5)];
    case 'Float':
      return random() * 1e6;
    case 'Boolean':
      return random() < 0.5;
    case 'DateTime':
      return random() < 0.5 ? '2026-03-27T08:00:00+08:00' : hostileString(random);
    case 'JSON':
      return { text: hostileString(random) };
    default:
      return hostileString(random);
  }
}

/** A value of the wrong shape for the type. */
function wrongValueFor(type: GraphQLInputType, random: () => number): unknown {
  const wrong = [42, -7.5, true, null, [], [[['deep']]], { nested: { deeper: 1 } }, 'text', 2 ** 60, '1e400', { $gt: '' }];
  let v = wrong[Math.floor(random() * wrong.length)];
  // Make sure it is wrong for scalars that would accept it.
  if (isNonNullType(type) && getNamedType(type).name === 'String' && typeof v === 'string') v = 12345;
  return v;
}

function selectionFor(field: Field): string {
  return isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
}

function operation(rootType: 'Query' | 'Mutation', field: Field, random: () => number, wrongTypes: boolean): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter((a) => isNonNullType(a.type) || random() < 0.6);
  const variables: Record<string, unknown> = {};
  const decl: string[] = [];
  const use: string[] = [];
  for (const a of args) {
    decl.push(`$${a.name}: ${typeName(a.type)}`);
    use.push(`${a.name}: $${a.name}`);
    variables[a.name] = wrongTypes && random() < 0.7 ? wrongValueFor(a.type, random) : valueFor(a.type, random);
  }
  if (wrongTypes) {
    // An unused variable makes the document invalid whatever the other values turn out to
    // be, so an operation fuzzed this way never runs (and never changes data).
    decl.push('$unusedFuzz: Int!');
    variables.unusedFuzz = 'not a number';
  }
  const keyword = rootType === 'Query' ? 'query' : 'mutation';
  const query = `${keyword} Fuzz${decl.length ? `(${decl.join(', ')})` : ''} { ${field.name}${use.length ? `(${use.join(', ')})` : ''}${selectionFor(field)} }`;
  return { query, variables };
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Builds `count` cases. `executable` names the root fields whose resolvers may really run
 * with hostile input (reads of the foundation and security); every other operation gets
 * only variables of the wrong type, which validation refuses before anything runs.
 */
export function fuzzCases(count: number, seed: number, executable: ReadonlySet<string>): FuzzCase[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const queryFields = Object.values(schema.getQueryType()!.getFields());
  const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {});
  const runnable = queryFields.filter((f) => executable.has(`Query.${f.name}`));
  const cases: FuzzCase[] = [];
  const valid = '{ person(id: "P-LI") { name idNumber phones provenance { source } } }';

  const generators: [number, () => FuzzCase][] = [
    // Hostile strings in every string argument of operations that really run.
    [40, () => ({ kind: 'hostile-strings', body: json({ ...operation('Query', pick(runnable), random, false), extensions: { purpose: { reason: '模糊测试 fuzz' } } }) })],
    // Hostile strings inline in the document, escaped as GraphQL wants.
    [8, () => ({ kind: 'hostile-inline', body: json({ query: `{ search(text: ${JSON.stringify(hostileString(random))}) { totalCount } }`, extensions: { purpose: { reason: '模糊测试 fuzz' } } }) })],
    // Wrong variable types for any operation, queries and mutations alike.
    [14, () => ({ kind: 'wrong-types', body: json(operation(random() < 0.6 ? 'Query' : 'Mutation', pick(random() < 0.6 ? queryFields : mutationFields.length ? mutationFields : queryFields), random, true)) })],
    // Mutations the analyst may not call, with hostile input: refused before they run.
    [6, () => {
      const adminOnly = mutationFields.filter((f) => ['createUser', 'resetPassword', 'setUserStatus', 'unlockUser', 'createApiKey', 'revokeApiKey'].includes(f.name));
      return { kind: 'forbidden-mutation', body: json(operation('Mutation', pick(adminOnly.length ? adminOnly : mutationFields), random, false)) };
    }],
    // Sign-in attempts with hostile names and passwords, anonymously.
    [2, () => ({ kind: 'sign-in', anonymous: true, body: json({ query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', variables: { u: hostileString(random).slice(0, 300), p: hostileString(random).slice(0, 300) } }) })],
    // Deep nesting.
    [5, () => {
      const depth = 11 + Math.floor(random() * 3000);
      return { kind: 'deep', body: json({ query: `{ ${'person(id: "P-LI") { '.repeat(Math.min(depth, 200))}name${' }'.repeat(Math.min(depth, 200))} ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }` }) };
    }],
    // Many aliases.
    [5, () => {
      const n = 16 + Math.floor(random() * 2000);
      return { kind: 'aliases', body: json({ query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: person(id: "P-${i}") { name }`).join(' ')} }`, extensions: { purpose: { reason: '模糊测试 fuzz' } } }) };
    }],
    // Fragment bombs and cycles.
    [3, () => {
      const levels = 10 + Math.floor(random() * 30);
      let text = `query { me { ...F${levels} } } fragment F0 on Viewer { name }`;
      for (let i = 1; i <= levels; i++) text += ` fragment F${i} on Viewer { ...F${i - 1} ...F${i - 1} }`;
      return { kind: 'fragment-bomb', body: json({ query: random() < 0.3 ? `{ me { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A }` : text }) };
    }],
    // Broken documents: a valid query cut or scrambled.
    [8, () => {
      const chars = valid.split('');
      for (let i = 0; i < 1 + Math.floor(random() * 5); i++) chars.splice(Math.floor(random() * chars.length), Math.floor(random() * 4), pick(['{', '}', '(', ')', '"', '$', '@', '#', '...', '\\', 'mutation', ':']));
      return { kind: 'broken-document', body: json({ query: random() < 0.3 ? valid.slice(0, Math.floor(random() * valid.length)) : chars.join('') }) };
    }],
    // Odd document features: introspection, unknown directives, several operations, subscriptions over POST.
    [4, () => ({
      kind: 'odd-document',
      body: json({
        query: pick([
          '{ __schema { types { name fields { name } } } }',
          '{ __type(name: "User") { fields { name } } }',
          '{ me @nosuch { name } }',
          'query A { me { name } } query B { me { unit } }',
          'subscription { orderChanged { __typename } }',
          '{ me { name } } fragment Unused on Viewer { name }',
          'query ($x: NoSuchType) { me { name } }',
          `{ ${'x'.repeat(5000)} }`,
        ]),
        operationName: random() < 0.3 ? pick(['A', 'C', '', hostileString(random)]) : undefined,
      }),
    })],
    // Broken HTTP bodies.
    [5, () =>
      pick<FuzzCase>([
        { kind: 'bad-json', body: '{"query": "{ me { name } }"' },
        { kind: 'bad-json', body: '{"query": ' + '['.repeat(5000) },
        { kind: 'batch', body: json([{ query: '{ me { name } }' }, { query: '{ me { unit } }' }]) },
        { kind: 'not-object', body: 'null' },
        { kind: 'not-object', body: '"{ me { name } }"' },
        { kind: 'wrong-shape', body: json({ query: 42 }) },
        { kind: 'wrong-shape', body: json({ query: '{ me { name } }', variables: 'not an object' }) },
        { kind: 'wrong-shape', body: json({ query: '{ me { name } }', variables: [1, 2] }) },
        { kind: 'wrong-shape', body: json({ query: '{ me { name } }', extensions: 'x' }) },
        { kind: 'wrong-shape', body: json({ query: '{ me { name } }', extensions: { purpose: { reason: ['a'], caseNumber: { x: 1 } } } }) },
        { kind: 'no-query', body: json({ variables: {} }) },
        { kind: 'empty', body: '' },
        { kind: 'prototype', body: '{"query": "{ me { name } }", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}' },
        { kind: 'text-body', body: '{ me { name } }', contentType: 'text/plain' },
        { kind: 'graphql-body', body: '{ me { name } }', contentType: 'application/graphql' },
        { kind: 'too-large', body: json({ query: '{ me { name } }', variables: { pad: 'x'.repeat(200_000) } }) },
      ]),
    ],
  ];
  const total = generators.reduce((s, [w]) => s + w, 0);
  while (cases.length < count) {
    let r = random() * total;
    const g = generators.find(([w]) => (r -= w) < 0) ?? generators[0]!;
    cases.push(g[1]());
  }
  return cases;
}
