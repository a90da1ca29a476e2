/**
 * A small in-memory index of generated records for the seed tests: the graph the importer
 * would build (docs/graph-model.md), enough to check references and to recompute the
 * fixture's expected answers with plain reference implementations of each query.
 */
import type {
  CallRecord,
  CaseRecord,
  ExchangeRecord,
  InvolvementRecord,
  LocationRecord,
  LoginRecord,
  PassRecord,
  PersonRecord,
  RelationRecord,
  StayRecord,
} from '../../seed/records.js';
import { distanceM } from '../../seed/geography.js';

export interface Presence {
  personId: string;
  kind: 'stay' | 'login' | 'pass';
  location: string;
  from: number;
  to: number;
}

export class SeedGraph {
  readonly persons = new Map<string, PersonRecord>();
  readonly locations = new Map<string, LocationRecord>();
  readonly cases = new Map<string, CaseRecord>();
  readonly relations: RelationRecord[] = [];
  readonly stays: StayRecord[] = [];
  readonly logins: LoginRecord[] = [];
  readonly passes: PassRecord[] = [];
  readonly calls: CallRecord[] = [];
  readonly involvements: InvolvementRecord[] = [];
  readonly regions = new Set<string>();
  readonly stations = new Map<string, string>();
  readonly plateOwner = new Map<string, string>();
  readonly phoneOwner = new Map<string, string>();

  constructor(records: Iterable<ExchangeRecord>) {
    for (const r of records) {
      switch (r.kind) {
        case 'region': this.regions.add(r.code); break;
        case 'station': this.stations.set(r.id, r.region); break;
        case 'location': this.locations.set(r.id, r); break;
        case 'person':
          this.persons.set(r.id, r);
          for (const p of r.plates ?? []) this.plateOwner.set(p, r.id);
          for (const p of r.phones ?? []) this.phoneOwner.set(p, r.id);
          break;
        case 'case': this.cases.set(r.id, r); break;
        case 'relation': this.relations.push(r); break;
        case 'stay': this.stays.push(r); break;
        case 'login': this.logins.push(r); break;
        case 'pass': this.passes.push(r); break;
        case 'call': this.calls.push(r); break;
        case 'involvement': this.involvements.push(r); break;
      }
    }
  }

  /** Every place-and-time a person was seen, stays and logins as intervals, passes as instants. */
  presences(): Presence[] {
    const out: Presence[] = [];
    for (const s of this.stays) {
      const from = Date.parse(s.checkIn);
      out.push({ personId: s.person, kind: 'stay', location: s.location, from, to: s.checkOut ? Date.parse(s.checkOut) : from + 12 * 3_600_000 });
    }
    for (const l of this.logins) {
      const from = Date.parse(l.at);
      out.push({ personId: l.person, kind: 'login', location: l.location, from, to: l.until ? Date.parse(l.until) : from + 3_600_000 });
    }
    for (const p of this.passes) {
      const at = Date.parse(p.at);
      out.push({ personId: this.plateOwner.get(p.plate)!, kind: 'pass', location: p.location, from: at, to: at });
    }
    return out;
  }

  /** Person → [other person, relation] in both directions. */
  relationsOf(personId: string): { other: string; rel: RelationRecord }[] {
    return this.relations
      .filter((r) => r.from === personId || r.to === personId)
      .map((rel) => ({ other: rel.from === personId ? rel.to : rel.from, rel }));
  }

  /** Depth-1 neighbourhood of a person node, as graph uids. */
  personNeighbours(personId: string): Set<string> {
    const p = this.persons.get(personId)!;
    const out = new Set<string>();
    for (const { other } of this.relationsOf(personId)) out.add(`Person:${other}`);
    for (const s of this.stays) if (s.person === personId) out.add(`Location:${s.location}`);
    for (const l of this.logins) if (l.person === personId) out.add(`Location:${l.location}`);
    for (const i of this.involvements) if (i.person === personId) out.add(`Case:${i.case}`);
    for (const n of p.phones ?? []) out.add(`Phone:${n}`);
    for (const n of p.plates ?? []) out.add(`Vehicle:${n}`);
    return out;
  }

