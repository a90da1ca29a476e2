/**
 * The pure generation step: (seed, scale, reference date) in, exchange-format records out,
 * as a lazy stream. Nothing is written and nothing global is touched; the same options
 * always yield the same records in the same order.
 *
 * Order: regions, stations, locations, persons, relations, cases, involvements, then the
 * movements (stays, logins, passes, calls, chunk by chunk). So every record a line names has
 * already been written, though the format does not require it. Each pass over the background
 * rebuilds its chunks of persons from the seed instead of remembering them: memory stays
 * flat whether the county holds twenty thousand persons or a million.
 */
import type { ExchangeRecord, RegionRecord } from './records.js';
import { ALL_REGIONS } from './regions.js';
import { stationRecords } from './geography.js';
import { DEFAULT_REFERENCE_DATE } from './time.js';
import { buildStories, reservedIdentifiers, type Story } from './stories/index.js';
import { createContext, type GenerationContext } from './background/context.js';
import { chunkPersons, issueIdNumber, personRecord, type PersonCore } from './background/persons.js';
import { chunkTies, relationRecord } from './background/ties.js';
import { chunkCases } from './background/cases.js';
import { chunkMovements, type MovementSerials } from './background/movements.js';
import { IdNumberFilter } from './background/identifiers.js';

export interface GenerateOptions {
  seed: number;
  /** 1 ≈ 20,000 background persons; 50 ≈ 1,000,000. Fractions are allowed (tests use 0.1). */
  scale: number;
  /** Last day of the 90-day background window (YYYY-MM-DD); the stories keep their dates. */
  referenceDate?: string;
}

function* eachChunk(ctx: GenerationContext): Generator<[number, PersonCore[]]> {
  for (let c = 0; c < ctx.chunkCount; c++) yield [c, chunkPersons(ctx, c)];
}

export function* generateCounty(options: GenerateOptions): Generator<ExchangeRecord> {
  const stories: Story[] = buildStories();
  const ctx = createContext(options.seed, options.scale, options.referenceDate ?? DEFAULT_REFERENCE_DATE, reservedIdentifiers(stories));

  for (const r of ALL_REGIONS) {
    const rec: RegionRecord = { kind: 'region', code: r.code, name: r.name, ...(r.parent ? { parent: r.parent } : {}), source: 'admin-division', sourceId: r.code };
    yield rec;
  }
  yield* stationRecords();
  yield* ctx.locations;

  for (const s of stories) yield* s.persons;
  const filter = new IdNumberFilter(ctx.backgroundPersons);
  for (const id of ctx.reserved.idNumbers) filter.add(id);
  for (const [, persons] of eachChunk(ctx)) {
    for (const p of persons) yield personRecord(p, issueIdNumber(ctx, p, filter));
  }

  for (const s of stories) yield* s.relations;
  let relationSerial = 0;
  for (const [c, persons] of eachChunk(ctx)) {
    for (const t of chunkTies(ctx, c, persons)) yield relationRecord(t, ++relationSerial);
  }

  // Cases and their involvements come from one draw per chunk; two passes keep the kinds
  // apart in the stream without holding a whole county's involvements.
  for (const s of stories) yield* s.cases;
  let caseSerial = 1;
  for (const [c, persons] of eachChunk(ctx)) {
    const { cases } = chunkCases(ctx, c, persons, caseSerial);
    caseSerial += cases.length;
    yield* cases;
  }
  for (const s of stories) yield* s.involvements;
  caseSerial = 1;
  for (const [c, persons] of eachChunk(ctx)) {
    const { cases, involvements } = chunkCases(ctx, c, persons, caseSerial);
    caseSerial += cases.length;
    yield* involvements;
  }

  for (const s of stories) yield* s.movements;
  const serials: MovementSerials = { stay: 0, login: 0, pass: 0, call: 0 };
  for (const [c, persons] of eachChunk(ctx)) {
    yield* chunkMovements(ctx, c, persons, chunkTies(ctx, c, persons), serials);
  }
}
