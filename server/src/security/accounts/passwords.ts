import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { BadUserInput } from '../../errors.js';

/**
 * Password hashing with scrypt from Node's own crypto (maintained with Node, no native
 * build to install). Cost N = 2^15, r = 8, p = 1 (32 MiB, ~50-100 ms): the OWASP baseline.
 * The stored form names its parameters, so they can be raised later without breaking old
 * hashes: scrypt$<log2 N>$<r>$<p>$<salt>$<hash>.
 */
const LOG2_N = 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

const optionsFor = (log2N: number, r: number, p: number): ScryptOptions => ({ N: 2 ** log2N, r, p, maxmem: 256 * 2 ** log2N * r + 1024 * 1024 });

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, optionsFor(LOG2_N, R, P));
  return ['scrypt', LOG2_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), optionsFor(Number(log2N), Number(r), Number(p)));
  const want = Buffer.from(expected, 'base64url');
  return want.length === key.length && timingSafeEqual(want, key);
}

/**
 * Spends the same time as a real check when the user name is unknown, so response times
 * do not tell which accounts exist.
 */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-but-the-same-cost');
  await verifyPassword(password, await dummyHash);
}

export const PASSWORD_MIN_LENGTH = 12;

/** Length is what makes a password strong; composition rules are not enforced (NIST 800-63B). */
export function checkNewPassword(argument: string, password: string, username: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw new BadUserInput(argument, `must be at least ${PASSWORD_MIN_LENGTH} characters long`, `至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (password.length > 256) throw new BadUserInput(argument, 'must be at most 256 characters long', '最多 256 个字符');
  if (password.toLowerCase().includes(username.toLowerCase())) throw new BadUserInput(argument, 'must not contain the user name', '不能包含用户名');
}
