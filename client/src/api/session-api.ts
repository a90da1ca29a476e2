import { gql, session } from './client.js';

export interface Viewer {
  kind: 'USER' | 'API_KEY';
  name: string;
  role: string | null;
  unit: string;
  /** The station's name when the unit is a station. */
  unitName: string | null;
  identifierAccess: string;
}

export interface SignedIn {
  token: string;
  expiresAt: string;
  idleExpiresAt: string;
  user: { username: string; displayName: string | null; role: string; unit: string };
}

export async function signIn(username: string, password: string): Promise<SignedIn> {
  const data = await gql<{ signIn: SignedIn }>(
    `mutation SignIn($u: String!, $p: String!) { signIn(username: $u, password: $p) { token expiresAt idleExpiresAt user { username displayName role unit } } }`,
    { u: username, p: password },
  );
  session.token = data.signIn.token;
  return data.signIn;
}

export async function signOut(): Promise<void> {
  try {
    await gql<{ signOut: boolean }>(`mutation SignOut { signOut }`);
  } finally {
    session.token = null;
  }
}

export async function me(): Promise<Viewer> {
  const data = await gql<{ me: Viewer }>(`query Me { me { kind name role unit unitName identifierAccess } }`);
  return data.me;
}

/** Changes the signed-in user's password; the server ends every session of the user, this one too. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await gql<{ changePassword: boolean }>(`mutation ChangePassword($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`, {
    c: currentPassword,
    n: newPassword,
  });
  session.token = null;
}
