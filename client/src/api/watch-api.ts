import { gql } from './client.js';

/** Standing watches (常设关注): an import bringing a new movement of a wanted person's associate raises an alert. */
export interface StandingWatch {
  id: string;
  personId: string;
  personName: string | null;
  depth: number;
  note: string | null;
  createdBy: string;
  createdAt: string;
  active: boolean;
}

const WATCH_FIELDS = 'id personId personName depth note createdBy createdAt active';

/** Every active watch, oldest first. */
export async function activeWatches(): Promise<StandingWatch[]> {
  const data = await gql<{ standingWatches: StandingWatch[] }>(`query ActiveWatches { standingWatches(activeOnly: true) { ${WATCH_FIELDS} } }`);
  return data.standingWatches;
}

/** The active watch on a person, if there is one. */
export async function activeWatchOn(personId: string): Promise<StandingWatch | null> {
  const data = await gql<{ standingWatches: StandingWatch[] }>(`query Watches($personId: ID) { standingWatches(activeOnly: true, personId: $personId) { ${WATCH_FIELDS} } }`, { personId });
  return data.standingWatches[0] ?? null;
}

export async function watchPerson(personId: string, depth: number, note: string): Promise<StandingWatch> {
  const data = await gql<{ watchPerson: StandingWatch }>(
    `mutation Watch($personId: ID!, $depth: Int, $note: String) { watchPerson(personId: $personId, depth: $depth, note: $note) { ${WATCH_FIELDS} } }`,
    { personId, depth, note: note || null },
  );
  return data.watchPerson;
}

export async function endWatch(id: string): Promise<StandingWatch> {
  const data = await gql<{ endWatch: StandingWatch }>(`mutation EndWatch($id: ID!) { endWatch(id: $id) { ${WATCH_FIELDS} } }`, { id });
  return data.endWatch;
}