  /** The whole graph as undirected adjacency over uids, every relationship of the model. */
  adjacency(): Map<string, string[]> {
    const adj = new Map<string, string[]>();
    const link = (a: string, b: string) => {
      (adj.get(a) ?? adj.set(a, []).get(a)!).push(b);
      (adj.get(b) ?? adj.set(b, []).get(b)!).push(a);
    };
    for (const r of this.relations) link(`Person:${r.from}`, `Person:${r.to}`);
    for (const s of this.stays) link(`Person:${s.person}`, `Location:${s.location}`);
    for (const l of this.logins) link(`Person:${l.person}`, `Location:${l.location}`);
    for (const p of this.passes) link(`Vehicle:${p.plate}`, `Location:${p.location}`);
    for (const c of this.calls) link(`Phone:${c.from}`, `Phone:${c.to}`);
    for (const p of this.persons.values()) {
      for (const n of p.phones ?? []) link(`Person:${p.id}`, `Phone:${n}`);
      for (const n of p.plates ?? []) link(`Person:${p.id}`, `Vehicle:${n}`);
    }
    for (const i of this.involvements) link(`Person:${i.person}`, `Case:${i.case}`);
    for (const c of this.cases.values()) if (c.location) link(`Case:${c.id}`, `Location:${c.location}`);
    for (const l of this.locations.values()) {
      if (l.station) link(`Location:${l.id}`, `Station:${l.station}`);
      if (l.region) link(`Location:${l.id}`, `Region:${l.region}`);
    }
    for (const [id, region] of this.stations) link(`Station:${id}`, `Region:${region}`);
    return adj;
  }

  caseSiteDistance(caseId: string, locationId: string): number {
    const c = this.cases.get(caseId)!;
    const site = c.lat !== undefined && c.lon !== undefined ? { lat: c.lat, lon: c.lon } : this.locations.get(c.location!)!;
    return distanceM(site, this.locations.get(locationId)!);
  }
}

/** Shortest distance from `from` and the number of distinct shortest paths to each node. */
export function bfsCounts(adj: Map<string, string[]>, from: string): { dist: Map<string, number>; paths: Map<string, number> } {
  const dist = new Map([[from, 0]]);
  const paths = new Map([[from, 1]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    for (const v of new Set(adj.get(u) ?? [])) {
      if (!dist.has(v)) {
        dist.set(v, dist.get(u)! + 1);
        paths.set(v, 0);
        queue.push(v);
      }
      if (dist.get(v) === dist.get(u)! + 1) paths.set(v, paths.get(v)! + paths.get(u)!);
    }
  }
  return { dist, paths };
}

const HOUR = 3_600_000;

/** Local cases each person was near (≤ radius, within ± slack hours of the case's time). */
export function coincidences(g: SeedGraph, caseIds: readonly string[], radiusM = 3000, slackHours = 3): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const presences = g.presences();
  for (const caseId of caseIds) {
    const c = g.cases.get(caseId)!;
    const from = Date.parse(c.occurredFrom) - slackHours * HOUR;
    const to = Date.parse(c.occurredTo ?? c.occurredFrom) + slackHours * HOUR;
    for (const p of presences) {
      if (p.to < from || p.from > to) continue;
      if (g.caseSiteDistance(caseId, p.location) > radiusM) continue;
      (out.get(p.personId) ?? out.set(p.personId, new Set()).get(p.personId)!).add(caseId);
    }
  }
  return out;
}

/** How often each other person was with `personId`: same hotel same night, same café at
 *  overlapping times, same checkpoint within `minutes`. */
export function coPresence(g: SeedGraph, personId: string, minutes = 10): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (other: string) => {
    if (other !== personId) counts.set(other, (counts.get(other) ?? 0) + 1);
  };
  const night = (t: string) => t.slice(0, 10);
  for (const s of g.stays.filter((x) => x.person === personId)) {
    for (const o of g.stays) if (o.location === s.location && night(o.checkIn) === night(s.checkIn)) bump(o.person);
  }
  for (const l of g.logins.filter((x) => x.person === personId)) {
    const a = [Date.parse(l.at), Date.parse(l.until ?? l.at)];
    for (const o of g.logins) {
      if (o.location !== l.location) continue;
      const b = [Date.parse(o.at), Date.parse(o.until ?? o.at)];
      if (b[0]! <= a[1]! && a[0]! <= b[1]!) bump(o.person);
    }
  }
  const plates = new Set(g.persons.get(personId)?.plates ?? []);
  for (const p of g.passes.filter((x) => plates.has(x.plate))) {
    const at = Date.parse(p.at);
    for (const o of g.passes) {
      if (o.location === p.location && !plates.has(o.plate) && Math.abs(Date.parse(o.at) - at) <= minutes * 60_000) bump(g.plateOwner.get(o.plate)!);
    }
  }
  return counts;
}

/** Case-to-case similarity a linker would start from: type, gang size and method tags. */
export function caseSimilarity(a: CaseRecord, b: CaseRecord): number {
  if (a.type !== b.type) return 0;
  const ma = new Set(a.mo ?? []);
  const mb = new Set(b.mo ?? []);
  const inter = [...ma].filter((t) => mb.has(t)).length;
  const union = new Set([...ma, ...mb]).size;
  const jaccard = union ? inter / union : 0;
  return jaccard + (a.offenders !== undefined && a.offenders === b.offenders ? 0.25 : 0);
}
