import { cypher } from '../db/cypher-files.js';
import type { Tx } from '../db/graph.js';
import { toPlain } from '../db/neo4j-values.js';
import type { SubgraphBuilder } from '../link/graph-elements.js';

const MOVEMENTS = cypher('techniques/movements-of-persons');

export type MovementKind = 'STAY' | 'LOGIN' | 'PASS';

export interface RawElement {
  id: string;
  kind: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface RawNode {
  id: string;
  kind: string;
  properties: Record<string, unknown>;
}

/** One place-bound trace of a person, with what is needed to draw it. */
export interface Movement {
  person: string;
  kind: MovementKind;
  atMs: number;
  /** Check-out or log-out; null for passes and open stays. */
  untilMs: number | null;
  at: string;
  until: string | null;
  place: PlaceInfo;
  raw: { place: RawNode; edge: RawElement; vehicle: RawNode | null; owns: RawElement | null };
}

export interface PlaceInfo {
  id: string;
  uid: string;
  name: string;
  type: string;
  town: string | null;
  region: string | null;
  station: string | null;
  lat: number | null;
  lon: number | null;
}

export function placeInfo(node: RawNode): PlaceInfo {
  const p = toPlain(node.properties) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(p.id),
    uid: node.id,
    name: str(p.name) ?? String(p.id),
    type: str(p.type) ?? 'OTHER',
    town: str(p.town),
    region: str(p.region),
    station: str(p.station),
    lat: typeof p.lat === 'number' ? p.lat : null,
    lon: typeof p.lon === 'number' ? p.lon : null,
  };
}

/** Stays, logins and car passes of the persons in the window, oldest first per person. */
export async function movementsOf(tx: Tx, ids: string[], from: string, to: string): Promise<Movement[]> {
  if (ids.length === 0) return [];
  const result = await tx.run(MOVEMENTS, { ids, from, to });
  return result.records.map((r) => {
    const at = toPlain(r.get('at')) as string;
    const until = toPlain(r.get('until')) as string | null;
    const place = r.get('place') as RawNode;
    return {
      person: r.get('person') as string,
      kind: r.get('kind') as MovementKind,
      at,
      until,
      atMs: Date.parse(at),
      untilMs: until ? Date.parse(until) : null,
      place: placeInfo(place),
      raw: { place, edge: r.get('edge') as RawElement, vehicle: r.get('vehicle') as RawNode | null, owns: r.get('owns') as RawElement | null },
    };
  });
}

/** Draws a movement: the place, the movement edge, and for a pass the car and its ownership. */
export function addMovement(builder: SubgraphBuilder, m: Movement): void {
  builder.addNode(m.raw.place);
  if (m.raw.vehicle) builder.addNode(m.raw.vehicle);
  builder.addEdge(m.raw.edge);
  if (m.raw.owns) builder.addEdge(m.raw.owns);
}

/** A score's parts: each with its value and why it is there; the score is their product or sum as documented. */
export interface ScorePart {
  name: string;
  value: number;
  /** In English, the API's language; `explanationZh` is the workspace's (see request-language.ts). */
  explanation: string;
  explanationZh?: string;
}

export const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

/** Draws a row of techniques/records-by-key: the record, its ends, and a car's owner. */
export function addRecordRow(builder: SubgraphBuilder, row: { get(key: string): unknown }): void {
  builder.addNode(row.get('start') as RawNode);
  builder.addNode(row.get('end') as RawNode);
  builder.addEdge(row.get('edge') as RawElement);
  if (row.get('owner')) {
    builder.addNode(row.get('owner') as RawNode);
    builder.addEdge(row.get('ownerEdge') as RawElement);
  }
}
