import { isRealDate } from './time-values.js';

/** GB 11643-1999 check character of an 18-digit resident ID. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** The reason a resident ID is invalid, or undefined when it is valid. */
export function residentIdProblem(id: string): string | undefined {
  if (id.length !== 18) return `must be 18 characters, got ${id.length}`;
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 17 digits followed by a digit or X';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return `contains ${id.slice(6, 14)}, which is not a real birth date`;
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return `check character is ${id[17]} but GB 11643 gives ${expected}`;
  return undefined;
}

export function residentIdBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}
