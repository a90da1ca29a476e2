/**
 * Movements as relationships with time properties (shape A) or as event nodes (shape B)?
 * Loads the same synthetic stays in both shapes into one Neo4j, times the trajectory
 * queries the techniques need on both with the same seeded random parameters, prints
 * p50/p95 and the B/A ratios, and deletes everything it wrote. Figures: docs/movement-model.md.
 *
 *   npx tsx bench/movement-model.bench.ts            20,000 persons, 500 places, 150,000 stays (~3 min)
 *   npx tsx bench/movement-model.bench.ts --full     200,000 / 2,000 / 1,500,000 (~15 min)
 *     [--persons N] [--locations N] [--stays N] [--days 90] [--samples 200] [--warmup 20]
 *     [--seed 20260327] [--batch 10000] [--sizes] [--keep] [--skip-load]
 *
 * --sizes restarts the database after the timings (so every page is on disk) and reports
 * index sizes; it needs a managed database that this run started itself. --keep leaves the
 * data in place and --skip-load reuses it (same size options), for working on the queries.
 *
 * Uses NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD when set; otherwise the managed local Neo4j
 * (CLEW_NEO4J_HOME, CLEW_NEO4J_PORT), started here if it is not running and stopped again
 * if this run started it. Everything it writes has its own labels (BenchPersonA …), so it
 * can run against a shared database.
 */
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, usesManagedDatabase } from '../server/src/config.js';
import { localCredentials, startLocal, stopLocal } from '../server/src/local-neo4j/server-process.js';

// ---------------------------------------------------------------- options

interface Options {
  persons: number;
  locations: number;
  stays: number;
  days: number;
  samples: number;
  warmup: number;
  seed: number;
  batch: number;
  keep: boolean;
  skipLoad: boolean;
  sizes: boolean;
}

