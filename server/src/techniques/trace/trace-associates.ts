import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import { NotFound } from '../../errors.js';
import { SubgraphBuilder, type Subgraph } from '../../link/graph-elements.js';
import { addMovement, movementsOf, type Movement, type RawNode } from '../movements.js';
import { cstText, type TimeWindow } from '../technique-arguments.js';
import { associateTies, type AssociateTie, type PathRow } from './associate-ties.js';
import { rankPlaces, type RankedPlace } from './place-ranking.js';

/** One file per depth: a quantified path's bounds cannot be parameters. */
const PATHS_BY_DEPTH: Record<number, string> = { 1: cypher('techniques/trace-paths-depth-1'), 2: cypher('techniques/trace-paths-depth-2'), 3: cypher('techniques/trace-paths-depth-3') };
const CALLS = cypher('techniques/trace-calls');
const LAST_TRACE = cypher('techniques/person-last-trace');

export interface TraceArgs {
  personId: string;
  relationTypes: string[];
  depth: number;
  window: TimeWindow;
  /** Only associates' traces after the person's own last trace (when they went silent). */
  afterLastOwnTrace: boolean;
  relationWeights: Record<string, number>;
  halfLifeDays: number;
  /** Associates below this tie strength are left out. */
  minStrength: number;
  limit: number;
}

export interface TraceResult {
  person: RawNode;
  lastOwnTraceAt: string | null;
  /** The window the associates' traces were read in (after the last own trace if asked). */
  searched: { from: string; to: string };
  associates: AssociateTie[];
  towns: RankedPlace[];
  places: RankedPlace[];
  subgraph: Subgraph;
}

const MAX_PATHS = 5000;
/** Places drawn in the evidence subgraph. */
const DRAWN_PLACES = 10;

/** 关系人员倒查法: where is a silent person likely to be, judging by where their relations are. */
export async function traceAssociates(tx: Tx, args: TraceArgs): Promise<TraceResult> {
  const head = (await tx.run(LAST_TRACE, { personId: args.personId, to: args.window.to })).records[0];
  if (!head) throw new NotFound('Person', args.personId);
  const person = head.get('person') as RawNode;
  const lastOwnTraceAt = toPlain(head.get('lastTrace')) as string | null;
  let fromMs = args.window.fromMs;
  if (args.afterLastOwnTrace && lastOwnTraceAt) fromMs = Math.max(fromMs, Date.parse(lastOwnTraceAt) + 1000);
  const searched = { from: cstText(fromMs), to: args.window.to };

  const ties = await tiesOf(tx, args);
  const associateIds = [...ties.keys()].sort();
  const movements = fromMs < args.window.toMs ? await movementsOf(tx, associateIds, searched.from, searched.to) : [];
  const places = rankPlaces(movements, ties, (m) => m.place.id, args.window.toMs, args.halfLifeDays).slice(0, args.limit);
  const towns = rankPlaces(movements, ties, (m) => (m.place.town ? `${m.place.town}|${m.place.region ?? ''}` : null), args.window.toMs, args.halfLifeDays)
    .slice(0, args.limit)
    .map((t) => ({ ...t, place: null }));

  return { person, lastOwnTraceAt, searched, associates: [...ties.values()].sort((a, b) => b.strength - a.strength || (a.id < b.id ? -1 : 1)), towns, places, subgraph: evidence(person, ties, places, movements) };
}

/** The person's associates within the depth, with their tie strengths (below minStrength left out). */
export async function tiesOf(tx: Tx, args: Pick<TraceArgs, 'personId' | 'relationTypes' | 'depth' | 'window' | 'relationWeights' | 'minStrength'>): Promise<Map<string, AssociateTie>> {
  const paths = await tx.run(PATHS_BY_DEPTH[args.depth]!, { personId: args.personId, types: args.relationTypes, limit: neo4j.int(MAX_PATHS) });
  const rows = paths.records.map((r) => ({ associate: r.get('associate') as string, nodes: r.get('nodes'), hops: r.get('hops') }) as PathRow);
  const ids = [...new Set(rows.filter((r) => r.hops.length === 1).map((r) => r.associate))];
  const calls = new Map<string, number>();
  if (ids.length > 0) {
    for (const r of (await tx.run(CALLS, { personId: args.personId, ids, to: args.window.to })).records) calls.set(r.get('associate') as string, Number(r.get('calls')));
  }
  const ties = associateTies(rows, calls, args.relationWeights, args.window.toMs);
  for (const [id, tie] of ties) if (tie.strength < args.minStrength) ties.delete(id);
  return ties;
}

/** The person, the paths to the associates seen at the top places, and their traces there. */
function evidence(person: RawNode, ties: Map<string, AssociateTie>, places: RankedPlace[], movements: Movement[]): Subgraph {
  const builder = new SubgraphBuilder();
  builder.addNode(person);
  const drawn = new Set(places.slice(0, DRAWN_PLACES).map((p) => p.key));
  const seen = new Set<string>();
  for (const m of movements) {
    if (!drawn.has(m.place.id)) continue;
    if (!seen.has(m.person)) {
      seen.add(m.person);
      const tie = ties.get(m.person)!;
      builder.addPath({ nodes: tie.nodes, hops: tie.hops });
    }
    addMovement(builder, m);
  }
  return builder.build();
}
