import {
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { STORY_FIXTURE } from '../../seed/fixture.js';
import { loadSchemaSdl } from '../../server/src/graphql/schema-files.js';
import { POLICIES } from '../../server/src/security/policies.js';
import { deleteRunAndOrders } from '../../server/src/techniques/orders/orders.js';
import { allows } from '../../server/src/security/policy.js';
import type { Principal } from '../../server/src/security/principal.js';
import { KEY_SCOPES, ROLES, type KeyScope, type Role } from '../../server/src/security/roles.js';
import { startTestApp, type GqlClient, type GraphqlResponse, type TestApp } from '../helpers/test-app.js';

/**
 * The role × operation matrix, over HTTP against the real app. Every operation of the
 * schema is sent by every role, by a key of each scope and by an anonymous caller. The
 * field is marked @skip(if: true): authorization judges what a request asks for, so the
 * policy is enforced in full while nothing runs and no data changes. For the operations of
 * the foundation and of security the expected matrix is written out below by hand (what
 * each post should be able to do); for the others it is read from their declared policy,
 * so that what is enforced is what is declared.
 */
type Who = Role | `key:${KeyScope}` | 'anonymous';
const EVERY_ROLE: Who[] = [...ROLES];
const READERS: Who[] = ['ANALYST', 'INVESTIGATOR', 'STATION_OFFICER', 'SUPERVISOR', 'key:READ'];
const GRAPH: Who[] = ['ANALYST', 'INVESTIGATOR', 'key:GRAPH'];
const ADMIN: Who[] = ['ADMINISTRATOR'];

const INTENDED: Record<string, Who[]> = {
  'Mutation.signIn': [...EVERY_ROLE, ...KEY_SCOPES.map((s) => `key:${s}` as const), 'anonymous'],
  'Mutation.signOut': EVERY_ROLE,
  'Mutation.changePassword': EVERY_ROLE,
  'Query.me': [...EVERY_ROLE, ...KEY_SCOPES.map((s) => `key:${s}` as const)],
  'Query.users': ADMIN,
  'Mutation.createUser': ADMIN,
  'Mutation.unlockUser': ADMIN,
  'Mutation.setUserStatus': ADMIN,
  'Mutation.resetPassword': ADMIN,
  'Query.apiKeys': ADMIN,
  'Mutation.createApiKey': ADMIN,
  'Mutation.revokeApiKey': ADMIN,
  'Query.auditTrail': ['SUPERVISOR'],
  'Query.unmaskPerson': READERS,
  'Query.search': READERS,
  'Query.person': READERS,
  'Query.personByIdNumber': READERS,
  'Query.case': READERS,
  'Query.location': READERS,
  'Query.expand': GRAPH,
  'Query.paths': GRAPH,
  'Query.commonAssociates': GRAPH,
  'Query.timeline': GRAPH,
};

const schema = buildSchema(loadSchemaSdl());

function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return '1';
      case 'Float':
        return '1.5';
      case 'Boolean':
        return 'true';
      case 'DateTime':
        return '"2026-03-27T08:00:00+08:00"';
      default:
        return '"x"';
    }
  }
  return '"x"';
}

/** One request per operation: required arguments filled with plausible literals, the field skipped. */
function requestFor(rootType: 'Query' | 'Mutation', field: string): string {
  const def = (rootType === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[field]!;
  const args = def.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => `${a.name}: ${literal(a.type)}`);
  const selection = isCompositeType(getNamedType(def.type)) ? ' { __typename }' : '';
  const keyword = rootType === 'Query' ? 'query' : 'mutation';
  return `${keyword} { ${field}${args.length ? `(${args.join(', ')})` : ''} @skip(if: true)${selection} }`;
}

