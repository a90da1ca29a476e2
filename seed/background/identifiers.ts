/**
 * Phone numbers, licence plates and resident-ID uniqueness for the background population.
 *
 * Phones and plates are pure functions of a person's index through a bijection, so they are
 * unique by construction, need no memory, and can be recomputed in any pass. The stories own
 * the number space the background never produces: every story phone starts with 139 (not in
 * BACKGROUND_PHONE_PREFIXES) and every story plate has five digits (background plates always
 * contain a letter), so no background person can ever share a story person's phone or car.
 */
import { hash32 } from '../random.js';

export const BACKGROUND_PHONE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '150', '151', '152', '153', '155', '156', '157', '158',
  '159', '173', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199',
];
const PHONE_SPACE = 100_000_000;
const PHONE_A = 48_271_871; // odd and not a multiple of 5: a bijection modulo 10^8

/** The slot-th phone (0 or 1) of the background person with this index. */
export function backgroundPhone(index: number, slot: number): string {
  const n = index * 2 + slot;
  if (n >= PHONE_SPACE) throw new Error(`phone space exhausted at person ${index}`);
  const v = (Number((BigInt(PHONE_A) * BigInt(n) + 12_345_677n) % BigInt(PHONE_SPACE)));
  const prefix = BACKGROUND_PHONE_PREFIXES[hash32(String(v)) % BACKGROUND_PHONE_PREFIXES.length]!;
  return prefix + String(v).padStart(8, '0');
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O, as on real plates
const ONE_LETTER = 5 * 24 * 10_000;
const TWO_LETTER_PAIRS: [number, number][] = [];
for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) TWO_LETTER_PAIRS.push([a, b]);
const TWO_LETTER = TWO_LETTER_PAIRS.length * 24 * 24 * 1000;
const PLATE_SPACE = ONE_LETTER + TWO_LETTER; // 6,960,000 bodies
const PLATE_A = 1_000_003; // prime, does not divide PLATE_SPACE

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
if (gcd(PLATE_A, PLATE_SPACE) !== 1) throw new Error('plate permutation is not a bijection');

/** The five characters after the prefix (苏M + body), with one or two letters. */
export function backgroundPlateBody(index: number): string {
  if (index >= PLATE_SPACE) throw new Error(`plate space exhausted at person ${index}`);
  let v = Number((BigInt(PLATE_A) * BigInt(index) + 777_777n) % BigInt(PLATE_SPACE));
  const chars: string[] = [];
  if (v < ONE_LETTER) {
    const pos = Math.floor(v / 240_000);
    v %= 240_000;
    const letter = LETTERS[v % 24]!;
    let digits = String(Math.floor(v / 24)).padStart(4, '0');
    for (let i = 0; i < 5; i++) {
      if (i === pos) chars.push(letter);
      else {
        chars.push(digits[0]!);
        digits = digits.slice(1);
      }
    }
  } else {
    v -= ONE_LETTER;
    const [p1, p2] = TWO_LETTER_PAIRS[Math.floor(v / 576_000)]!;
    v %= 576_000;
    const l1 = LETTERS[v % 24]!;
    const l2 = LETTERS[Math.floor(v / 24) % 24]!;
    let digits = String(Math.floor(v / 576)).padStart(3, '0');
    for (let i = 0; i < 5; i++) {
      if (i === p1) chars.push(l1);
      else if (i === p2) chars.push(l2);
      else {
        chars.push(digits[0]!);
        digits = digits.slice(1);
      }
    }
  }
  return chars.join('');
}

/**
 * Remembers which resident IDs are taken, in fixed memory. A false positive only makes the
 * generator draw another sequence number, which is harmless; a duplicate ID never slips
 * through. Sized once from the expected population, so memory does not grow with output.
 */
export class IdNumberFilter {
  private readonly bits: Uint32Array;
  private readonly size: number;

  constructor(expected: number) {
    this.size = Math.max(1 << 16, expected * 16);
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  private probes(id: string): number[] {
    const h1 = hash32(id, 0x9e3779b9);
    const h2 = hash32(id, 0x85ebca6b) | 1;
    return [0, 1, 2, 3].map((i) => (h1 + Math.imul(i, h2)) >>> 0).map((h) => h % this.size);
  }

  has(id: string): boolean {
    return this.probes(id).every((b) => (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0);
  }

  add(id: string): void {
    for (const b of this.probes(id)) this.bits[b >>> 5]! |= 1 << (b & 31);
  }
}
