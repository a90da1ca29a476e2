import { gql } from './client.js';

/** Accounts, for administrators (server/src/graphql/schema/user.graphql). */
export interface UserAccount {
  username: string;
  displayName: string | null;
  role: string;
  unit: string;
  status: 'ACTIVE' | 'LOCKED' | 'DISABLED';
  createdAt: string;
  createdBy: string | null;
  lockedAt: string | null;
}

export interface NewAccount {
  username: string;
  displayName: string | null;
  role: string;
  unit: string;
  password: string;
}

const USER_FIELDS = 'username displayName role unit status createdAt createdBy lockedAt';

export async function listUsers(): Promise<UserAccount[]> {
  return (await gql<{ users: UserAccount[] }>(`query Users { users { ${USER_FIELDS} } }`)).users;
}

export async function createUser(input: NewAccount): Promise<UserAccount> {
  return (await gql<{ createUser: UserAccount }>(`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`, { input })).createUser;
}

export async function unlockUser(username: string): Promise<UserAccount> {
  return (await gql<{ unlockUser: UserAccount }>(`mutation Unlock($u: String!) { unlockUser(username: $u) { ${USER_FIELDS} } }`, { u: username })).unlockUser;
}

export async function setUserStatus(username: string, status: 'ACTIVE' | 'DISABLED'): Promise<UserAccount> {
  return (await gql<{ setUserStatus: UserAccount }>(`mutation Status($u: String!, $s: UserStatus!) { setUserStatus(username: $u, status: $s) { ${USER_FIELDS} } }`, { u: username, s: status }))
    .setUserStatus;
}

export async function resetPassword(username: string, newPassword: string): Promise<UserAccount> {
  return (await gql<{ resetPassword: UserAccount }>(`mutation Reset($u: String!, $p: String!) { resetPassword(username: $u, newPassword: $p) { ${USER_FIELDS} } }`, { u: username, p: newPassword }))
    .resetPassword;
}
