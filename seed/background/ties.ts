/**
 * Family and social ties among one chunk's persons. Households are consecutive residents;
 * social ties go to others in the same neighbourhood, visitors prefer people from their own
 * home region (老乡), drug users know drug users, ex-offenders sometimes offended together.
 * Ties never leave the chunk and never touch a story person.
 */
import { createRng, WeightedTable } from '../random.js';
import type { RelationRecord, RelationType } from '../records.js';
import type { GenerationContext } from './context.js';
import type { PersonCore } from './persons.js';

export interface Tie {
  from: PersonCore;
  to: PersonCore;
  type: RelationType;
  since: string;
  weight: number;
  note?: string;
}

const HOUSEHOLD_SIZES = new WeightedTable([1, 2, 3, 4, 5], [14, 26, 30, 20, 10]);
const SOCIAL_TYPES = new WeightedTable<RelationType>(['COLLEAGUE', 'ASSOCIATE', 'CONTACT', 'OLD_RELATION', 'PARTNER'], [30, 28, 30, 6, 6]);
const WEIGHT_RANGE: Record<RelationType, [number, number]> = {
  FAMILY: [0.75, 0.95],
  CO_OFFENDER: [0.6, 0.9],
  PARTNER: [0.4, 0.7],
  OLD_RELATION: [0.4, 0.8],
  COLLEAGUE: [0.2, 0.5],
  ASSOCIATE: [0.2, 0.6],
  CONTACT: [0.1, 0.5],
};

export function chunkTies(ctx: GenerationContext, chunk: number, persons: PersonCore[]): Tie[] {
  const rng = createRng(ctx.seed, 'chunk-ties', chunk);
  const referenceYear = Number(ctx.window.referenceDate.slice(0, 4));
  const ties: Tie[] = [];
  const seen = new Set<string>();
  const household = new Map<number, number>();

  const add = (a: PersonCore, b: PersonCore, type: RelationType, note?: string): void => {
    if (a === b) return;
    // One tie of a type per pair, whichever way it was drawn.
    const key = a.index < b.index ? `${a.index}|${b.index}|${type}` : `${b.index}|${a.index}|${type}`;
    if (seen.has(key)) return;
    seen.add(key);
    const [lo, hi] = WEIGHT_RANGE[type];
    const years = type === 'FAMILY' ? rng.int(3, 30) : rng.int(0, 12);
    const since = `${referenceYear - years}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    ties.push({ from: a, to: b, type, since, weight: Math.round((lo + rng.next() * (hi - lo)) * 100) / 100, ...(note ? { note } : {}) });
  };

  const locals = persons.filter((p) => p.local);
  for (let i = 0; i < locals.length; ) {
    const size = HOUSEHOLD_SIZES.draw(rng);
    const members = locals.slice(i, i + size);
    const id = i;
    for (const m of members) household.set(m.index, id);
    for (const m of members.slice(1)) add(members[0]!, m, 'FAMILY', m.age < members[0]!.age - 16 ? '父母子女' : '家庭成员');
    i += size;
  }

  const byOrigin = new Map<string, PersonCore[]>();
  for (const p of persons) {
    if (p.local) continue;
    const list = byOrigin.get(p.origin);
    if (list) list.push(p);
    else byOrigin.set(p.origin, [p]);
  }
  const drugUsers = persons.filter((p) => p.tags.includes('DRUG_USER'));
  const exOffenders = persons.filter((p) => p.tags.includes('EX_OFFENDER'));
  const adults = persons.filter((p) => p.age >= 16);
  if (adults.length < 2) return ties;

  for (const p of adults) {
    const n = rng.poisson(0.85 * p.activity);
    for (let k = 0; k < n; k++) {
      const fellows = byOrigin.get(p.origin);
      if (!p.local && fellows && fellows.length > 1 && rng.chance(0.6)) {
        add(p, rng.pick(fellows), 'ASSOCIATE', '同乡');
        continue;
      }
      const other = rng.pick(adults);
      if (household.has(p.index) && household.get(p.index) === household.get(other.index)) continue;
      add(p, other, SOCIAL_TYPES.draw(rng));
    }
  }
  for (const p of drugUsers) if (drugUsers.length > 1 && rng.chance(0.7)) add(p, rng.pick(drugUsers), 'ASSOCIATE', '吸毒人员相互联系');
  for (const p of exOffenders) if (exOffenders.length > 1 && rng.chance(0.3)) add(p, rng.pick(exOffenders), 'CO_OFFENDER', '曾共同作案');
  return ties;
}

export function relationRecord(t: Tie, serial: number): RelationRecord {
  return {
    kind: 'relation',
    from: t.from.id,
    to: t.to.id,
    type: t.type,
    since: t.since,
    weight: t.weight,
    ...(t.note ? { note: t.note } : {}),
    source: t.type === 'FAMILY' ? 'household-registry' : t.type === 'CO_OFFENDER' ? 'case-system' : 'intel-analysis',
    sourceId: `REL-${String(serial).padStart(7, '0')}`,
  };
}
