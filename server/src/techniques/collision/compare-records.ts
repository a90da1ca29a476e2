import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import { SubgraphBuilder, type Subgraph } from '../../link/graph-elements.js';
import { addRecordRow } from '../movements.js';
import type { TimeWindow } from '../technique-arguments.js';
import { applyGroupRule, MATCH_STRENGTH, type GroupHit, type Hit, type MatchKind } from './group-rules.js';
import { tagQuery, type WatchList } from './watch-lists.js';

const MEMBERS = cypher('techniques/collision-watch-members');
const CANDIDATES = cypher('techniques/collision-candidates');
const COUNT = cypher('techniques/collision-count');
const RECORDS = cypher('techniques/records-by-key');
const STATION_NAMES = cypher('techniques/station-names');

export interface CollisionScope {
  /** An import job's records, or … */
  job: string | null;
  /** … the records of a time window. */
  window: TimeWindow | null;
}

export interface Comparison {
  compared: { STAY: number; LOGIN: number; PASS: number; total: number };
  /** One per record, list and listed member: the strongest way it matched. */
  hits: Hit[];
  groups: GroupHit[];
  /** Hits of lists whose single hits get orders, not already part of a group. */
  singlesToOrder: Hit[];
}

type Listed = { list: string; member: string; name: string | null };

/** Who is on the lists, by each identifier a record can carry. */
class WatchIndex {
  readonly byId = new Map<string, Listed[]>();
  readonly byIdNumber = new Map<string, Listed[]>();
  readonly byPhone = new Map<string, Listed[]>();
  readonly byPlate = new Map<string, Listed[]>();
  readonly byNameBirth = new Map<string, Listed[]>();

  add(map: Map<string, Listed[]>, key: unknown, listed: Listed): void {
    if (typeof key !== 'string' || key === '') return;
    (map.get(key) ?? map.set(key, []).get(key)!).push(listed);
  }
}

async function watchIndex(tx: Tx, lists: WatchList[]): Promise<WatchIndex> {
  const index = new WatchIndex();
  const names = lists.map((l) => l.name);
  const result = await tx.run(MEMBERS, { lists: names, queries: names.map(tagQuery) });
  for (const r of result.records) {
    const m = toPlain(r.toObject()) as { list: string; member: string; personId: string | null; idNumber: string | null; phones: string[]; plates: string[]; name: string | null; birthDate: string | null };
    const listed = { list: m.list, member: m.member, name: m.name };
    index.add(index.byId, m.personId, listed);
    index.add(index.byIdNumber, m.idNumber, listed);
    for (const p of m.phones) index.add(index.byPhone, p, listed);
    for (const p of m.plates) index.add(index.byPlate, p, listed);
    if (m.name && m.birthDate) index.add(index.byNameBirth, `${m.name}|${m.birthDate}`, listed);
  }
  return index;
}

interface Candidate {
  kind: Hit['kind'];
  record: string;
  at: string;
  until: string | null;
  place: Hit['place'];
  subject: (NonNullable<Hit['subject']> & { idNumber: string | null; phones: string[] | null; birthKey: string | null }) | null;
  plate: string | null;
}

/** Every way one record matches the lists (the caller keeps the strongest per member). */
function matchesOf(c: Candidate, index: WatchIndex): { listed: Listed; by: MatchKind }[] {
  const out: { listed: Listed; by: MatchKind }[] = [];
  const s = c.subject;
  const self = s ? `Person:${s.id}` : null;
  const other = (by: MatchKind) => (l: Listed) => l.member !== self && out.push({ listed: l, by });
  if (s) {
    for (const l of index.byId.get(s.id) ?? []) out.push({ listed: l, by: 'PERSON' });
    (index.byIdNumber.get(s.idNumber ?? '') ?? []).forEach(other('RESIDENT_ID'));
    for (const phone of s.phones ?? []) (index.byPhone.get(phone) ?? []).forEach(other('PHONE'));
    (index.byNameBirth.get(s.birthKey ?? '') ?? []).forEach(other('NAME_BIRTHDATE'));
  }
  for (const l of index.byPlate.get(c.plate ?? '') ?? []) out.push({ listed: l, by: 'PLATE' });
  return out;
}

