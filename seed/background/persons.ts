/**
 * The background population, one chunk (neighbourhood) at a time. A chunk's persons are a
 * pure function of (seed, chunk index), so later passes rebuild them instead of keeping a
 * million persons in memory. Resident IDs are the one exception: their uniqueness needs the
 * filter of IDs already issued, so they are assigned in the person pass only, from a
 * separate stream that does not disturb the chunk's other draws.
 */
import { createRng, WeightedTable, type Rng } from '../random.js';
import { HOME_REGIONS, OUT_OF_TOWN_ORIGINS, COUNTY_CODE, originSpec } from '../regions.js';
import { fullName } from '../names.js';
import { makeResidentId } from '../resident-id.js';
import type { Employment, Gender, PersonRecord } from '../records.js';
import type { Town } from '../geography.js';
import { CHUNK_SIZE, type GenerationContext } from './context.js';
import { backgroundPhone, backgroundPlateBody, type IdNumberFilter } from './identifiers.js';

export interface PersonCore {
  index: number;
  id: string;
  name: string;
  gender: Gender;
  birthDate: string;
  age: number;
  origin: string;
  local: boolean;
  /** Out-of-town people who live and work here (务工) rather than pass through. */
  migrant: boolean;
  homeTown: Town;
  employment: Employment;
  tags: string[];
  phones: string[];
  plates: string[];
  /** How busy the person is; scales every kind of movement (heavy-tailed but capped). */
  activity: number;
}

const NEIGHBOUR_ORIGINS = HOME_REGIONS.filter((r) => r.code !== COUNTY_CODE);
const NEIGHBOUR_TABLE = new WeightedTable(NEIGHBOUR_ORIGINS.map((r) => r.code), NEIGHBOUR_ORIGINS.map((r) => r.weight));
const ORIGIN_TABLE = new WeightedTable(OUT_OF_TOWN_ORIGINS.map((r) => r.code), OUT_OF_TOWN_ORIGINS.map((r) => r.weight));
// Ages of residents: fewer teenagers and very old people, as in a 2020s county.
const LOCAL_AGES = new WeightedTable(
  [[16, 24], [25, 34], [35, 44], [45, 54], [55, 64], [65, 74], [75, 88]] as [number, number][],
  [10, 14, 15, 19, 18, 14, 10],
);
const WORKING: Employment[] = ['EMPLOYED', 'UNEMPLOYED', 'UNKNOWN'];
const LOCAL_EMPLOYMENT = new WeightedTable(WORKING, [72, 13, 15]);
const VISITOR_EMPLOYMENT = new WeightedTable(WORKING, [64, 21, 15]);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const personId = (index: number) => `P-${String(index + 1).padStart(6, '0')}`;

function birthDateFor(rng: Rng, referenceYear: number, age: number): string {
  const year = referenceYear - age;
  const month = rng.int(1, 12);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
  return `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, days)).padStart(2, '0')}`;
}

export function chunkTown(ctx: GenerationContext, chunk: number): Town {
  return ctx.homeTowns.draw(createRng(ctx.seed, 'chunk-town', chunk));
}

export function chunkRange(ctx: GenerationContext, chunk: number): [number, number] {
  const start = chunk * CHUNK_SIZE;
  return [start, Math.min(start + CHUNK_SIZE, ctx.backgroundPersons)];
}

export function chunkPersons(ctx: GenerationContext, chunk: number): PersonCore[] {
  const rng = createRng(ctx.seed, 'chunk-persons', chunk);
  const town = chunkTown(ctx, chunk);
  const referenceYear = Number(ctx.window.referenceDate.slice(0, 4));
  const [start, end] = chunkRange(ctx, chunk);
  const out: PersonCore[] = [];
  for (let index = start; index < end; index++) {
    const local = rng.chance(0.87);
    const origin = local ? (rng.chance(0.92) ? COUNTY_CODE : NEIGHBOUR_TABLE.draw(rng)) : ORIGIN_TABLE.draw(rng);
    const gender: Gender = rng.chance(local ? 0.5 : 0.68) ? 'M' : 'F';
    let age: number;
    if (local) {
      const [lo, hi] = LOCAL_AGES.draw(rng);
      age = rng.int(lo, hi);
    } else age = Math.round(Math.min(62, Math.max(18, rng.normal(36, 9))));
    const birthDate = birthDateFor(rng, referenceYear, age);
    const name = fullName(rng, gender, referenceYear - age, ctx.reserved.names);

    let employment: Employment;
    if (age <= 22 && rng.chance(0.65)) employment = 'STUDENT';
    else if (age >= 63) employment = rng.chance(0.7) ? 'UNKNOWN' : 'EMPLOYED';
    else employment = (local ? LOCAL_EMPLOYMENT : VISITOR_EMPLOYMENT).draw(rng);

    const tags: string[] = [];
    const adult = age >= 18;
    if (adult && rng.chance(gender === 'M' ? 0.026 : 0.006)) tags.push('EX_OFFENDER');
    if (adult && age < 60 && rng.chance(local ? 0.004 : 0.012)) {
      tags.push('DRUG_USER');
      if (rng.chance(0.7)) employment = 'UNEMPLOYED';
    }
    if (adult && rng.chance(0.0005)) tags.push('FUGITIVE');

    const phones = age >= 14 ? [backgroundPhone(index, 0)] : [];
    if (phones.length && rng.chance(0.12)) phones.push(backgroundPhone(index, 1));
    const plates: string[] = [];
    if (age >= 20 && age <= 72 && rng.chance(local ? 0.32 : 0.22)) {
      // Residents' cars are registered here (苏M); visitors mostly drive their home plates.
      const prefix = local || rng.chance(0.4) ? originSpec(COUNTY_CODE).plate : originSpec(origin).plate;
      plates.push(prefix + backgroundPlateBody(index));
    }
    const activity = Math.min(3, Math.max(0.3, Math.exp(rng.normal(0, 0.45))));
    out.push({
      index,
      id: personId(index),
      name,
      gender,
      birthDate,
      age,
      origin,
      local,
      migrant: !local && rng.chance(0.45),
      homeTown: town,
      employment,
      tags,
      phones,
      plates,
      activity,
    });
  }
  return out;
}

/** Issues the person's resident ID: a free sequence number of the right parity. */
export function issueIdNumber(ctx: GenerationContext, p: PersonCore, filter: IdNumberFilter): string {
  const rng = createRng(ctx.seed, 'resident-seq', p.index);
  for (let attempt = 0; attempt < 500; attempt++) {
    const half = rng.int(0, 498);
    const seq = p.gender === 'M' ? 2 * half + 1 : 2 * half + 2;
    const id = makeResidentId(p.origin, p.birthDate, seq);
    if (filter.has(id) || ctx.reserved.idNumbers.has(id)) continue;
    filter.add(id);
    return id;
  }
  throw new Error(`no free resident-ID sequence for ${p.id} (${p.origin}, ${p.birthDate})`);
}

export function personRecord(p: PersonCore, idNumber: string): PersonRecord {
  return {
    kind: 'person',
    id: p.id,
    name: p.name,
    idNumber,
    gender: p.gender,
    birthDate: p.birthDate,
    origin: p.origin,
    residence: p.local || p.migrant ? COUNTY_CODE : p.origin,
    ...(p.phones.length ? { phones: p.phones } : {}),
    ...(p.plates.length ? { plates: p.plates } : {}),
    employment: p.employment,
    ...(p.tags.length ? { tags: p.tags } : {}),
    source: p.local ? 'household-registry' : 'floating-population',
    sourceId: `${p.local ? 'HR' : 'FP'}-${p.id.slice(2)}`,
  };
}
