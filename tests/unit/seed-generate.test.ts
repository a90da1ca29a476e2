import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { generateCounty } from '../../seed/generate.js';
import { validateResidentId } from '../../seed/resident-id.js';
import type { ExchangeRecord, RecordKind } from '../../seed/records.js';

const SEED = 20260327;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function hashStream(records: Iterable<ExchangeRecord>): string {
  const h = createHash('sha256');
  for (const r of records) h.update(`${JSON.stringify(r)}\n`);
  return h.digest('hex');
}

function countKinds(records: Iterable<ExchangeRecord>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
}

/** Story records are the ones the story builder wrote: their sourceId starts with ST-. */
const isStory = (r: ExchangeRecord) => r.sourceId?.startsWith('ST-') ?? false;

let county: ExchangeRecord[];

beforeAll(() => {
  county = [...generateCounty({ seed: SEED, scale: 1 })];
}, 60_000);

describe('generateCounty: determinism', () => {
  it('writes the same stream for the same seed and scale', () => {
    expect(hashStream(generateCounty({ seed: SEED, scale: 1 }))).toBe(hashStream(county));
  }, 30_000);

  it('varies the background with the seed and keeps the stories identical', () => {
    const other = [...generateCounty({ seed: 4242, scale: 1 })];
    expect(hashStream(other)).not.toBe(hashStream(county));
    const bg = (rs: ExchangeRecord[]) => rs.find((r) => r.kind === 'person' && r.id === 'P-000001');
    expect(bg(other)).not.toEqual(bg(county));
    expect(hashStream(other.filter(isStory))).toBe(hashStream(county.filter(isStory)));
  }, 30_000);

  it('keeps the stories identical at every scale', () => {
    const small = [...generateCounty({ seed: 99, scale: 0.1 })].filter(isStory);
    expect(small.length).toBeGreaterThan(800);
    expect(hashStream(small)).toBe(hashStream(county.filter(isStory)));
  }, 30_000);
});

describe('generateCounty: scale 1 volumes', () => {
  it('has about 20,000 persons and 5-8 movement records per person', () => {
    const c = countKinds(county);
    expect(c.person).toBeGreaterThanOrEqual(20_000);
    expect(c.person).toBeLessThan(20_100);
    const movements = c.stay! + c.login! + c.pass! + c.call!;
    expect(movements).toBeGreaterThan(100_000);
    expect(movements).toBeLessThan(160_000);
    expect(movements / c.person!).toBeGreaterThan(5);
    expect(movements / c.person!).toBeLessThan(8);
    expect(c.relation).toBeGreaterThan(20_000);
    expect(c.relation).toBeLessThan(40_000);
    expect(c.case).toBeGreaterThan(250);
    expect(c.case).toBeLessThan(500);
    expect(c.involvement).toBeGreaterThan(c.case! * 0.9);
    for (const kind of ['region', 'station', 'location', 'stay', 'login', 'pass', 'call'] as RecordKind[]) expect(c[kind]).toBeGreaterThan(0);
  });

  it('grows linearly with the scale', () => {
    const half = countKinds(generateCounty({ seed: SEED, scale: 0.5 }));
    const full = countKinds(county);
    for (const kind of ['person', 'relation', 'stay', 'login', 'pass', 'call'] as RecordKind[]) {
      expect(half[kind]! / full[kind]!).toBeGreaterThan(0.45);
      expect(half[kind]! / full[kind]!).toBeLessThan(0.56);
    }
  }, 30_000);

  it('emits kinds in dependency order: places and persons before anything that names them', () => {
    const firstIndex = new Map<string, number>();
    const lastIndex = new Map<string, number>();
    county.forEach((r, i) => {
      if (!firstIndex.has(r.kind)) firstIndex.set(r.kind, i);
      lastIndex.set(r.kind, i);
    });
    for (const [before, after] of [['region', 'station'], ['station', 'location'], ['location', 'person'], ['person', 'relation'], ['relation', 'case'], ['case', 'involvement'], ['involvement', 'stay']]) {
      expect(lastIndex.get(before!)!).toBeLessThan(firstIndex.get(after!)!);
    }
  });
});

