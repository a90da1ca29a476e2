/**
 * A small builder the story modules write their scenarios with. Stories are fixed: they
 * take no seed and no scale, so every generated county carries the same story records and
 * the fixture's expected answers hold everywhere. Where a story wants variety (a driver's
 * hundreds of checkpoint passes) it draws from a constant stream, never from the seed.
 */
import { makeResidentId } from '../resident-id.js';
import { COUNTY_CODE } from '../regions.js';
import type {
  CallRecord,
  CaseRecord,
  Employment,
  Gender,
  InvolvementRecord,
  InvolvementRole,
  LoginRecord,
  PassRecord,
  PersonRecord,
  RelationRecord,
  RelationType,
  StayRecord,
} from '../records.js';

export type MovementRecord = StayRecord | LoginRecord | PassRecord | CallRecord;

export interface Story {
  key: string;
  persons: PersonRecord[];
  relations: RelationRecord[];
  cases: CaseRecord[];
  involvements: InvolvementRecord[];
  movements: MovementRecord[];
}

export interface StoryPersonSpec {
  id: string;
  name: string;
  gender: Gender;
  birthDate: string;
  origin: string;
  residence?: string;
  /** Resident-ID sequence 1..999; odd for men, even for women. */
  seq: number;
  phones?: string[];
  plates?: string[];
  employment: Employment;
  tags?: string[];
}

const STORY_PHONE = /^139\d{8}$/;
const STORY_PLATE = /^[\u4e00-\u9fa5][A-Z]\d{5}$/;

export class StoryBuilder {
  private readonly story: Story;
  private readonly phoneOf = new Map<string, string>();
  private readonly plateOf = new Map<string, string>();
  private serial = 0;

  constructor(readonly key: string) {
    this.story = { key, persons: [], relations: [], cases: [], involvements: [], movements: [] };
  }

  private sourceId(kind: string): string {
    this.serial++;
    return `ST-${this.key}-${kind}-${String(this.serial).padStart(4, '0')}`;
  }

  person(spec: StoryPersonSpec): PersonRecord {
    if ((spec.seq % 2 === 1) !== (spec.gender === 'M')) {
      throw new Error(`${spec.id}: sequence ${spec.seq} disagrees with gender ${spec.gender}`);
    }
    // Background numbers never start with 139 and background plates always hold a letter;
    // keeping story identifiers to these shapes is what makes them collision-free.
    for (const p of spec.phones ?? []) if (!STORY_PHONE.test(p)) throw new Error(`${spec.id}: story phone ${p} must be 139 + 8 digits`);
    for (const p of spec.plates ?? []) if (!STORY_PLATE.test(p)) throw new Error(`${spec.id}: story plate ${p} must be prefix + 5 digits`);
    const local = spec.origin === COUNTY_CODE;
    const record: PersonRecord = {
      kind: 'person',
      id: spec.id,
      name: spec.name,
      idNumber: makeResidentId(spec.origin, spec.birthDate, spec.seq),
      gender: spec.gender,
      birthDate: spec.birthDate,
      origin: spec.origin,
      residence: spec.residence ?? spec.origin,
      ...(spec.phones?.length ? { phones: spec.phones } : {}),
      ...(spec.plates?.length ? { plates: spec.plates } : {}),
      employment: spec.employment,
      ...(spec.tags?.length ? { tags: spec.tags } : {}),
      source: local ? 'household-registry' : 'floating-population',
      sourceId: `ST-${spec.id}`,
    };
    if (spec.phones?.[0]) this.phoneOf.set(spec.id, spec.phones[0]);
    if (spec.plates?.[0]) this.plateOf.set(spec.id, spec.plates[0]);
    this.story.persons.push(record);
    return record;
  }

  relation(from: string, to: string, type: RelationType, opts: { since?: string; until?: string; weight?: number; note?: string } = {}): void {
    this.story.relations.push({
      kind: 'relation',
      from,
      to,
      type,
      ...opts,
      source: type === 'FAMILY' ? 'household-registry' : type === 'CO_OFFENDER' ? 'case-system' : 'intel-analysis',
      sourceId: this.sourceId('REL'),
    });
  }

  stay(person: string, location: string, checkIn: string, checkOut?: string, room?: string): void {
    this.story.movements.push({
      kind: 'stay',
      person,
      location,
      checkIn,
      ...(checkOut ? { checkOut } : {}),
      ...(room ? { room } : {}),
      source: 'hotel-registry',
      sourceId: this.sourceId('STAY'),
    });
  }

  login(person: string, location: string, at: string, until?: string): void {
    this.story.movements.push({
      kind: 'login',
      person,
      location,
      at,
      ...(until ? { until } : {}),
      source: 'cafe-system',
      sourceId: this.sourceId('LOGIN'),
    });
  }

  /** A checkpoint pass of the person's (first) car. */
  drive(person: string, location: string, at: string, direction: 'IN' | 'OUT'): void {
    const plate = this.plateOf.get(person);
    if (!plate) throw new Error(`${person} has no plate`);
    this.story.movements.push({ kind: 'pass', plate, location, at, direction, source: 'checkpoint-camera', sourceId: this.sourceId('PASS') });
  }

  /** A call between the (first) phones of two story persons. */
  call(from: string, to: string, at: string, seconds: number): void {
    const a = this.phoneOf.get(from);
    const b = this.phoneOf.get(to);
    if (!a || !b) throw new Error(`call ${from} → ${to}: both need a phone`);
    this.story.movements.push({ kind: 'call', from: a, to: b, at, seconds, source: 'telecom', sourceId: this.sourceId('CALL') });
  }

  addCase(record: Omit<CaseRecord, 'kind' | 'source' | 'sourceId'>): void {
    this.story.cases.push({ kind: 'case', ...record, source: 'case-system', sourceId: `ST-${record.id}` });
  }

  involve(person: string, caseId: string, role: InvolvementRole, note?: string): void {
    this.story.involvements.push({
      kind: 'involvement',
      person,
      case: caseId,
      role,
      ...(note ? { note } : {}),
      source: 'case-system',
      sourceId: this.sourceId('INV'),
    });
  }

  build(): Story {
    return this.story;
  }
}
