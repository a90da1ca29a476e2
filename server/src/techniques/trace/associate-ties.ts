import { toPlain } from '../../db/neo4j-values.js';
import type { RawElement, RawNode } from '../movements.js';
import { round } from '../movements.js';

/**
 * How strongly a relation ties two persons, by its kind. An analyst trusts family and an
 * old relation (老关系) most to know where a fugitive hides; a business contact least.
 * Overridable per run.
 */
export const DEFAULT_RELATION_WEIGHTS: Record<string, number> = {
  FAMILY: 1.0,
  OLD_RELATION: 0.9,
  CO_OFFENDER: 0.9,
  PARTNER: 0.7,
  ASSOCIATE: 0.6,
  COLLEAGUE: 0.5,
  CONTACT: 0.5,
};

/** A relation without a recorded weight counts as a middling one. */
const UNWEIGHTED = 0.5;
/** A relation that ended loses half its strength every two years since. */
const ENDED_HALF_LIFE_DAYS = 730;

export interface AssociateTie {
  id: string;
  /** 0..~1.3: the strongest path's strength times the repeated-contact factor. */
  strength: number;
  pathStrength: number;
  contactFactor: number;
  calls: number;
  depth: number;
  /** The relation kind of the path's first hop (how the person knows the way in). */
  relation: string;
  /** Person ids from the start to the associate. */
  path: string[];
  nodes: RawNode[];
  hops: RawElement[];
}

export interface PathRow {
  associate: string;
  nodes: RawNode[];
  hops: RawElement[];
}

/** One hop's strength: kind weight × recorded weight × how long ago the relation ended. */
export function hopStrength(hop: RawElement, weights: Record<string, number>, windowEndMs: number): number {
  const p = toPlain(hop.properties) as { weight?: number | null; until?: string | null };
  const kind = weights[hop.kind] ?? 0.5;
  const recorded = typeof p.weight === 'number' ? p.weight : UNWEIGHTED;
  let ended = 1;
  if (p.until) {
    const days = (windowEndMs - Date.parse(p.until)) / 86_400_000;
    if (days > 0) ended = 0.5 ** (days / ENDED_HALF_LIFE_DAYS);
  }
  return kind * recorded * ended;
}

/**
 * The tie to each associate: the strongest of its paths (a product of hop strengths, so a
 * second-degree tie is weaker than both of its hops), raised by repeated calls with the
 * person: 1 + 0.25 ln(1 + calls).
 */
export function associateTies(rows: PathRow[], calls: Map<string, number>, weights: Record<string, number>, windowEndMs: number): Map<string, AssociateTie> {
  const ties = new Map<string, AssociateTie>();
  for (const row of rows) {
    const pathStrength = row.hops.reduce((s, h) => s * hopStrength(h, weights, windowEndMs), 1);
    const current = ties.get(row.associate);
    if (current && (current.pathStrength > pathStrength || (current.pathStrength === pathStrength && current.depth <= row.hops.length))) continue;
    const n = calls.get(row.associate) ?? 0;
    const contactFactor = 1 + 0.25 * Math.log(1 + n);
    ties.set(row.associate, {
      id: row.associate,
      pathStrength: round(pathStrength),
      contactFactor: round(contactFactor),
      calls: n,
      strength: round(pathStrength * contactFactor),
      depth: row.hops.length,
      relation: row.hops[0]!.kind,
      path: row.nodes.map((nd) => String((nd.properties as { id?: unknown }).id)),
      nodes: row.nodes,
      hops: row.hops,
    });
  }
  return ties;
}
