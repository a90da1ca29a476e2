/**
 * Everything the background generators share for one run: the seed, the size, the time
 * window and the places, indexed for fast draws. Built once per run; it holds no person,
 * so its size depends on the map, not on the population.
 */
import { WeightedTable } from '../random.js';
import { COUNTY_TOWNS, TOWNS, buildLocations, type Town } from '../geography.js';
import type { LocationRecord } from '../records.js';
import { TimeWindow } from '../time.js';
import type { ReservedIdentifiers } from '../stories/index.js';
import { COLLISION_DATE } from '../stories/xincheng-collision.js';

/** Persons per scale unit: scale 1 is the 20,000-person demo county. */
export const PERSONS_PER_SCALE = 20_000;
/**
 * Persons generated, tied and moved together. A chunk is one neighbourhood of one town:
 * family and social ties stay inside it, which is what lets a million persons stream
 * through in fixed memory and be recomputed chunk by chunk in each pass.
 */
export const CHUNK_SIZE = 1_000;

export interface TownPlaces {
  town: Town;
  hotels: LocationRecord[];
  cafes: LocationRecord[];
  checkpoints: LocationRecord[];
  markets: LocationRecord[];
}

export interface GenerationContext {
  seed: number;
  scale: number;
  window: TimeWindow;
  backgroundPersons: number;
  chunkCount: number;
  locations: LocationRecord[];
  places: Map<string, TownPlaces>;
  /** Where residents live (county towns, by population). */
  homeTowns: WeightedTable<Town>;
  /** Where people travel (every town, by how visited it is). */
  destinations: WeightedTable<Town>;
  /** County towns only, for trips that stay inside 兴化. */
  countyDestinations: WeightedTable<Town>;
  reserved: ReservedIdentifiers;
  /**
   * Window days on which no watch-listed background person (any tag) registers at a hotel or
   * café, so the collision story's date holds exactly its planted group and negative control
   * whatever watch-list a collision runs against.
   */
  watchListQuietDays: Set<number>;
}

export function createContext(seed: number, scale: number, referenceDate: string, reserved: ReservedIdentifiers): GenerationContext {
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number, got ${scale}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const window = new TimeWindow(referenceDate);
  const backgroundPersons = Math.max(1, Math.round(PERSONS_PER_SCALE * scale));
  const locations = buildLocations(scale);
  const places = new Map<string, TownPlaces>();
  for (const town of TOWNS) places.set(town.key, { town, hotels: [], cafes: [], checkpoints: [], markets: [] });
  for (const l of locations) {
    const p = places.get(l.id.split('-')[1]!)!;
    if (l.type === 'HOTEL') p.hotels.push(l);
    else if (l.type === 'INTERNET_CAFE') p.cafes.push(l);
    else if (l.type === 'CHECKPOINT') p.checkpoints.push(l);
    else if (l.type === 'MARKET') p.markets.push(l);
  }
  const quiet = new Set<number>();
  for (const offset of [-1, 0]) {
    const day = window.dayOf(COLLISION_DATE) + offset;
    if (day >= 0 && day < window.days) quiet.add(day);
  }
  return {
    seed,
    scale,
    window,
    backgroundPersons,
    chunkCount: Math.ceil(backgroundPersons / CHUNK_SIZE),
    locations,
    places,
    homeTowns: new WeightedTable(COUNTY_TOWNS, COUNTY_TOWNS.map((t) => t.population)),
    destinations: new WeightedTable(TOWNS, TOWNS.map((t) => t.visits)),
    countyDestinations: new WeightedTable(COUNTY_TOWNS, COUNTY_TOWNS.map((t) => t.visits)),
    reserved,
    watchListQuietDays: quiet,
  };
}

export function placesOf(ctx: GenerationContext, town: Town): TownPlaces {
  return ctx.places.get(town.key)!;
}
