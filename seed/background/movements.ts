/**
 * Ninety days of traces for one chunk's persons: hotel stays, internet-café logins,
 * checkpoint passes of their cars and phone calls. Rates are per person and scaled by the
 * person's activity, so the volume grows linearly with the population (about 7 records a
 * person). Residents mostly stay away from home and log in near it; visitors stay where they
 * are; calls go mostly to the person's own ties. Every natural key (person|place|time,
 * plate|place|time, from|to|time) is unique, so an import counts exactly what was written.
 */
import { createRng, WeightedTable, type Rng } from '../random.js';
import type { CallRecord, LoginRecord, PassRecord, StayRecord } from '../records.js';
import type { Town } from '../geography.js';
import { placesOf, type GenerationContext } from './context.js';
import type { PersonCore } from './persons.js';
import type { Tie } from './ties.js';

export type BackgroundMovement = StayRecord | LoginRecord | PassRecord | CallRecord;

const NIGHTS = new WeightedTable([1, 2, 3], [80, 15, 5]);

const clamp = (x: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, x)));
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Serial numbers for sourceIds, counted across chunks by the caller. */
export interface MovementSerials {
  stay: number;
  login: number;
  pass: number;
  call: number;
}

export function* chunkMovements(
  ctx: GenerationContext,
  chunk: number,
  persons: PersonCore[],
  ties: Tie[],
  serials: MovementSerials,
): Generator<BackgroundMovement> {
  const rng = createRng(ctx.seed, 'chunk-moves', chunk);
  const w = ctx.window;
  const lastMinute = w.days * 1440;
  const callable = persons.filter((p) => p.phones.length > 0);
  const partners = new Map<number, PersonCore[]>();
  for (const t of ties) {
    if (t.to.phones.length) (partners.get(t.from.index) ?? partners.set(t.from.index, []).get(t.from.index)!).push(t.to);
    if (t.from.phones.length) (partners.get(t.to.index) ?? partners.set(t.to.index, []).get(t.to.index)!).push(t.from);
  }

  for (const p of persons) {
    const quiet = p.tags.length > 0 ? ctx.watchListQuietDays : undefined;
    const day = (minute: number): number | undefined => drawDay(rng, w.days, minute, quiet);
    const keys = new Set<string>();
    const fresh = (key: string) => !keys.has(key) && (keys.add(key), true);

    const stays = rng.poisson((p.local ? 0.5 : p.migrant ? 1.6 : 4.2) * p.activity);
    for (let i = 0; i < stays; i++) {
      const inMinute = clamp(rng.normal(20.5 * 60, 120), 12 * 60, 26 * 60 + 59);
      const d = day(inMinute);
      const town = p.local ? (rng.chance(0.55) ? ctx.countyDestinations.draw(rng) : ctx.destinations.draw(rng)) : rng.chance(0.65) ? p.homeTown : ctx.destinations.draw(rng);
      const hotel = rng.pick(placesOf(ctx, town).hotels);
      const outMinute = NIGHTS.draw(rng) * 1440 + rng.int(6 * 60 + 30, 12 * 60);
      const room = `${rng.int(1, 5)}${pad2(rng.int(1, 20))}`;
      if (d === undefined || !fresh(`S|${hotel.id}|${d}|${inMinute}`)) continue;
      const stillIn = d * 1440 + outMinute >= lastMinute;
      yield {
        kind: 'stay',
        person: p.id,
        location: hotel.id,
        checkIn: w.at(d, inMinute),
        ...(stillIn ? {} : { checkOut: w.at(d, outMinute) }),
        room,
        source: 'hotel-registry',
        sourceId: `LG${String(++serials.stay).padStart(9, '0')}`,
      };
    }

    const logins = rng.poisson((p.age <= 40 ? 3 : p.age <= 55 ? 0.6 : 0.1) * p.activity);
    for (let i = 0; i < logins; i++) {
      const start = clamp(rng.normal(17 * 60, 240), 8 * 60, 25 * 60 + 30);
      const d = day(start);
      const town: Town = rng.chance(p.local || p.migrant ? 0.85 : 0.7) ? p.homeTown : ctx.countyDestinations.draw(rng);
      const cafe = rng.pick(placesOf(ctx, town).cafes);
      const length = rng.int(30, 300);
      if (d === undefined || !fresh(`L|${cafe.id}|${d}|${start}`)) continue;
      yield {
        kind: 'login',
        person: p.id,
        location: cafe.id,
        at: w.at(d, start),
        until: w.at(d, start + length),
        source: 'cafe-system',
        sourceId: `WB${String(++serials.login).padStart(9, '0')}`,
      };
    }

    for (const plate of p.plates) {
      const passes = rng.poisson(9 * p.activity);
      for (let i = 0; i < passes; i++) {
        const d = rng.int(0, w.days - 1);
        const town = rng.chance(0.55) ? p.homeTown : ctx.destinations.draw(rng);
        const k = rng.pick(placesOf(ctx, town).checkpoints);
        const minute = clamp(rng.normal(13 * 60, 210), 5 * 60, 23 * 60 + 30);
        const second = rng.int(0, 59);
        const direction = rng.chance(0.5) ? 'IN' : 'OUT';
        if (!fresh(`P|${k.id}|${d}|${minute}|${second}`)) continue;
        yield {
          kind: 'pass',
          plate,
          location: k.id,
          at: w.at(d, minute, second),
          direction,
          source: 'checkpoint-camera',
          sourceId: `KK${String(++serials.pass).padStart(10, '0')}`,
        };
      }
    }

    if (p.phones.length && callable.length > 1) {
      const calls = rng.poisson(2 * p.activity);
      const mine = partners.get(p.index);
      for (let i = 0; i < calls; i++) {
        const other = mine && rng.chance(0.7) ? rng.pick(mine) : rng.pick(callable);
        const d = rng.int(0, w.days - 1);
        const minute = clamp(rng.normal(14.5 * 60, 240), 6 * 60, 23 * 60 + 50);
        const second = rng.int(0, 59);
        const seconds = rng.chance(0.5) ? rng.int(8, 60) : rng.int(60, 900);
        const from = p.phones.length > 1 && rng.chance(0.2) ? p.phones[1]! : p.phones[0]!;
        const to = other.phones[0]!;
        if (other === p || !fresh(`C|${to}|${d}|${minute}|${second}`)) continue;
        yield {
          kind: 'call',
          from,
          to,
          at: w.at(d, minute, second),
          seconds,
          source: 'telecom',
          sourceId: `HD${String(++serials.call).padStart(10, '0')}`,
        };
      }
    }
  }
}

/**
 * A day for an event at `minute` (which may run past midnight) so that the event itself falls
 * inside the window and not on one of the person's quiet days; undefined when none was found.
 */
function drawDay(rng: Rng, days: number, minute: number, quiet: Set<number> | undefined): number | undefined {
  const spill = Math.floor(minute / 1440);
  for (let attempt = 0; attempt < 4; attempt++) {
    const d = rng.int(0, days - 1 - spill);
    if (!quiet?.has(d + spill)) return d;
  }
  return undefined;
}
