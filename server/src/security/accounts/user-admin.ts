import { BadUserInput, NotFound } from '../../errors.js';
import type { UserPrincipal } from '../principal.js';
import { isRole, type Role } from '../roles.js';
import { Unauthenticated } from '../security-errors.js';
import type { AccountDeps } from './account-settings.js';
import { checkNewPassword, hashPassword, verifyPassword } from './passwords.js';
import { deleteSessionsOfUser } from './session-repository.js';
import { USERNAME } from './sign-in.js';
import { newId } from './tokens.js';
import {
  createUser as insertUser,
  findUserByUsername,
  recordFailedSignIn,
  setPasswordHash,
  setUserStatus as storeUserStatus,
  unlockUser as releaseUser,
  type PublicUser,
} from './user-repository.js';

export interface NewUserInput {
  username: string;
  password: string;
  role: Role;
  unit: string;
  displayName?: string | null;
}

/** Units are a station's graph id (Station:S-XC) or a department (dept:intel). */
const UNIT = /^(Station:[\w.-]{1,60}|dept:[\w.-]{1,60})$/;

export function checkUnit(argument: string, unit: string, role?: Role): void {
  if (!UNIT.test(unit)) throw new BadUserInput(argument, 'must be a station (Station:S-XC) or a department (dept:intel)', '应为派出所（Station:S-XC）或部门（dept:intel）');
  if (role === 'STATION_OFFICER' && !unit.startsWith('Station:')) throw new BadUserInput(argument, 'a station officer belongs to a station (Station:…)', '派出所民警须属于某个派出所（Station:…）');
}

/** Administrators (and the create-admin command, with createdBy "command-line") create users. */
export async function createUser(deps: AccountDeps, input: NewUserInput, createdBy: string): Promise<PublicUser> {
  if (!USERNAME.test(input.username)) throw new BadUserInput('username', 'must be 2 to 64 letters, digits, dots, @, _ or -', '应为 2 到 64 个字母、数字、点、@、_ 或 -');
  if (!isRole(input.role)) throw new BadUserInput('role', 'is not a role', '不是系统中的岗位');
  checkUnit('unit', input.unit, input.role);
  checkNewPassword('password', input.password, input.username);
  const displayName = input.displayName?.trim() || null;
  if (displayName && displayName.length > 100) throw new BadUserInput('displayName', 'must be at most 100 characters', '最多 100 个字');
  const passwordHash = await hashPassword(input.password);
  return deps.graph.write((tx) =>
    insertUser(tx, {
      id: newId('u'),
      username: input.username,
      displayName,
      passwordHash,
      role: input.role,
      unit: input.unit,
      createdAt: deps.clock(),
      createdBy,
    }),
  );
}

export async function unlockUser(deps: AccountDeps, username: string, by: string): Promise<PublicUser> {
  const user = await deps.graph.write((tx) => releaseUser(tx, username, by, deps.clock()));
  if (!user) throw new NotFound('User', username);
  return user;
}

/** Disabling ends the user's sessions at once. */
export async function setUserStatus(deps: AccountDeps, username: string, status: 'ACTIVE' | 'DISABLED', by: string): Promise<PublicUser> {
  const user = await deps.graph.write(async (tx) => {
    const changed = await storeUserStatus(tx, username, status, by, deps.clock());
    if (changed && status === 'DISABLED') await deleteSessionsOfUser(tx, changed.id);
    return changed;
  });
  if (!user) throw new NotFound('User', username);
  deps.cache?.forgetUser(user.id);
  return user;
}

/** An administrator sets a new password; the user's sessions end. */
export async function resetPassword(deps: AccountDeps, username: string, newPassword: string, by: string): Promise<PublicUser> {
  checkNewPassword('newPassword', newPassword, username);
  const target = await deps.graph.read((tx) => findUserByUsername(tx, username));
  if (!target) throw new NotFound('User', username);
  const hash = await hashPassword(newPassword);
  const user = await deps.graph.write(async (tx) => {
    await deleteSessionsOfUser(tx, target.id);
    return (await setPasswordHash(tx, target.id, hash, by, deps.clock()))!;
  });
  deps.cache?.forgetUser(target.id);
  return user;
}

/**
 * A user changes their own password; all their sessions end, so they sign in again with it.
 * A wrong current password is a refused argument (the session stays: the page keeps the user
 * in the dialog), and it counts as a failed sign-in, so a borrowed session cannot guess the
 * password to keep the account: the threshold-th guess locks it as sign-in would.
 */
export async function changeOwnPassword(deps: AccountDeps, principal: UserPrincipal, current: string, next: string): Promise<void> {
  const user = await deps.graph.read((tx) => findUserByUsername(tx, principal.username));
  if (!user) throw new Unauthenticated('INVALID_CREDENTIALS');
  if (!(await verifyPassword(current, user.passwordHash))) {
    const { settings } = deps;
    const after = await deps.graph.write((tx) =>
      recordFailedSignIn(tx, { username: user.username, now: deps.clock(), windowMs: settings.lockoutWindowMs, threshold: settings.lockoutThreshold }),
    );
    if (after?.status === 'LOCKED') {
      deps.cache?.forgetUser(user.id);
      throw new Unauthenticated('ACCOUNT_LOCKED');
    }
    throw new BadUserInput('currentPassword', 'is not the current password', '与账号的密码不符，请重新输入');
  }
  if (current === next) throw new BadUserInput('newPassword', 'must differ from the current password', '不能与当前密码相同');
  checkNewPassword('newPassword', next, principal.username);
  const hash = await hashPassword(next);
  await deps.graph.write(async (tx) => {
    await setPasswordHash(tx, user.id, hash, principal.username, deps.clock());
    await deleteSessionsOfUser(tx, user.id);
  });
  deps.cache?.forgetUser(user.id);
}
