import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';

const LISTS = cypher('techniques/watch-lists');
const UPSERT = cypher('techniques/watch-list-upsert');
const DEFAULTS = cypher('techniques/watch-list-defaults');
const COUNTS = cypher('techniques/watch-list-counts');
const ENTRIES_PAGE = cypher('techniques/watch-entries-page');

/**
 * A group rule: at least `minMembers` distinct persons of one watch-list, at places of the
 * given types, within `windowHours` of each other, in one station area (STATION) or at one
 * place (LOCATION), make a group hit with one order to that station.
 */
export interface GroupRule {
  id: string;
  name: string;
  scope: 'STATION' | 'LOCATION';
  minMembers: number;
  windowHours: number;
  /** Empty: any place type. */
  locationTypes: string[];
  deadlineMinutes: number;
}

export interface WatchList {
  /** The tag persons carry (Person.tags), e.g. DRUG_USER. */
  name: string;
  title: string;
  description: string;
  /** ORDER: every single hit gets its own order; NOTE: single hits are only listed. */
  singleHits: 'ORDER' | 'NOTE';
  singleDeadlineMinutes: number;
  rules: GroupRule[];
  active: boolean;
  updatedBy: string | null;
  updatedAt: number | null;
}

/**
 * The lists Clew starts with. A registered drug user in a hotel is routine; several of them
 * in one station area within a day is a suspected gathering (the 新城 story: an order with
 * a one-hour deadline). A fugitive anywhere is an order at once. Ex-offenders sleeping three
 * to a hotel is worth a look.
 */
export const DEFAULT_WATCH_LISTS: WatchList[] = [
  { name: 'FUGITIVE', title: '在逃人员', description: 'Persons on the wanted list (上网追逃).', singleHits: 'ORDER', singleDeadlineMinutes: 60, rules: [], active: true, updatedBy: null, updatedAt: null },
  {
    name: 'DRUG_USER',
    title: '吸毒人员',
    description: 'Registered drug users.',
    singleHits: 'NOTE',
    singleDeadlineMinutes: 240,
    rules: [{ id: 'gathering', name: '疑似聚众吸毒 (suspected gathering)', scope: 'STATION', minMembers: 3, windowHours: 24, locationTypes: ['HOTEL', 'INTERNET_CAFE'], deadlineMinutes: 60 }],
    active: true,
    updatedBy: null,
    updatedAt: null,
  },
  {
    name: 'EX_OFFENDER',
    title: '前科人员',
    description: 'Persons with a criminal record.',
    singleHits: 'NOTE',
    singleDeadlineMinutes: 480,
    rules: [{ id: 'same-hotel', name: '前科人员同住 (ex-offenders in one hotel)', scope: 'LOCATION', minMembers: 3, windowHours: 12, locationTypes: ['HOTEL'], deadlineMinutes: 120 }],
    active: true,
    updatedBy: null,
    updatedAt: null,
  },
];

export async function ensureDefaultWatchLists(tx: Tx): Promise<void> {
  await tx.run(DEFAULTS, { lists: DEFAULT_WATCH_LISTS.map(stored) });
}

export async function findWatchLists(tx: Tx, names: string[] | null): Promise<WatchList[]> {
  const result = await tx.run(LISTS, { names });
  return result.records.map((r) => fromStored(toPlain(r.get('list')) as Record<string, unknown>));
}

export async function saveWatchList(tx: Tx, list: WatchList): Promise<WatchList> {
  const r = (await tx.run(UPSERT, { list: stored(list) })).records[0]!;
  return fromStored(toPlain(r.get('list')) as Record<string, unknown>);
}

function stored(list: WatchList): Record<string, unknown> {
  return { ...list, rules: JSON.stringify(list.rules) };
}

function fromStored(p: Record<string, unknown>): WatchList {
  return {
    name: String(p.name),
    title: String(p.title ?? p.name),
    description: String(p.description ?? ''),
    singleHits: p.singleHits === 'ORDER' ? 'ORDER' : 'NOTE',
    singleDeadlineMinutes: Number(p.singleDeadlineMinutes ?? 240),
    rules: typeof p.rules === 'string' ? (JSON.parse(p.rules) as GroupRule[]) : [],
    active: p.active !== false,
    updatedBy: (p.updatedBy as string) ?? null,
    updatedAt: typeof p.updatedAt === 'number' ? p.updatedAt : null,
  };
}

/** A list's name as one term for the keyword full-text index on Person.tags. */
export function tagQuery(name: string): string {
  return `"${name.replace(/["\\]/g, '')}"`;
}

/** How many persons carry the list's tag, and how many explicit entries it has. */
export async function countWatchListMembers(tx: Tx, name: string): Promise<{ tagged: number; entries: number }> {
  const r = (await tx.run(COUNTS, { list: name, query: tagQuery(name) })).records[0]!;
  return { tagged: Number(r.get('tagged')), entries: Number(r.get('entries')) };
}

/** A page of a list's explicit entries, newest first; null when there is no such list. */
export async function listWatchEntries(tx: Tx, name: string, skip: number, limit: number): Promise<{ total: number; entries: Record<string, unknown>[] } | null> {
  const r = (await tx.run(ENTRIES_PAGE, { list: name, skip: neo4j.int(skip), limit: neo4j.int(limit) })).records[0];
  if (!r) return null;
  return { total: Number(r.get('total')), entries: (r.get('entries') as unknown[]).map((e) => toPlain(e) as Record<string, unknown>) };
}
