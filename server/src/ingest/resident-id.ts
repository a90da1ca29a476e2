import type { Said } from './field-reader.js';
import { isRealDate } from './time-values.js';

/** GB 11643-1999 check character of an 18-digit resident ID. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** The reason a resident ID is invalid, in English and Chinese, or undefined when it is valid. */
export function residentIdProblem(id: string): Said | undefined {
  if (id.length !== 18) return { en: `must be 18 characters, got ${id.length}`, zh: `应为 18 位，实际 ${id.length} 位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { en: 'must be 17 digits followed by a digit or X', zh: '应为 17 位数字加 1 位数字或 X' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const born = id.slice(6, 14);
  if (y < 1900 || !isRealDate(y, m, d)) return { en: `contains ${born}, which is not a real birth date`, zh: `其中的出生日期 ${born} 不是真实日期` };
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return { en: `check character is ${id[17]} but GB 11643 gives ${expected}`, zh: `校验码是 ${id[17]}，按 GB 11643 应为 ${expected}` };
  return undefined;
}

export function residentIdBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}