/**
 * Compares the records in scope with the active watch-lists and applies each list's group
 * rules. The lists are read first (a keyword index finds each list's members) and turned
 * into sets of identifiers; the records are then filtered by those sets in one pass, so a
 * batch of 100,000 records costs one range scan and a few in-memory look-ups per record.
 */
export async function compareRecords(tx: Tx, scope: CollisionScope, lists: WatchList[]): Promise<Comparison> {
  const params = { job: scope.job, from: scope.window?.from ?? null, to: scope.window?.to ?? null };
  const compared = { STAY: 0, LOGIN: 0, PASS: 0, total: 0 };
  for (const r of (await tx.run(COUNT, params)).records) {
    const n = Number(r.get('records'));
    compared[r.get('kind') as 'STAY' | 'LOGIN' | 'PASS'] += n;
    compared.total += n;
  }
  const index = await watchIndex(tx, lists);
  const keys = (m: Map<string, Listed[]>) => [...m.keys()];
  const candidates =
    lists.length === 0
      ? []
      : (
          await tx.run(CANDIDATES, {
            ...params,
            ids: keys(index.byId),
            idNumbers: keys(index.byIdNumber),
            phones: keys(index.byPhone),
            plates: keys(index.byPlate),
            nameBirths: keys(index.byNameBirth),
          })
        ).records.map((r) => toPlain(r.toObject()) as Candidate);
  const strongest = new Map<string, Hit>();
  for (const c of candidates) {
    for (const { listed, by } of matchesOf(c, index)) {
      const hit: Hit = {
        kind: c.kind,
        record: c.record,
        at: c.at,
        atMs: Date.parse(c.at),
        until: c.until,
        place: c.place,
        subject: c.subject ? { id: c.subject.id, name: c.subject.name, employment: c.subject.employment, origin: c.subject.origin } : null,
        plate: c.plate,
        list: listed.list,
        member: listed.member,
        memberName: listed.name,
        matchedBy: by,
        strength: MATCH_STRENGTH[by],
      };
      const key = `${hit.record}|${hit.list}|${hit.member}`;
      const current = strongest.get(key);
      if (!current || hit.strength > current.strength) strongest.set(key, hit);
    }
  }
  const hits = [...strongest.values()].sort((a, b) => a.atMs - b.atMs || cmp(a.record, b.record) || cmp(a.list, b.list) || cmp(a.member, b.member));
  const stationNames = await namesOfStations(tx, hits);
  const groups = lists.flatMap((l) => l.rules.flatMap((rule) => applyGroupRule(l.name, rule, hits, { listTitle: l.title, stationName: (id) => stationNames.get(id) })));
  const grouped = new Set(groups.flatMap((g) => g.hits.map((h) => `${h.record}|${h.list}|${h.member}`)));
  const ordering = new Set(lists.filter((l) => l.singleHits === 'ORDER').map((l) => l.name));
  const singlesToOrder = hits.filter((h) => ordering.has(h.list) && !grouped.has(`${h.record}|${h.list}|${h.member}`) && h.place.station);
  return { compared, hits, groups, singlesToOrder };
}

async function namesOfStations(tx: Tx, hits: Hit[]): Promise<Map<string, string>> {
  const ids = [...new Set(hits.map((h) => h.place.station).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const result = await tx.run(STATION_NAMES, { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('name') as string]));
}

/** The listed persons and their matching records, drawn. */
export async function hitEvidence(tx: Tx, hits: Hit[]): Promise<Subgraph> {
  const keys = { STAY: [] as string[], LOGIN: [] as string[], PASS: [] as string[] };
  for (const h of hits) keys[h.kind].push(h.record.slice(h.record.indexOf(':') + 1));
  const builder = new SubgraphBuilder();
  const result = await tx.run(RECORDS, { stays: [...new Set(keys.STAY)], logins: [...new Set(keys.LOGIN)], passes: [...new Set(keys.PASS)] });
  for (const r of result.records) {
    addRecordRow(builder, r);
  }
  return builder.build();
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
