import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../server/src/security/clock.js';
import { startTestApp, type GqlClient, type TestApp } from '../helpers/test-app.js';

/**
 * Sign-in, lockout after failed sign-ins, idle expiry, and API keys, through GraphQL over
 * HTTP. Time is a manual clock the test moves; nothing sleeps.
 */
const MINUTE = 60_000;
const clock = manualClock();
let t: TestApp;
/** A fresh administrator each time: the clock moves past any earlier one's idle limit. */
const admin = (): Promise<GqlClient> => t.client({ role: 'ADMINISTRATOR' });

const SIGN_IN = 'mutation SignIn($u: String!, $p: String!) { signIn(username: $u, password: $p) { token idleExpiresAt user { username role unit status } } }';

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(async () => t?.close());

async function signInWith(username: string, password: string) {
  return (await t.client('anonymous')).gql<{ signIn: { token: string; idleExpiresAt: string; user: { username: string; status: string } } }>(SIGN_IN, { u: username, p: password });
}

describe('signing in', () => {
  it('gives a session token that works until sign-out', async () => {
    const officer = await t.client({ role: 'STATION_OFFICER', unit: 'Station:S-XC' });
    const res = await signInWith(officer.user!.username, officer.user!.password);
    expect(res.errors).toBeUndefined();
    expect(res.data?.signIn.user).toMatchObject({ username: officer.user!.username, status: 'ACTIVE' });
    expect(Date.parse(res.data!.signIn.idleExpiresAt) - clock()).toBe(30 * MINUTE);
    const session = await t.signIn(officer.user!.username, officer.user!.password);
    expect((await session.gql<{ me: { name: string; role: string; unit: string; unitName: string | null } }>('{ me { name role unit unitName } }')).data?.me).toEqual({
      name: officer.user!.username,
      role: 'STATION_OFFICER',
      unit: 'Station:S-XC',
      // the station by its name, for the header
      unitName: '新城派出所',
    });
    expect((await t.gql<{ me: { unitName: string | null } }>('{ me { unitName } }')).data?.me.unitName).toBeNull();
    expect((await session.gql('mutation { signOut }')).data).toEqual({ signOut: true });
    const after = await session.gql('{ me { name } }');
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
  });

  it('answers a wrong password and an unknown user name the same way', async () => {
    const user = await t.client({ role: 'ANALYST' });
    const wrong = await signInWith(user.user!.username, 'not-the-password-at-all');
    const unknown = await signInWith('nobody-by-this-name', 'not-the-password-at-all');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
  });

  it('never writes the password into the audit trail', async () => {
    const user = await t.client({ role: 'ANALYST' });
    const secret = `wrong-password-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    await signInWith(user.user!.username, secret);
    await (await t.client('anonymous')).gql(`mutation { signIn(username: "${user.user!.username}", password: "${secret}") { token } }`);
    const leaks = await t.graph.read(async (tx) =>
      (await tx.run('MATCH (r:AuditRecord) WHERE r.variables CONTAINS $secret OR r.query CONTAINS $secret RETURN count(r) AS n', { secret })).records[0]!.get('n').toNumber(),
    );
    expect(leaks).toBe(0);
  });
});

describe('lockout', () => {
  it('locks the account at the 5th failure within 15 minutes, until an administrator releases it', async () => {
    const victim = await t.client({ role: 'INVESTIGATOR' });
    const name = victim.user!.username;
    for (let i = 1; i <= 4; i++) {
      const r = await signInWith(name, `wrong-password-number-${i}`);
      expect(r.errors?.[0]?.extensions?.reason, `failure ${i}`).toBe('INVALID_CREDENTIALS');
      clock.advance(3 * MINUTE); // four failures over 12 minutes
    }
    const fifth = await signInWith(name, 'wrong-password-number-5');
    expect(fifth.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
    // The right password does not help now, and the existing session ends.
    expect((await signInWith(name, victim.user!.password)).errors?.[0]?.extensions?.reason).toBe('ACCOUNT_LOCKED');
    clock.advance(6 * MINUTE); // past the credential cache
    expect((await victim.gql('{ me { name } }')).errors?.[0]?.extensions?.reason).toMatch(/ACCOUNT_LOCKED|SESSION_EXPIRED/);
    // Time alone does not release it.
    clock.advance(24 * 60 * MINUTE);
    expect((await signInWith(name, victim.user!.password)).errors?.[0]?.extensions?.reason).toBe('ACCOUNT_LOCKED');
    const users = await (await admin()).gql<{ users: { username: string; status: string }[] }>('{ users { username status } }');
    expect(users.data?.users.find((u) => u.username === name)?.status).toBe('LOCKED');
    const released = await (await admin()).gql<{ unlockUser: { status: string } }>('mutation($u: String!) { unlockUser(username: $u) { status } }', { u: name });
    expect(released.data?.unlockUser.status).toBe('ACTIVE');
    expect((await signInWith(name, victim.user!.password)).errors).toBeUndefined();
  });

  it('does not count failures older than 15 minutes', async () => {
    const user = await t.client({ role: 'ANALYST' });
    const name = user.user!.username;
    for (let i = 0; i < 4; i++) await signInWith(name, `wrong-password-early-${i}`);
    clock.advance(16 * MINUTE);
    for (let i = 0; i < 4; i++) {
      expect((await signInWith(name, `wrong-password-late-${i}`)).errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    expect((await signInWith(name, user.user!.password)).errors).toBeUndefined();
  });
});

describe('idle expiry', () => {
  it('keeps a session used every 29 minutes and ends one left for 31', async () => {
    const user = await t.client({ role: 'ANALYST' });
    const session = await t.signIn(user.user!.username, user.user!.password);
    for (let i = 0; i < 4; i++) {
      clock.advance(29 * MINUTE);
      const res = await session.gql('{ me { name } }');
      expect(res.errors, `after ${(i + 1) * 29} minutes`).toBeUndefined();
    }
    clock.advance(31 * MINUTE);
    const expired = await session.gql('{ me { name } }');
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    // Ended for good, even if used again at once.
    expect((await session.gql('{ me { name } }')).errors?.[0]?.extensions?.reason).toBe('SESSION_EXPIRED');
  });

  it('ends every session of a disabled user', async () => {
    const user = await t.client({ role: 'INVESTIGATOR' });
    await (await admin()).gql('mutation($u: String!) { setUserStatus(username: $u, status: DISABLED) { status } }', { u: user.user!.username });
    clock.advance(6_000);
    expect((await user.gql('{ me { name } }')).errors?.[0]?.extensions?.reason).toBe('SESSION_EXPIRED');
    expect((await signInWith(user.user!.username, user.user!.password)).errors?.[0]?.extensions?.reason).toBe('ACCOUNT_DISABLED');
  });
});

describe('passwords and accounts', () => {
  it('lets an administrator create a user, with no weak or default password', async () => {
    const weak = await (await admin()).gql('mutation { createUser(input: {username: "weak-one", password: "short", role: ANALYST, unit: "dept:intel"}) { id } }');
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'password' });
    const name = `created-${Date.now().toString(36)}`;
    const created = await (await admin()).gql<{ createUser: { id: string; role: string; status: string } }>(
      'mutation($u: String!) { createUser(input: {username: $u, password: "a-long-enough-passphrase", role: STATION_OFFICER, unit: "Station:S-XC"}) { id role status } }',
      { u: name },
    );
    expect(created.data?.createUser).toMatchObject({ role: 'STATION_OFFICER', status: 'ACTIVE' });
    expect((await signInWith(name, 'a-long-enough-passphrase')).errors).toBeUndefined();
    await t.graph.write((tx) => tx.run('MATCH (u:User {username: $name}) DETACH DELETE u', { name }));
  });

  it('stores passwords as scrypt hashes only', async () => {
    const user = await t.client({ role: 'ANALYST' });
    const stored = await t.graph.read(async (tx) => (await tx.run('MATCH (u:User {username: $u}) RETURN u.passwordHash AS h', { u: user.user!.username })).records[0]!.get('h') as string);
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain(user.user!.password);
  });

  it('changing the password ends the sessions; the new one signs in', async () => {
    const user = await t.client({ role: 'ANALYST' });
    const res = await user.gql('mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "another-long-passphrase") }', { c: user.user!.password });
    expect(res.data).toEqual({ changePassword: true });
    expect((await user.gql('{ me { name } }')).errors?.[0]?.extensions?.reason).toBe('SESSION_EXPIRED');
    expect((await signInWith(user.user!.username, 'another-long-passphrase')).errors).toBeUndefined();
  });

  it('refuses a wrong current password by name, keeping the session, and counts it as a failed sign-in', async () => {
    const user = await t.client({ role: 'INVESTIGATOR' });
    const change = (current: string) => user.gql('mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a-new-long-passphrase") }', { c: current });
    for (let i = 1; i <= 4; i++) {
      const wrong = await change(`not-the-password-${i}`);
      expect(wrong.errors?.[0]?.extensions, `guess ${i}`).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'currentPassword', reasonZh: '与账号的密码不符，请重新输入' });
      expect((await user.gql<{ me: { name: string } }>('{ me { name } }')).data?.me.name).toBe(user.user!.username);
    }
    // the fifth guess locks the account as a fifth wrong sign-in would
    expect((await change('not-the-password-5')).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
    expect((await signInWith(user.user!.username, user.user!.password)).errors?.[0]?.extensions?.reason).toBe('ACCOUNT_LOCKED');
  });
});

describe('API keys for other units', () => {
  it('are issued and revoked by an administrator, stored hashed, and stop working when revoked', async () => {
    const issued = await (await admin()).gql<{ createApiKey: { token: string; apiKey: { id: string; scopes: string[]; identifierAccess: string } } }>(
      'mutation { createApiKey(input: {name: "东台市局研判系统", unit: "dept:dongtai-intel", scopes: [READ], rateLimitPerMinute: 100}) { token apiKey { id scopes identifierAccess } } }',
    );
    expect(issued.errors).toBeUndefined();
    const { token, apiKey } = issued.data!.createApiKey;
    expect(apiKey).toMatchObject({ scopes: ['READ'], identifierAccess: 'MASKED' });
    const stored = await t.graph.read(async (tx) => (await tx.run('MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS k', { id: apiKey.id })).records[0]!.get('k') as Record<string, unknown>);
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);
    const asKey = async () =>
      (await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `ApiKey ${token}` },
        body: JSON.stringify({ query: 'query Me {\n  me { kind name role unit scopes identifierAccess }\n}' }),
      }).then((r) => r.json())) as { data: { me: { kind: string; unit: string } } | null; errors?: { extensions: { reason?: string } }[] };
    expect((await asKey()).data?.me).toMatchObject({ kind: 'API_KEY', unit: 'dept:dongtai-intel' });
    await (await admin()).gql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id });
    expect((await asKey()).errors?.[0]?.extensions.reason).toBe('KEY_REVOKED');
    await t.graph.write((tx) => tx.run('MATCH (k:ApiKey {id: $id}) DELETE k', { id: apiKey.id }));
  });

  it('refuses a forged key', async () => {
    const key = await t.client({ apiKey: { scopes: ['READ'] } });
    const forged = key.authorization!.replace(/\.(.)/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    const res = await t.post(JSON.stringify({ query: '{ me { name } }' }), { authorization: forged });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
  });
});
