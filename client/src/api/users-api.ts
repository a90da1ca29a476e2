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

/** Another unit's system (server/src/graphql/schema/api-key.graphql). */
export interface ApiKeyRecord {
  id: string;
  name: string;
  unit: string;
  scopes: string[];
  identifierAccess: string;
  rateLimitPerMinute: number;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface NewApiKey {
  name: string;
  unit: string;
  scopes: string[];
  identifierAccess: string;
  rateLimitPerMinute: number;
}

const KEY_FIELDS = 'id name unit scopes identifierAccess rateLimitPerMinute createdAt createdBy revokedAt revokedBy';

export async function listApiKeys(): Promise<ApiKeyRecord[]> {
  return (await gql<{ apiKeys: ApiKeyRecord[] }>(`query ApiKeys { apiKeys { ${KEY_FIELDS} } }`)).apiKeys;
}

/** The token comes back once: Clew keeps only its hash. */
export async function createApiKey(input: NewApiKey): Promise<{ apiKey: ApiKeyRecord; token: string }> {
  return (await gql<{ createApiKey: { apiKey: ApiKeyRecord; token: string } }>(`mutation CreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { ${KEY_FIELDS} } token } }`, { input }))
    .createApiKey;
}

export async function revokeApiKey(id: string): Promise<ApiKeyRecord> {
  return (await gql<{ revokeApiKey: ApiKeyRecord }>(`mutation Revoke($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }`, { id })).revokeApiKey;
}