const operations = (['Query', 'Mutation'] as const).flatMap((root) =>
  Object.keys((root === 'Query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {}).map((f) => ({ root, field: f, coordinate: `${root}.${f}` })),
);

function principalOf(who: Who): Principal {
  if (who === 'anonymous') return { kind: 'ANONYMOUS' };
  if (who.startsWith('key:')) {
    return { kind: 'API_KEY', keyId: 'k', name: 'k', unit: 'dept:x', scopes: [who.slice(4) as KeyScope], identifierAccess: 'MASKED', rateLimitPerMinute: 1 };
  }
  return { kind: 'USER', userId: 'u', username: 'u', role: who as Role, unit: 'Station:S-TEST', sessionId: 's' };
}

function expectedFor(coordinate: string, who: Who): boolean {
  const intended = INTENDED[coordinate];
  if (intended) return intended.includes(who);
  const policy = POLICIES[coordinate];
  return !!policy && allows(policy.allow, principalOf(who));
}

/** Refused by the policy check (not by the resolver, which the skip keeps from running). */
function refusedByPolicy(res: GraphqlResponse): boolean {
  return (res.errors ?? []).some(
    (e) => (e.extensions?.code === 'FORBIDDEN' && e.extensions.field !== undefined) || (e.extensions?.code === 'UNAUTHENTICATED' && e.extensions.reason === 'NO_CREDENTIALS'),
  );
}

let t: TestApp;
const clients = new Map<Who, GqlClient>();
const whos: Who[] = [...ROLES, ...KEY_SCOPES.map((s) => `key:${s}` as const), 'anonymous'];

beforeAll(async () => {
  // Keys normally send only allow-listed queries; the matrix sends every operation.
  t = await startTestApp({ config: (c) => ({ ...c, security: { ...c.security, keysPersistedOnly: false } }) });
  for (const who of whos) {
    if (who === 'anonymous') clients.set(who, await t.client('anonymous'));
    else if (who.startsWith('key:')) clients.set(who, await t.client({ apiKey: { scopes: [who.slice(4) as KeyScope] } }));
    else clients.set(who, await t.client({ role: who as Role }));
  }
});
afterAll(async () => t?.close());

describe('the role × operation matrix', () => {
  it('covers every operation of the schema, and the intended matrix names only real ones', () => {
    expect(operations.length).toBeGreaterThan(20);
    const names = new Set(operations.map((o) => o.coordinate));
    expect(Object.keys(INTENDED).filter((k) => !names.has(k))).toEqual([]);
  });

  it('lets each role and key scope do what it should and nothing more', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const query = requestFor(op.root, op.field);
      for (const who of whos) {
        const res = await clients.get(who)!.gql(query);
        const allowed = !refusedByPolicy(res);
        if (res.status >= 500) wrong.push(`${op.coordinate} by ${who}: HTTP ${res.status}`);
        else if (allowed !== expectedFor(op.coordinate, who)) {
          wrong.push(`${op.coordinate} by ${who}: ${allowed ? 'allowed' : 'refused'} (${JSON.stringify(res.errors?.[0] ?? null)})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  it('refuses an operation that needs a purpose when none is stated, and says how to give one', async () => {
    const analyst = clients.get('ANALYST')!;
    const res = await analyst.gql(requestFor('Query', 'person'), {}, { purpose: null });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'PURPOSE_REQUIRED' } });
    expect(res.errors?.[0]?.message).toMatch(/extensions\.purpose.*X-Clew-Purpose/);
    // Every operation declared with a purpose is refused without one.
    for (const op of operations.filter((o) => POLICIES[o.coordinate]?.purpose)) {
      const who = whos.find((w) => w !== 'anonymous' && expectedFor(op.coordinate, w))!;
      const r = await clients.get(who)!.gql(requestFor(op.root, op.field), {}, { purpose: null });
      expect(r.errors?.[0]?.extensions?.code, op.coordinate).toBe('PURPOSE_REQUIRED');
    }
  });
});

describe('real requests by role, on the seed county', () => {
  const person = '{ person(id: "P-LI") { name idNumber } }';
  const expand = '{ expand(ids: ["Person:P-LI"], depth: 1) { nodes { id } } }';
  const audit = '{ auditTrail(first: 1) { records { seq } } }';

  it('analysts and investigators explore the graph', async () => {
    for (const who of ['ANALYST', 'INVESTIGATOR'] as const) {
      const res = await clients.get(who)!.gql<{ expand: { nodes: unknown[] } }>(expand);
      expect(res.errors, who).toBeUndefined();
      expect(res.data?.expand.nodes.length).toBeGreaterThan(1);
    }
  });

  it('station officers and supervisors look persons up but do not walk the graph', async () => {
    for (const who of ['STATION_OFFICER', 'SUPERVISOR'] as const) {
      const c = clients.get(who)!;
      expect((await c.gql<{ person: { name: string } }>(person)).data?.person.name, who).toBeTruthy();
      expect((await c.gql(expand)).errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
  });

  it('only supervisors read the audit trail; administrators manage accounts and read no case data', async () => {
    expect((await clients.get('SUPERVISOR')!.gql(audit)).errors).toBeUndefined();
    for (const who of ['ANALYST', 'INVESTIGATOR', 'STATION_OFFICER', 'ADMINISTRATOR'] as const) {
      expect((await clients.get(who)!.gql(audit)).errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    const admin = clients.get('ADMINISTRATOR')!;
    expect((await admin.gql(person)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.gql('{ users { username } }')).errors).toBeUndefined();
  });

  it('station officers see their own station\'s orders and no other\'s', async () => {
    const C = STORY_FIXTURE.collision;
    const analyst = clients.get('ANALYST')!;
    // The Xincheng collision of the seed story issues an order to Xincheng station (once, however often it runs).
    const run = await analyst.gql<{ runCollision: { run: { id: string }; orders: { created: boolean; order: { id: string; station: string } }[] } }>(
      `mutation { runCollision(from: "${C.date}T00:00:00+08:00", to: "${C.date}T23:59:59+08:00", watchLists: ["${C.watchList}"]) { run { id } orders { created order { id station } } } }`,
    );
    expect(run.errors).toBeUndefined();
    // Orders are issued once per hit: the ones this run issued are removed again, so that the
    // techniques' own tests issue theirs.
    const runId = run.data!.runCollision.run.id;
    onTestFinished(() => (run.data!.runCollision.orders.some((o) => o.created) ? t.graph.write((tx) => deleteRunAndOrders(tx, runId)) : undefined));
    const order = run.data!.runCollision.orders.find((o) => o.order.station === C.orderStation)!.order;
    const own = await t.client({ role: 'STATION_OFFICER', unit: `Station:${C.orderStation}` });
    const other = await t.client({ role: 'STATION_OFFICER', unit: 'Station:S-ELSEWHERE' });
    const list = '{ orders(first: 200) { orders { id station } } }';
    const ownOrders = (await own.gql<{ orders: { orders: { id: string; station: string }[] } }>(list)).data!.orders.orders;
    expect(ownOrders.map((o) => o.id)).toContain(order.id);
    expect(ownOrders.every((o) => o.station === C.orderStation)).toBe(true);
    const otherOrders = (await other.gql<{ orders: { orders: { id: string }[] } }>(list)).data!.orders.orders;
    expect(otherOrders.map((o) => o.id)).not.toContain(order.id);
    // Asking for another station by name does not widen the view.
    const asked = await other.gql<{ orders: { orders: { id: string }[] } }>(`{ orders(station: "${C.orderStation}") { orders { id } } }`);
    expect(asked.data?.orders.orders.map((o) => o.id) ?? []).not.toContain(order.id);
    const one = await other.gql<{ order: { id: string } | null }>('query($id: ID!) { order(id: $id) { id } }', { id: order.id });
    expect(one.data?.order ?? null).toBeNull();
    // Analysts see every station's.
    expect((await analyst.gql<{ orders: { orders: { id: string }[] } }>(list)).data!.orders.orders.map((o) => o.id)).toContain(order.id);
  });

  it('an anonymous caller is asked to sign in', async () => {
    const res = await clients.get('anonymous')!.gql(person);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'NO_CREDENTIALS' } });
  });
});
