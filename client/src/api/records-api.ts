import { gql } from './client.js';
import { PROVENANCE } from './fragments.js';

/** Records behind the details panel: a person, case or place in full, and a person's timeline. */
export interface TimelineEvent {
  at: string;
  until: string | null;
  kind: string;
  location: { uid: string; name: string; type: string; town: string | null } | null;
  counterpart: string | null;
  /** A case event's role of the person (SUSPECT …). */
  role: string | null;
  summary: string;
  edgeId: string;
}

export type RecordFields = Record<string, unknown> & { provenance?: Record<string, unknown> | null };

export async function personRecord(id: string): Promise<RecordFields | null> {
  const data = await gql<{ person: RecordFields | null }>(
    `query Person($id: ID!) { person(id: $id) { id uid name idNumber gender birthDate origin originName residence residenceName employment tags phones plates ${PROVENANCE} } }`,
    { id },
  );
  return data.person;
}

export async function caseRecord(id: string): Promise<RecordFields | null> {
  const data = await gql<{ case: RecordFields | null }>(
    `query Case($id: ID!) { case(id: $id) { id uid type title status occurredFrom occurredTo mo offenders region regionName agency description
      location { uid name } involvements { person { uid name } role note } ${PROVENANCE} } }`,
    { id },
  );
  return data.case;
}

export async function locationRecord(id: string): Promise<RecordFields | null> {
  const data = await gql<{ location: RecordFields | null }>(
    `query Location($id: ID!) { location(id: $id) { id uid type name address region regionName town lat lon station { uid name } ${PROVENANCE} } }`,
    { id },
  );
  return data.location;
}

export async function timeline(personId: string, first = 200): Promise<{ events: TimelineEvent[]; total: number }> {
  const data = await gql<{ timeline: { totalCount: number; events: TimelineEvent[] } }>(
    `query Timeline($id: ID!, $first: Int) { timeline(personId: $id, first: $first) { totalCount events { at until kind location { uid name type town } counterpart role summary edgeId } } }`,
    { id: personId, first },
  );
  return { events: data.timeline.events, total: data.timeline.totalCount };
}