describe('generateCounty: every record is valid', () => {
  it('issues valid, unique resident IDs that agree with birth date and gender', () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const r of county) {
      if (r.kind !== 'person') continue;
      const check = validateResidentId(r.idNumber!);
      const agrees = check.valid && check.birthDate === r.birthDate && check.gender === r.gender && check.regionCode === r.origin;
      if (!agrees) wrong.push(`${r.id} ${r.idNumber}: ${JSON.stringify(check)}`);
      if (seen.has(r.idNumber!)) wrong.push(`${r.id} duplicate ${r.idNumber}`);
      seen.add(r.idNumber!);
    }
    expect(seen.size).toBeGreaterThan(20_000);
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('resolves every reference within the generated data', () => {
    const ids = { region: new Set<string>(), station: new Set<string>(), location: new Set<string>(), person: new Set<string>(), case: new Set<string>() };
    const phones = new Set<string>();
    const plates = new Set<string>();
    for (const r of county) {
      if (r.kind === 'region') ids.region.add(r.code);
      else if (r.kind === 'station' || r.kind === 'location' || r.kind === 'case') ids[r.kind].add(r.id);
      else if (r.kind === 'person') {
        ids.person.add(r.id);
        for (const p of r.phones ?? []) {
          expect(phones.has(p), `phone ${p} shared`).toBe(false);
          phones.add(p);
        }
        for (const p of r.plates ?? []) {
          expect(plates.has(p), `plate ${p} shared`).toBe(false);
          plates.add(p);
        }
      }
    }
    const missing: string[] = [];
    const need = (set: Set<string>, value: string | undefined, what: string) => {
      if (value !== undefined && !set.has(value)) missing.push(`${what} ${value}`);
    };
    for (const r of county) {
      switch (r.kind) {
        case 'region': need(ids.region, r.parent, 'region parent'); break;
        case 'station': need(ids.region, r.region, 'station region'); break;
        case 'location': need(ids.station, r.station, 'location station'); need(ids.region, r.region, 'location region'); break;
        case 'person': need(ids.region, r.origin, 'origin'); need(ids.region, r.residence, 'residence'); break;
        case 'relation': need(ids.person, r.from, 'relation from'); need(ids.person, r.to, 'relation to'); break;
        case 'stay': case 'login': need(ids.person, r.person, r.kind); need(ids.location, r.location, r.kind); break;
        case 'pass': need(plates, r.plate, 'pass plate'); need(ids.location, r.location, 'pass location'); break;
        case 'call': need(phones, r.from, 'call from'); need(phones, r.to, 'call to'); break;
        case 'case': need(ids.location, r.location, 'case location'); need(ids.region, r.region, 'case region'); break;
        case 'involvement': need(ids.person, r.person, 'involvement person'); need(ids.case, r.case, 'involvement case'); break;
      }
    }
    expect(missing.slice(0, 10)).toEqual([]);
  });

  it('gives every record provenance, unique ids and unique natural keys', () => {
    const keys = new Set<string>();
    const dup: string[] = [];
    const unsourced: ExchangeRecord[] = [];
    for (const r of county) {
      if (!r.source || !r.sourceId) unsourced.push(r);
      let key: string;
      switch (r.kind) {
        case 'region': key = r.code; break;
        case 'station': case 'location': case 'person': case 'case': key = r.id; break;
        case 'relation': key = `${r.from}|${r.to}|${r.type}`; break;
        case 'stay': key = `${r.person}|${r.location}|${r.checkIn}`; break;
        case 'login': key = `${r.person}|${r.location}|${r.at}`; break;
        case 'pass': key = `${r.plate}|${r.location}|${r.at}`; break;
        case 'call': key = `${r.from}|${r.to}|${r.at}`; break;
        case 'involvement': key = `${r.person}|${r.case}|${r.role}`; break;
      }
      const full = `${r.kind}:${key}`;
      if (keys.has(full)) dup.push(full);
      keys.add(full);
    }
    expect(keys.size).toBe(county.length);
    expect(unsourced.slice(0, 10)).toEqual([]);
    expect(dup.slice(0, 10)).toEqual([]);
  });

  it('writes times as ISO 8601 with +08:00, dates as YYYY-MM-DD, and values from the vocabularies', () => {
    const vocab = {
      relation: ['FAMILY', 'ASSOCIATE', 'CO_OFFENDER', 'PARTNER', 'OLD_RELATION', 'COLLEAGUE', 'CONTACT'],
      location: ['HOTEL', 'INTERNET_CAFE', 'CHECKPOINT', 'MARKET', 'ADDRESS', 'OTHER'],
      case: ['THEFT', 'FRAUD', 'DRUG', 'ROBBERY', 'ASSAULT', 'OTHER'],
      role: ['SUSPECT', 'OFFENDER', 'VICTIM', 'WITNESS'],
      tags: ['FUGITIVE', 'DRUG_USER', 'EX_OFFENDER'],
    };
    // Collected, not asserted record by record: 170,000 expect() calls outlast a busy machine's test timeout.
    const wrong: string[] = [];
    const check = (ok: unknown, r: ExchangeRecord, what: string) => ok || wrong.push(`${r.kind} ${r.sourceId}: ${what}`);
    const times = (r: ExchangeRecord, ...xs: (string | undefined)[]) =>
      xs.forEach((x) => x === undefined || check(TIME.test(x), r, `time ${x}`));
    for (const r of county) {
      if (r.kind === 'stay') times(r, r.checkIn, r.checkOut);
      else if (r.kind === 'login') times(r, r.at, r.until);
      else if (r.kind === 'pass' || r.kind === 'call') times(r, r.at);
      else if (r.kind === 'case') {
        times(r, r.occurredFrom, r.occurredTo);
        check(vocab.case.includes(r.type), r, `type ${r.type}`);
        check(['OPEN', 'SOLVED'].includes(r.status), r, `status ${r.status}`);
      } else if (r.kind === 'relation') {
        check(vocab.relation.includes(r.type), r, `type ${r.type}`);
        if (r.since) check(DATE.test(r.since), r, `since ${r.since}`);
        if (r.weight !== undefined) check(r.weight >= 0 && r.weight <= 1, r, `weight ${r.weight}`);
      } else if (r.kind === 'location') {
        check(vocab.location.includes(r.type), r, `type ${r.type}`);
        check(r.station && r.region && r.town, r, 'station, region and town');
      } else if (r.kind === 'involvement') check(vocab.role.includes(r.role), r, `role ${r.role}`);
      else if (r.kind === 'person') for (const t of r.tags ?? []) check(vocab.tags.includes(t), r, `tag ${t}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('keeps background movements inside the 90-day window', () => {
    const outside: string[] = [];
    for (const r of county) {
      if (isStory(r)) continue;
      const at = r.kind === 'stay' ? r.checkIn : r.kind === 'login' || r.kind === 'pass' || r.kind === 'call' ? r.at : undefined;
      if (at === undefined) continue;
      if (!(at.slice(0, 10) >= '2026-06-03' && at.slice(0, 10) <= '2026-08-31')) outside.push(`${r.kind} ${at}`);
    }
    expect(outside.slice(0, 10)).toEqual([]);
  });

  it('never ties the background to a story person', () => {
    const story = new Set(county.filter((r) => r.kind === 'person' && isStory(r)).map((r) => (r as { id: string }).id));
    const storyPhones = new Set(county.flatMap((r) => (r.kind === 'person' && story.has(r.id) ? (r.phones ?? []) : [])));
    const storyNames = new Set(county.flatMap((r) => (r.kind === 'person' && story.has(r.id) ? [r.name] : [])));
    expect(story.size).toBeGreaterThan(0);
    const tied = county.filter(
      (r) =>
        !isStory(r) &&
        ((r.kind === 'relation' && (story.has(r.from) || story.has(r.to))) ||
          ((r.kind === 'involvement' || r.kind === 'stay' || r.kind === 'login') && story.has(r.person)) ||
          (r.kind === 'call' && (storyPhones.has(r.from) || storyPhones.has(r.to))) ||
          (r.kind === 'person' && storyNames.has(r.name))),
    );
    expect(tied.slice(0, 10)).toEqual([]);
  });
});