function readOptions(argv: string[]): Options {
  const s = { type: 'string' } as const;
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      persons: s, locations: s, stays: s, days: s, samples: s, warmup: s, seed: s, batch: s,
      full: { type: 'boolean' },
      keep: { type: 'boolean' },
      'skip-load': { type: 'boolean' },
      sizes: { type: 'boolean' },
    },
  });
  const int = (value: string | undefined, name: string, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, not ${value}`);
    return n;
  };
  const full = v.full ?? false;
  return {
    persons: int(v.persons, 'persons', full ? 200_000 : 20_000, 100),
    locations: int(v.locations, 'locations', full ? 2_000 : 500, 20),
    stays: int(v.stays, 'stays', full ? 1_500_000 : 150_000, 1_000),
    days: int(v.days, 'days', 90, 31),
    samples: int(v.samples, 'samples', 200, 1),
    warmup: int(v.warmup, 'warmup', 20, 0),
    seed: int(v.seed, 'seed', 20260327, 0),
    batch: int(v.batch, 'batch', 10_000, 1),
    keep: v.keep ?? false,
    skipLoad: v['skip-load'] ?? false,
    sizes: v.sizes ?? false,
  };
}

// ---------------------------------------------------------------- synthetic data (pure)

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws 0..n-1 with weight (rank + offset)^-exponent; ranks are shuffled so hubs get arbitrary ids. */
function powerLaw(n: number, offset: number, exponent: number, rnd: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += (i + offset) ** -exponent;
  const ids = shuffled(n, rnd);
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return ids[lo]!;
  };
}

function shuffled(n: number, rnd: () => number): Int32Array {
  const a = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const DAY = 86_400;
/** 2026-01-01T00:00:00+08:00 in Unix seconds. */
const START = Date.UTC(2025, 11, 31, 16) / 1000;
const MIN_STAY = 2 * 3600;
const MAX_STAY_HOURS = 48;

interface Dataset {
  persons: number;
  locations: number;
  days: number;
  /** One entry per stay, sorted by check-in (the order a feed delivers them). */
  person: Int32Array;
  location: Int32Array;
  checkIn: Float64Array;
  duration: Int32Array;
  staysPerPerson: Int32Array;
  staysPerLocation: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
}

/**
 * Skewed on both sides, as real registers are: a few hubs (stations, big hotels) take
 * thousands of stays and a few persons a few hundred, most have a handful; 40 % of a
 * person's stays return to one of their three usual places.
 */
function generate(o: Options): Dataset {
  const rnd = prng(o.seed);
  const pickPerson = powerLaw(o.persons, 500, 0.8, rnd);
  const pickLocation = powerLaw(o.locations, 10, 1.0, rnd);
  const span = (o.days + 1) * DAY;
  if (!Number.isSafeInteger(o.persons * o.locations * span)) throw new Error('sizes too large for the stay de-duplication key');
  const favourites = new Int32Array(o.persons * 3).fill(-1);
  const seen = new Set<number>();
  const person = new Int32Array(o.stays);
  const location = new Int32Array(o.stays);
  const checkIn = new Float64Array(o.stays);
  const duration = new Int32Array(o.stays);
  for (let i = 0; i < o.stays; i++) {
    const p = pickPerson();
    const usual = favourites[p * 3 + Math.floor(rnd() * 3)]!;
    let l = usual;
    if (rnd() >= 0.4 || usual < 0) {
      l = pickLocation();
      favourites[p * 3 + Math.floor(rnd() * 3)] = l;
    }
    const secondOfDay = rnd() < 0.7 ? DAY / 2 + Math.floor(rnd() * (DAY / 2)) : Math.floor(rnd() * DAY);
    let offset = Math.floor(rnd() * o.days) * DAY + secondOfDay;
    // The natural key is person|place|checkIn: move a rare exact duplicate by a second.
    while (seen.has((p * o.locations + l) * span + offset)) offset++;
    seen.add((p * o.locations + l) * span + offset);
    person[i] = p;
    location[i] = l;
    checkIn[i] = START + offset;
    duration[i] = MIN_STAY + Math.floor(rnd() ** 2 * (MAX_STAY_HOURS * 3600 - MIN_STAY));
  }
  const order = Uint32Array.from({ length: o.stays }, (_, i) => i).sort((a, b) => checkIn[a]! - checkIn[b]! || a - b);
  const staysPerPerson = new Int32Array(o.persons);
  const staysPerLocation = new Int32Array(o.locations);
  for (const p of person) staysPerPerson[p]!++;
  for (const l of location) staysPerLocation[l]!++;
  const lat = Float64Array.from({ length: o.locations }, () => 30.2 + rnd() * 0.6);
  const lon = Float64Array.from({ length: o.locations }, () => 114.0 + rnd() * 0.6);
  return {
    persons: o.persons,
    locations: o.locations,
    days: o.days,
    person: Int32Array.from(order, (i) => person[i]!),
    location: Int32Array.from(order, (i) => location[i]!),
    checkIn: Float64Array.from(order, (i) => checkIn[i]!),
    duration: Int32Array.from(order, (i) => duration[i]!),
    staysPerPerson,
    staysPerLocation,
    lat,
    lon,
  };
}

const personId = (i: number) => `P${String(i + 1).padStart(7, '0')}`;
const locationId = (i: number) => `L${String(i + 1).padStart(5, '0')}`;
/** Times as the records send them: local time with the +08:00 offset. */
const local = (sec: number) => `${new Date((sec + 8 * 3600) * 1000).toISOString().slice(0, 19)}+08:00`;
/** Times inside keys: UTC with milliseconds (docs/graph-model.md). */
const utc = (sec: number) => new Date(sec * 1000).toISOString();

function stayRows(d: Dataset, from: number, to: number) {
  const rows = [];
  for (let i = from; i < to; i++) {
    const p = personId(d.person[i]!);
    const l = locationId(d.location[i]!);
    const inSec = d.checkIn[i]!;
    rows.push({ key: `${p}|${l}|${utc(inSec)}`, personId: p, locationId: l, checkIn: local(inSec), checkOut: local(inSec + d.duration[i]!) });
  }
  return rows;
}

// ---------------------------------------------------------------- Cypher files

const STATEMENTS = [
  'schema-a-person-id', 'schema-a-location-id', 'schema-a-stay-key', 'schema-a-stay-check-in', 'schema-a-stay-location-check-in',
  'schema-b-person-id', 'schema-b-location-id', 'schema-b-stay-key', 'schema-b-stay-check-in', 'schema-b-stay-location-check-in',
  'schema-await-indexes', 'schema-list', 'schema-drop-constraint', 'schema-drop-index',
  'load-a-persons', 'load-a-locations', 'load-a-stays', 'load-b-persons', 'load-b-locations', 'load-b-stays',
  'count-a', 'count-b',
  'q1-a-person-window', 'q1-b-person-window',
  'q2-a-location-window-expand', 'q2-a-location-window-index', 'q2-a-location-window-either',
  'q2-b-location-window-expand', 'q2-b-location-window-index', 'q2-b-location-window-either',
  'q3-a-co-presence', 'q3-a-co-presence-expand', 'q3-b-co-presence', 'q3-b-co-presence-expand',
  'q4-a-associates-movements', 'q4-b-associates-movements',
  'cleanup-a-persons', 'cleanup-a-locations', 'cleanup-b-stays', 'cleanup-b-persons', 'cleanup-b-locations',
] as const;
type Statement = (typeof STATEMENTS)[number];

const CYPHER_DIR = fileURLToPath(new URL('./cypher/movement-model/', import.meta.url));

/** Every statement, read once at start; a missing file or header fails the start. */
function readStatements(): Map<Statement, string> {
  const out = new Map<Statement, string>();
  for (const name of STATEMENTS) {
    const file = path.join(CYPHER_DIR, `${name}.cypher`);
    if (!existsSync(file)) throw new Error(`Missing Cypher file ${file}`);
    const text = readFileSync(file, 'utf8').trim();
    if (!text.startsWith('//')) throw new Error(`${file} has no header comment`);
    out.set(name, text);
  }
  return out;
}

const BENCH_PREFIX = 'bench_movement_';
const CONSTRAINTS = ['a_person_id', 'a_location_id', 'a_stay_key', 'b_person_id', 'b_location_id', 'b_stay_key'].map((n) => BENCH_PREFIX + n);
const INDEXES = ['a_stay_check_in', 'a_stay_location_check_in', 'b_stay_check_in', 'b_stay_location_check_in'].map((n) => BENCH_PREFIX + n);

// ---------------------------------------------------------------- database access

type Params = Record<string, unknown>;

class Db {
  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly cypher: Map<Statement, string>,
  ) {}

  text(name: Statement): string {
    return this.cypher.get(name)!;
  }

  async write(name: Statement, params: Params = {}): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(async (tx) => {
        await tx.run(this.text(name), params);
      });
    } finally {
      await session.close();
    }
  }

  async read(name: Statement, params: Params = {}, prefix = ''): Promise<{ records: Neo4jRecord[]; profile: Plan | false }> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(async (tx) => {
        const result = await tx.run(prefix + this.text(name), params);
        return { records: result.records, profile: result.summary.profile as Plan | false };
      });
    } finally {
      await session.close();
    }
  }

  /** CALL … IN TRANSACTIONS must run in an implicit transaction; it commits its own batches. */
  async batched(name: Statement, batch: number): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(this.text(name), { batch: neo4j.int(batch) });
    } finally {
      await session.close();
    }
  }
}

interface Plan {
  operatorType: string;
  dbHits: number;
  rows: number;
  children: Plan[];
}

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Connection {
  db: Db;
  dataDir?: string;
  /** Only for a managed database this run started: stopping it flushes every page to disk. */
  restart?: (current: Db) => Promise<Db>;
  stop?: () => Promise<void>;
}

async function connect(cypher: Map<Statement, string>): Promise<Connection> {
  const config = loadConfig();
  const open = async (uri: string, user: string, password: string) => {
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { maxConnectionPoolSize: 4 });
    await driver.verifyConnectivity();
    return new Db(driver, config.neo4j.database, cypher);
  };
  if (!usesManagedDatabase(config)) return { db: await open(config.neo4j.uri, config.neo4j.user, config.neo4j.password) };
  const started = await startLocal(config.local, log);
  const openLocal = async () => {
    const c = await localCredentials(config.local);
    return open(c.uri, c.user, c.password);
  };
  const db = await openLocal();
  const dataDir = path.join(config.local.home, 'data', 'databases', config.neo4j.database);
  if (!started) return { db, dataDir };
  return {
    db,
    dataDir,
    restart: async (current) => {
      await current.driver.close();
      await stopLocal(config.local);
      await startLocal(config.local, log);
      return openLocal();
    },
    stop: async () => void (await stopLocal(config.local)),
  };
}

// ---------------------------------------------------------------- sizes

function bytesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let sum = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    sum += st.isDirectory() ? bytesUnder(full) : st.size;
  }
  return sum;
}

interface IndexSize {
  name: string;
  type: string;
  entityType: string;
  bytes: number;
}

/** Each index lives in schema/index/<provider>/<id>/; its files are exact once flushed. */
async function indexSizes(db: Db, dataDir: string): Promise<IndexSize[]> {
  const root = path.join(dataDir, 'schema', 'index');
  const providers = existsSync(root) ? readdirSync(root) : [];
  const { records } = await db.read('schema-list', { prefix: BENCH_PREFIX });
  return records.map((r) => ({
    name: r.get('name') as string,
    type: r.get('type') as string,
    entityType: r.get('entityType') as string,
    bytes: providers.reduce((sum, p) => sum + bytesUnder(path.join(root, p, String(r.get('id')))), 0),
  }));
}

// ---------------------------------------------------------------- load

type Shape = 'A' | 'B';
const SHAPES: Shape[] = ['A', 'B'];
const lower = (shape: Shape) => (shape === 'A' ? 'a' : 'b');

interface LoadFigures {
  shape: Shape;
  baseSeconds: number;
  bulkPerSecond: number;
  freshPerSecond: number;
  reloadPerSecond: number;
}

/** Schema, then persons and places: the same for both shapes, so only reported. */
async function loadBase(db: Db, d: Dataset, shape: Shape, o: Options): Promise<number> {
  const s = lower(shape);
  for (const part of ['person-id', 'location-id', 'stay-key', 'stay-check-in', 'stay-location-check-in'] as const) {
    await db.write(`schema-${s}-${part}`);
  }
  await db.write('schema-await-indexes', { timeoutSeconds: neo4j.int(600) });
  const t = performance.now();
  for (let i = 0; i < d.persons; i += o.batch) {
    const rows = Array.from({ length: Math.min(o.batch, d.persons - i) }, (_, k) => ({ id: personId(i + k) }));
    await db.write(`load-${s}-persons`, { rows });
  }
  const places = Array.from({ length: d.locations }, (_, i) => ({ id: locationId(i), lat: d.lat[i]!, lon: d.lon[i]! }));
  for (let i = 0; i < d.locations; i += o.batch) await db.write(`load-${s}-locations`, { rows: places.slice(i, i + o.batch) });
  return (performance.now() - t) / 1000;
}

/** Loads stays [from, to) in batches, one shape after the other or alternating batch by batch; returns seconds per shape. */
async function loadStays(db: Db, d: Dataset, shapes: Shape[], from: number, to: number, o: Options): Promise<Map<Shape, number>> {
  const seconds = new Map<Shape, number>(shapes.map((s) => [s, 0]));
  for (const [k, i] of range(from, to, o.batch).entries()) {
    const rows = stayRows(d, i, Math.min(to, i + o.batch));
    for (const shape of k % 2 === 0 ? shapes : [...shapes].reverse()) {
      const t = performance.now();
      await db.write(`load-${lower(shape)}-stays`, { rows });
      seconds.set(shape, seconds.get(shape)! + (performance.now() - t) / 1000);
    }
    if ((k + 1) % 25 === 0) log(`${shapes.join('+')}: ${Math.min(to, i + o.batch).toLocaleString('en')} / ${to.toLocaleString('en')} stays`);
  }
  return seconds;
}

const range = (from: number, to: number, step: number) => Array.from({ length: Math.ceil((to - from) / step) }, (_, k) => from + k * step);

/**
 * The first 90 % of stays (by check-in) load one shape after the other, as a bulk import
 * would; the first shape to load also pays the JVM's warm-up, so that figure favours B.
 * The newest 10 % then arrive as a daily feed would, and a tenth is sent again (MERGE finds
 * everything, creates nothing); both alternate A and B batch by batch, so they compare fairly.
 */
async function load(db: Db, d: Dataset, o: Options): Promise<LoadFigures[]> {
  const base = new Map<Shape, number>();
  for (const shape of SHAPES) base.set(shape, await loadBase(db, d, shape, o));
  const n = d.person.length;
  const bulkEnd = Math.floor(n * 0.9);
  const bulk = new Map<Shape, number>();
  for (const shape of SHAPES) bulk.set(shape, (await loadStays(db, d, [shape], 0, bulkEnd, o)).get(shape)!);
  const fresh = await loadStays(db, d, SHAPES, bulkEnd, n, o);
  const counts = new Map(await Promise.all(SHAPES.map(async (s) => [s, JSON.stringify(await countShape(db, s))] as const)));
  const again = Math.min(n, Math.max(o.batch, Math.floor(n / 10)));
  const reload = await loadStays(db, d, SHAPES, 0, again, o);
  for (const shape of SHAPES) {
    const before = counts.get(shape)!;
    const after = JSON.stringify(await countShape(db, shape));
    if (before !== after) throw new Error(`shape ${shape}: re-load changed the counts ${before} → ${after}`);
    if ((JSON.parse(after) as { stays: number }).stays !== n) throw new Error(`shape ${shape}: ${after} stored, ${n} stays generated`);
    log(`shape ${shape}: loaded ${after}`);
  }
  return SHAPES.map((shape) => ({
    shape,
    baseSeconds: base.get(shape)!,
    bulkPerSecond: bulkEnd / bulk.get(shape)!,
    freshPerSecond: (n - bulkEnd) / fresh.get(shape)!,
    reloadPerSecond: again / reload.get(shape)!,
  }));
}

async function countShape(db: Db, shape: Shape): Promise<Record<string, number>> {
  const { records } = await db.read(shape === 'A' ? 'count-a' : 'count-b');
  const r = records[0]!;
  return Object.fromEntries(r.keys.map((k) => [String(k), Number(r.get(k))]));
}

// ---------------------------------------------------------------- queries

interface Family {
  name: string;
  make: (rnd: () => number) => Params;
}

interface Series {
  label: string;
  family: string;
  a: Statement;
  b: Statement;
  /** Share of --samples to take: for a plan shown only for contrast that takes seconds a run. */
  share?: number;
}

function families(d: Dataset): Family[] {
  const byCount = (counts: Int32Array) => Int32Array.from(counts.keys()).sort((x, y) => counts[x]! - counts[y]! || x - y);
  const persons = byCount(d.staysPerPerson).filter((p) => d.staysPerPerson[p]! > 0);
  const places = byCount(d.staysPerLocation);
  // typical = the middle tenth by stay count; heavy = the top 20 persons; hubs = the top 5 places
  const middle = (a: Int32Array) => a.subarray(Math.floor(a.length * 0.45), Math.ceil(a.length * 0.55));
  const typicalPersons = middle(persons);
  const heavyPersons = persons.subarray(persons.length - 20);
  const typicalPlaces = middle(places);
  const hubs = places.subarray(places.length - 5);
  const pick = (a: Int32Array, rnd: () => number) => a[Math.floor(rnd() * a.length)]!;
  const window = (rnd: () => number, days: number) => {
    const from = START + Math.floor(rnd() * (d.days - days) * DAY);
    return { from: local(from), to: local(from + days * DAY), maxStayHours: MAX_STAY_HOURS };
  };
  const all = { from: local(START), to: local(START + d.days * DAY), maxStayHours: MAX_STAY_HOURS };
  return [
    { name: 'q1-typical', make: (r) => ({ personId: personId(pick(typicalPersons, r)), ...window(r, 30) }) },
    { name: 'q1-heavy', make: (r) => ({ personId: personId(pick(heavyPersons, r)), ...window(r, 30) }) },
    { name: 'q2-typical', make: (r) => ({ locationId: locationId(pick(typicalPlaces, r)), ...window(r, 1) }) },
    { name: 'q2-hub', make: (r) => ({ locationId: locationId(pick(hubs, r)), ...window(r, 1) }) },
    { name: 'q3-typical', make: (r) => ({ personId: personId(pick(typicalPersons, r)), ...all }) },
    { name: 'q3-heavy', make: (r) => ({ personId: personId(pick(heavyPersons, r)), ...all }) },
    {
      name: 'q4',
      make: (r) => ({ personIds: Array.from({ length: 20 }, () => personId(Math.floor(r() * d.persons))), ...window(r, 14) }),
    },
  ];
}

const SERIES: Series[] = [
  { label: '1 person 30 d, typical', family: 'q1-typical', a: 'q1-a-person-window', b: 'q1-b-person-window' },
  { label: '1 person 30 d, heavy', family: 'q1-heavy', a: 'q1-a-person-window', b: 'q1-b-person-window' },
  ...(['typical', 'hub'] as const).flatMap((kind) =>
    (['expand', 'index', 'either'] as const).map(
      (plan): Series => ({
        label: `2 place 24 h, ${kind}, ${plan === 'either' ? "planner's choice" : `${plan} plan`}`,
        family: `q2-${kind}`,
        a: `q2-a-location-window-${plan}`,
        b: `q2-b-location-window-${plan}`,
      }),
    ),
  ),
  { label: '3 co-presence 90 d, typical, index', family: 'q3-typical', a: 'q3-a-co-presence', b: 'q3-b-co-presence' },
  { label: '3 co-presence 90 d, typical, expand', family: 'q3-typical', a: 'q3-a-co-presence-expand', b: 'q3-b-co-presence-expand' },
  { label: '3 co-presence 90 d, heavy, index', family: 'q3-heavy', a: 'q3-a-co-presence', b: 'q3-b-co-presence' },
  { label: '3 co-presence 90 d, heavy, expand', family: 'q3-heavy', a: 'q3-a-co-presence-expand', b: 'q3-b-co-presence-expand', share: 0.25 },
  { label: '4 20 associates 14 d, by place', family: 'q4', a: 'q4-a-associates-movements', b: 'q4-b-associates-movements' },
];

interface SeriesResult {
  series: Series;
  a: number[];
  b: number[];
  rows: number[];
  mismatches: number;
  planA: PlanSummary;
  planB: PlanSummary;
}

interface PlanSummary {
  text: string;
  dbHits: number;
}

async function timed(db: Db, name: Statement, params: Params): Promise<{ ms: number; rows: number }> {
  const t = performance.now();
  const { records } = await db.read(name, params);
  return { ms: performance.now() - t, rows: records.length };
}

async function measure(db: Db, d: Dataset, o: Options): Promise<SeriesResult[]> {
  // Parameters come from their own stream, drawn once per family, so every shape and every
  // plan of a family sees the same persons, places and windows.
  const rnd = prng(o.seed + 1);
  const params = new Map(families(d).map((f) => [f.name, Array.from({ length: o.warmup + o.samples }, () => f.make(rnd))]));
  const out: SeriesResult[] = [];
  for (const series of SERIES) {
    const list = params.get(series.family)!;
    for (const p of list.slice(0, o.warmup)) {
      await timed(db, series.a, p);
      await timed(db, series.b, p);
    }
    const result: SeriesResult = { series, a: [], b: [], rows: [], mismatches: 0, planA: await profile(db, series.a, list[o.warmup]!), planB: await profile(db, series.b, list[o.warmup]!) };
    const samples = Math.max(1, Math.round(o.samples * (series.share ?? 1)));
    for (const [i, p] of list.slice(o.warmup, o.warmup + samples).entries()) {
      // Alternate which shape goes first so drift on a noisy machine hits both alike.
      const first = i % 2 === 0 ? series.a : series.b;
      const second = first === series.a ? series.b : series.a;
      const x = await timed(db, first, p);
      const y = await timed(db, second, p);
      const [ra, rb] = first === series.a ? [x, y] : [y, x];
      result.a.push(ra.ms);
      result.b.push(rb.ms);
      result.rows.push(ra.rows);
      if (ra.rows !== rb.rows) result.mismatches++;
    }
    log(`${series.label}: A p50 ${fmt(pct(result.a, 50))} ms, B p50 ${fmt(pct(result.b, 50))} ms`);
    out.push(result);
  }
  return out;
}

async function profile(db: Db, name: Statement, params: Params): Promise<PlanSummary> {
  const { profile: plan } = await db.read(name, params, 'PROFILE\n');
  if (!plan) return { text: '(no profile)', dbHits: 0 };
  const op = (p: Plan) => p.operatorType.replace(/@.*$/, '');
  const describe = (p: Plan): string => {
    if (p.children.length === 0) return op(p);
    if (p.children.length === 1) return `${describe(p.children[0]!)} → ${op(p)}`;
    return `${op(p)}(${p.children.map(describe).join(' ; ')})`;
  };
  const hits = (p: Plan): number => p.dbHits + p.children.reduce((s, c) => s + hits(c), 0);
  return { text: describe(plan).replace(/ → ProduceResults$/, ''), dbHits: hits(plan) };
}

// ---------------------------------------------------------------- report

function pct(values: ArrayLike<number>, p: number): number {
  const s = Array.from(values).sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const mib = (n: number) => (n / 2 ** 20).toFixed(1);
/** Fixed record sizes of Neo4j's record store format (aligned/standard): node 15 B, relationship 34 B. */
const NODE_RECORD = 15;
const REL_RECORD = 34;

function report(o: Options, d: Dataset, loads: LoadFigures[], results: SeriesResult[], sizes: StoreSizes | undefined, loadAverage: number[]): void {
  const lines = [
    `Data: ${d.persons.toLocaleString('en')} persons, ${d.locations.toLocaleString('en')} places, ${d.person.length.toLocaleString('en')} stays over ${d.days} days (seed ${o.seed}).`,
    `Stays per person: median ${pct(d.staysPerPerson, 50)}, p99 ${pct(d.staysPerPerson, 99)}, max ${pct(d.staysPerPerson, 100)}. ` +
      `Stays per place: median ${pct(d.staysPerLocation, 50)}, p99 ${pct(d.staysPerLocation, 99)}, max ${pct(d.staysPerLocation, 100)}.`,
    `Timings: ${o.warmup} warm-up runs, then the samples, per query and shape; shapes alternate which goes first. ` +
      `Load average (1 min) on ${os.cpus().length} cores: ${loadAverage.map((l) => l.toFixed(1)).join(' before, ')} after.`,
    '',
  ];
  if (loads.length > 0) {
    lines.push(
      '| shape | bulk 90 %, A then B, stays/s | newest 10 %, alternating, stays/s | re-load 10 %, alternating, stays/s | persons + places, s |',
      '|---|--:|--:|--:|--:|',
    );
    for (const l of loads) {
      lines.push(`| ${l.shape} | ${l.bulkPerSecond.toFixed(0)} | ${l.freshPerSecond.toFixed(0)} | ${l.reloadPerSecond.toFixed(0)} | ${l.baseSeconds.toFixed(1)} |`);
    }
    const [a, b] = loads;
    const ratio = (f: (l: LoadFigures) => number) => (a && b ? (f(b) / f(a)).toFixed(2) : '');
    lines.push(`| B/A | ${ratio((l) => l.bulkPerSecond)} | ${ratio((l) => l.freshPerSecond)} | ${ratio((l) => l.reloadPerSecond)} | |`);
    lines.push('');
  }
  const people = d.persons + d.locations;
  const stays = d.person.length;
  const shapes = [
    { shape: 'A', nodes: people, rels: stays },
    { shape: 'B', nodes: people + stays, rels: 2 * stays },
  ];
  lines.push('| shape | nodes | relationships | node + relationship records, MiB | bench indexes, MiB |', '|---|--:|--:|--:|--:|');
  for (const s of shapes) {
    const own = sizes?.indexes.filter((i) => i.name.startsWith(`${BENCH_PREFIX}${s.shape.toLowerCase()}_`)).reduce((sum, i) => sum + i.bytes, 0);
    lines.push(`| ${s.shape} | ${s.nodes.toLocaleString('en')} | ${s.rels.toLocaleString('en')} | ${mib(s.nodes * NODE_RECORD + s.rels * REL_RECORD)} | ${own === undefined ? 'n/a' : mib(own)} |`);
  }
  lines.push('', 'Properties are the same four on the stay relationship (A) and on the stay node (B), so the property stores do not differ.');
  if (sizes) {
    lines.push(`Index folders after a flush: ${sizes.indexes.map((i) => `${i.name} ${mib(i.bytes)}`).join(', ')} MiB.`);
    lines.push(`Store files after a flush (both shapes, preallocated in chunks): ${Object.entries(sizes.files).map(([k, v]) => `${k} ${mib(v)}`).join(', ')} MiB.`);
  } else {
    lines.push('Index sizes not measured: pass --sizes, with a managed database that this run starts itself (it is restarted to flush).');
  }
  lines.push('', '| query | samples | rows p50 | A p50 ms | A p95 ms | B p50 ms | B p95 ms | B/A p50 | B/A p95 |', '|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of results) {
    const [a50, a95, b50, b95] = [pct(r.a, 50), pct(r.a, 95), pct(r.b, 50), pct(r.b, 95)];
    const warn = r.mismatches > 0 ? ` (**${r.mismatches} row-count mismatches**)` : '';
    lines.push(`| ${r.series.label}${warn} | ${r.a.length} | ${pct(r.rows, 50)} | ${fmt(a50)} | ${fmt(a95)} | ${fmt(b50)} | ${fmt(b95)} | ${(b50 / a50).toFixed(2)} | ${(b95 / a95).toFixed(2)} |`);
  }
  lines.push('', '| query | shape | plan (PROFILE of the first sample) | db hits |', '|---|---|---|--:|');
  for (const r of results) {
    lines.push(`| ${r.series.label} | A | ${r.planA.text} | ${r.planA.dbHits} |`, `| ${r.series.label} | B | ${r.planB.text} | ${r.planB.dbHits} |`);
  }
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------- main

interface StoreSizes {
  indexes: IndexSize[];
  files: Record<string, number>;
}

async function storeSizes(db: Db, dataDir: string): Promise<StoreSizes> {
  const file = (name: string) => (existsSync(path.join(dataDir, name)) ? statSync(path.join(dataDir, name)).size : 0);
  return {
    indexes: await indexSizes(db, dataDir),
    files: {
      nodes: file('neostore.nodestore.db'),
      relationships: file('neostore.relationshipstore.db'),
      'relationship groups': file('neostore.relationshipgroupstore.db'),
      properties: file('neostore.propertystore.db') + file('neostore.propertystore.db.strings') + file('neostore.propertystore.db.arrays'),
    },
  };
}

async function cleanup(db: Db, o: Options): Promise<void> {
  for (const name of ['cleanup-a-persons', 'cleanup-a-locations', 'cleanup-b-stays', 'cleanup-b-persons', 'cleanup-b-locations'] as const) {
    await db.batched(name, o.batch);
  }
  for (const name of CONSTRAINTS) await db.write('schema-drop-constraint', { name });
  for (const name of INDEXES) await db.write('schema-drop-index', { name });
}

async function main(): Promise<void> {
  const o = readOptions(process.argv.slice(2));
  const cypher = readStatements();
  log(`generating ${o.stays.toLocaleString('en')} stays`);
  const d = generate(o);
  const conn = await connect(cypher);
  let db = conn.db;
  try {
    const loads: LoadFigures[] = [];
    if (!o.skipLoad) {
      log('removing what an earlier run may have left');
      await cleanup(db, o);
      loads.push(...(await load(db, d, o)));
    }
    const loadBefore = os.loadavg()[0]!;
    const results = await measure(db, d, o);
    const loadAfter = os.loadavg()[0]!;
    let sizes: StoreSizes | undefined;
    if (o.sizes && conn.restart && conn.dataDir) {
      log('restarting Neo4j so that every page is on disk');
      db = await conn.restart(db);
      sizes = await storeSizes(db, conn.dataDir);
    } else if (o.sizes) {
      log('--sizes skipped: it restarts the database, so only a managed one this run started');
    }
    report(o, d, loads, results, sizes, [loadBefore, loadAfter]);
    if (!o.keep) {
      log('deleting the bench data');
      await cleanup(db, o);
    }
  } finally {
    await db.driver.close();
    await conn.stop?.();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
