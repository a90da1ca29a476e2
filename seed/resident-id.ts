/**
 * The 18-character resident ID (居民身份证号码, GB 11643-1999): 6-digit region code, 8-digit
 * birth date, 3-digit sequence (odd for men, even for women), one check character.
 * The importer reuses these functions, so the generator and the validator cannot disagree.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The GB 11643 check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`"${first17}" is not 17 digits`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** True when year-month-day is a date on the calendar (no 31 April, 29 February only in leap years). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Builds a valid ID. `birthDate` is YYYY-MM-DD; `sequence` is 1..999 and its parity carries
 * the gender (odd = male), so callers choose it to agree with the person's gender.
 */
export function makeResidentId(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`region code "${regionCode}" is not 6 digits`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new Error(`birth date "${birthDate}" is not a real YYYY-MM-DD date`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) {
    throw new Error(`sequence ${sequence} is not between 1 and 999`);
  }
  const first17 = `${regionCode}${m[1]}${m[2]}${m[3]}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export type ResidentIdCheck =
  | { valid: true; regionCode: string; birthDate: string; gender: 'M' | 'F' }
  | { valid: false; reason: string };

/** Checks shape, birth date and check character; an invalid ID comes back with the reason. */
export function validateResidentId(id: string): ResidentIdCheck {
  if (id.length !== 18) return { valid: false, reason: `must be 18 characters, got ${id.length}` };
  if (!SHAPE.test(id)) return { valid: false, reason: 'must be 17 digits followed by a digit or X' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || !isCalendarDate(year, month, day)) {
    return { valid: false, reason: `contains ${id.slice(6, 14)}, which is not a real birth date` };
  }
  if (id.slice(14, 17) === '000') return { valid: false, reason: 'sequence 000 is never issued' };
  const expected = residentIdCheckCharacter(id.slice(0, 17));
  if (id[17] !== expected) {
    return { valid: false, reason: `check character is ${id[17]} but GB 11643 gives ${expected}` };
  }
  return {
    valid: true,
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: (id.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F',
  };
}
