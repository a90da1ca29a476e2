import { cypher } from '../db/cypher-files.js';
import { toPlain } from '../db/neo4j-values.js';
import type { Tx } from '../db/graph.js';

export type Props = Record<string, unknown>;

const PERSONS = cypher('link/persons-by-id');
const PERSON_BY_ID_NUMBER = cypher('link/person-by-id-number');
const LOCATIONS = cypher('link/locations-by-id');
const CASES = cypher('link/cases-by-id');
const INVOLVEMENTS = cypher('link/case-involvements');
const STATIONS = cypher('link/stations-of-locations');
const REGIONS = cypher('link/regions-by-code');

/** Looks records up by id in one query for a whole batch; returns them in input order. */
async function byIds(tx: Tx, statement: string, ids: readonly string[], column: string): Promise<(Props | null)[]> {
  const result = await tx.run(statement, { ids: [...new Set(ids)] });
  const found = new Map(result.records.map((r) => [r.get('id') as string, toPlain(r.toObject()) as Record<string, Props>]));
  return ids.map((id) => {
    const row = found.get(id);
    if (!row) return null;
    return row[column]!;
  });
}

export const findPersons = (tx: Tx, ids: readonly string[]) => byIds(tx, PERSONS, ids, 'person');
export const findLocations = (tx: Tx, ids: readonly string[]) => byIds(tx, LOCATIONS, ids, 'location');
export const findCases = (tx: Tx, ids: readonly string[]) => byIds(tx, CASES, ids, 'case');
export const findRegions = (tx: Tx, codes: readonly string[]) => byIds(tx, REGIONS, codes, 'region');

export async function findPersonByIdNumber(tx: Tx, idNumber: string): Promise<Props | null> {
  const result = await tx.run(PERSON_BY_ID_NUMBER, { idNumber });
  const first = result.records[0];
  return first ? (toPlain(first.get('person')) as Props) : null;
}

export interface InvolvementRow {
  person: Props;
  role: string;
  note: string | null;
}

export async function findInvolvements(tx: Tx, caseIds: readonly string[]): Promise<InvolvementRow[][]> {
  const result = await tx.run(INVOLVEMENTS, { ids: [...new Set(caseIds)] });
  const grouped = new Map<string, InvolvementRow[]>();
  for (const r of result.records) {
    const row = toPlain(r.toObject()) as { caseId: string } & InvolvementRow;
    const list = grouped.get(row.caseId) ?? [];
    list.push({ person: row.person, role: row.role, note: row.note });
    grouped.set(row.caseId, list);
  }
  return caseIds.map((id) => grouped.get(id) ?? []);
}

export async function findStationsOfLocations(tx: Tx, locationIds: readonly string[]): Promise<(Props | null)[]> {
  return byIds(tx, STATIONS, locationIds, 'station');
}
