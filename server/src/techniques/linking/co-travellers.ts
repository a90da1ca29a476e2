import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import { NotFound } from '../../errors.js';
import { SubgraphBuilder, type Subgraph } from '../../link/graph-elements.js';
import { addRecordRow, round, type RawNode, type ScorePart } from '../movements.js';
import { cstDate, type TimeWindow } from '../technique-arguments.js';

const CO_PRESENCE = cypher('techniques/co-presence');
const PERSON = cypher('link/nodes-by-uid');
const RECORDS = cypher('techniques/records-by-key');

export type CoPresenceKind = 'HOTEL' | 'CAFE' | 'CHECKPOINT';

/** A shared night in a hotel says most; a café session least (cafés are crowded). */
export const CO_PRESENCE_WEIGHTS: Record<CoPresenceKind, number> = { HOTEL: 1, CHECKPOINT: 0.8, CAFE: 0.6 };

export interface CoPresence {
  kind: CoPresenceKind;
  mine: string;
  theirs: string;
  at: string;
  place: { id: string; name: string };
}

export interface Companion {
  person: string;
  name: string;
  times: number;
  distinctDays: number;
  byKind: Record<CoPresenceKind, number>;
  score: number;
  parts: ScorePart[];
  together: CoPresence[];
}

export interface CoTravellersResult {
  person: RawNode;
  companions: Companion[];
  /** Companions (with the person) who were also together with each other at least minTimes. */
  groups: string[][];
  subgraph: Subgraph;
}

/** People repeatedly present with a person, at least minTimes, grouped by who shares the occasions. */
export async function coTravellers(tx: Tx, args: { personId: string; window: TimeWindow; minTimes: number; checkpointMinutes: number; limit: number }): Promise<CoTravellersResult> {
  const head = (await tx.run(PERSON, { ids: [`Person:${args.personId}`] })).records[0];
  if (!head) throw new NotFound('Person', args.personId);
  const rows = (await tx.run(CO_PRESENCE, { personId: args.personId, from: args.window.from, to: args.window.to, minutes: neo4j.int(args.checkpointMinutes) })).records.map(
    (r) => toPlain(r.toObject()) as CoPresence & { companion: string; name: string },
  );
  const byCompanion = new Map<string, (CoPresence & { name: string })[]>();
  for (const r of rows) (byCompanion.get(r.companion) ?? byCompanion.set(r.companion, []).get(r.companion)!).push(r);
  const companions = [...byCompanion.entries()]
    .map(([person, together]) => describe(person, together))
    .filter((c) => c.times >= args.minTimes)
    .sort((a, b) => b.score - a.score || b.times - a.times || (a.person < b.person ? -1 : 1))
    .slice(0, args.limit);
  const groups = groupsOf(args.personId, companions, args.minTimes);
  return { person: head.get('node') as RawNode, companions, groups, subgraph: await evidence(tx, head.get('node') as RawNode, companions) };
}

function describe(person: string, together: (CoPresence & { name: string })[]): Companion {
  const byKind: Record<CoPresenceKind, number> = { HOTEL: 0, CAFE: 0, CHECKPOINT: 0 };
  for (const t of together) byKind[t.kind]++;
  const parts = (Object.keys(byKind) as CoPresenceKind[]).map((k) => ({
    name: k.toLowerCase(),
    value: round(byKind[k] * CO_PRESENCE_WEIGHTS[k]),
    explanation: `${byKind[k]} × ${CO_PRESENCE_WEIGHTS[k]} (${k === 'HOTEL' ? 'same hotel, same night' : k === 'CAFE' ? 'same café, overlapping sessions' : 'same checkpoint within the minutes given'})`,
    explanationZh: `${byKind[k]} 次 × ${CO_PRESENCE_WEIGHTS[k]}（${k === 'HOTEL' ? '同一旅馆同一晚' : k === 'CAFE' ? '同一网吧、上网时段重叠' : '同一卡口、相隔不超过规定分钟'}）`,
  }));
  return {
    person,
    name: together[0]!.name,
    times: together.length,
    distinctDays: new Set(together.map((t) => cstDate(Date.parse(t.at)))).size,
    byKind,
    score: round(parts.reduce((s, p) => s + p.value, 0)),
    parts,
    together: together.map(({ kind, mine, theirs, at, place }) => ({ kind, mine, theirs, at, place })),
  };
}

/**
 * Two companions belong together when they were both with the person on at least minTimes
 * of the same occasions (the person's same records); groups are the connected sets, each
 * listed with the person first, then by id.
 */
function groupsOf(personId: string, companions: Companion[], minTimes: number): string[][] {
  const occasions = new Map(companions.map((c) => [c.person, new Set(c.together.map((t) => t.mine))]));
  const parent = new Map(companions.map((c) => [c.person, c.person]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (const a of companions) {
    for (const b of companions) {
      if (a.person >= b.person) continue;
      const shared = [...occasions.get(a.person)!].filter((m) => occasions.get(b.person)!.has(m)).length;
      if (shared >= minTimes) parent.set(find(b.person), find(a.person));
    }
  }
  const sets = new Map<string, string[]>();
  for (const c of companions) (sets.get(find(c.person)) ?? sets.set(find(c.person), []).get(find(c.person))!).push(c.person);
  return [...sets.values()].map((g) => [personId, ...g.sort()]).sort((a, b) => b.length - a.length || (a[1]! < b[1]! ? -1 : 1));
}

async function evidence(tx: Tx, person: RawNode, companions: Companion[]): Promise<Subgraph> {
  const builder = new SubgraphBuilder();
  builder.addNode(person);
  const keys = { STAYED_AT: new Set<string>(), LOGGED_IN: new Set<string>(), PASSED: new Set<string>() };
  for (const c of companions.slice(0, 20)) {
    for (const t of c.together) {
      for (const e of [t.mine, t.theirs]) {
        const i = e.indexOf(':');
        keys[e.slice(0, i) as keyof typeof keys]?.add(e.slice(i + 1));
      }
    }
  }
  const result = await tx.run(RECORDS, { stays: [...keys.STAYED_AT], logins: [...keys.LOGGED_IN], passes: [...keys.PASSED] });
  for (const r of result.records) {
    addRecordRow(builder, r);
  }
  return builder.build();
}
