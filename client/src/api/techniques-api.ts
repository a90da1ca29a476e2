import type { ApiSubgraph } from '../graph/elements.js';
import { gql } from './client.js';
import { SUBGRAPH } from './fragments.js';

/** The four techniques (四大技战法) and co-travellers, as the server offers them. */
export interface ScorePart {
  name: string;
  value: number;
  explanation: string;
}

const PARTS = 'parts { name value explanation }';

export interface TracePlace {
  rank: number;
  town: string | null;
  region: string | null;
  locationId: string | null;
  locationName: string | null;
  locationType: string | null;
  score: number;
  parts: ScorePart[];
  events: number;
  window: { from: string; to: string; peak: string };
  associates: { personId: string; relation: string; strength: number; events: number; lastSeenAt: string }[];
}

export interface TraceResult {
  run: { id: string };
  person: { uid: string; name: string };
  lastOwnTraceAt: string | null;
  searchedFrom: string;
  searchedTo: string;
  towns: TracePlace[];
  places: TracePlace[];
  associates: { personId: string; name: string; relation: string; depth: number; strength: number; path: string[] }[];
  subgraph: ApiSubgraph;
}

const TRACE_PLACE = `rank town region locationId locationName locationType score ${PARTS} events window { from to peak } associates { personId relation strength events lastSeenAt }`;

export async function traceAssociates(args: { personId: string; depth: number; from: string | null; to: string | null; afterLastOwnTrace: boolean; limit: number }): Promise<TraceResult> {
  const data = await gql<{ traceAssociates: TraceResult }>(
    `query Trace($personId: ID!, $depth: Int, $from: DateTime, $to: DateTime, $afterLastOwnTrace: Boolean, $limit: Int) {
      traceAssociates(personId: $personId, depth: $depth, from: $from, to: $to, afterLastOwnTrace: $afterLastOwnTrace, limit: $limit) {
        run { id } person { uid name } lastOwnTraceAt searchedFrom searchedTo
        towns { ${TRACE_PLACE} } places { ${TRACE_PLACE} }
        associates { personId name relation depth strength path }
        subgraph { ${SUBGRAPH} }
      }
    }`,
    args,
  );
  return data.traceAssociates;
}

export interface CollisionHit {
  kind: string;
  record: string;
  at: string;
  locationId: string;
  locationName: string;
  station: string | null;
  subjectId: string | null;
  subjectName: string | null;
  watchList: string;
  member: string;
  memberName: string | null;
  /** The record's person, else the listed one with the plate that matched. */
  who: string;
  plate: string | null;
  matchedBy: string;
  strength: number;
}

export interface CollisionResult {
  run: { id: string };
  compared: { total: number; stays: number; logins: number; passes: number };
  hits: CollisionHit[];
  groups: { watchList: string; ruleName: string; scope: string; scopeKey: string; scopeName: string | null; station: string | null; members: string[]; places: string[]; firstAt: string; lastAt: string; why: string }[];
  orders: { created: boolean; order: { id: string; title: string; station: string; stationName: string | null; deadline: string } }[];
  subgraph: ApiSubgraph;
}

export async function runCollision(args: { from: string | null; to: string | null; watchLists: string[] | null; issueOrders: boolean }): Promise<CollisionResult> {
  const data = await gql<{ runCollision: CollisionResult }>(
    `mutation Collision($from: DateTime, $to: DateTime, $watchLists: [String!], $issueOrders: Boolean) {
      runCollision(from: $from, to: $to, watchLists: $watchLists, issueOrders: $issueOrders) {
        run { id } compared { total stays logins passes }
        hits { kind record at locationId locationName station subjectId subjectName watchList member memberName who plate matchedBy strength }
        groups { watchList ruleName scope scopeKey scopeName station members places firstAt lastAt why }
        orders { created order { id title station stationName deadline } }
        subgraph { ${SUBGRAPH} }
      }
    }`,
    args,
  );
  return data.runCollision;
}

export interface SimilarCase {
  rank: number;
  caseId: string;
  title: string | null;
  status: string;
  agency: string | null;
  occurredFrom: string;
  mo: string[];
  offenders: number | null;
  score: number;
  parts: ScorePart[];
  sharedMo: string[];
  inSeries: boolean;
  named: string[];
}

export interface CoincidenceScore {
  rank: number;
  personId: string;
  name: string | null;
  coincidentCases: string[];
  observed: number;
  expectedByChance: number;
  movements: number;
  score: number;
  parts: ScorePart[];
}

export interface LinkCasesResult {
  run: { id: string };
  caseId: string;
  similar: SimilarCase[];
  series: string[];
  testedCases: string[];
  offenderTests: { solvedCase: string; offenders: CoincidenceScore[]; coincidentCases: string[]; score: number; parts: ScorePart[] }[];
  present: CoincidenceScore[];
  subgraph: ApiSubgraph;
}

const COINCIDENCE = `rank personId name coincidentCases observed expectedByChance movements score ${PARTS}`;

export async function linkCases(args: { caseId: string; radiusM: number; slackHours: number; limit: number }): Promise<LinkCasesResult> {
  const data = await gql<{ linkCases: LinkCasesResult }>(
    `query LinkCases($caseId: ID!, $radiusM: Float, $slackHours: Float, $limit: Int) {
      linkCases(caseId: $caseId, radiusM: $radiusM, slackHours: $slackHours, limit: $limit) {
        run { id } caseId series testedCases
        similar { rank caseId title status agency occurredFrom mo offenders score ${PARTS} sharedMo inSeries named }
        offenderTests { solvedCase coincidentCases score ${PARTS} offenders { ${COINCIDENCE} } }
        present { ${COINCIDENCE} }
        subgraph { ${SUBGRAPH} }
      }
    }`,
    args,
  );
  return data.linkCases;
}

export interface CoTraveller {
  rank: number;
  personId: string;
  name: string;
  times: number;
  distinctDays: number;
  hotelNights: number;
  cafeSessions: number;
  checkpointPasses: number;
  score: number;
  parts: ScorePart[];
  together: { kind: string; mine: string; theirs: string; at: string; locationId: string; locationName: string }[];
}

export async function coTravellers(args: { personId: string; minTimes: number; from: string | null; to: string | null }): Promise<{ companions: CoTraveller[]; groups: string[][]; subgraph: ApiSubgraph }> {
  const data = await gql<{ coTravellers: { companions: CoTraveller[]; groups: string[][]; subgraph: ApiSubgraph } }>(
    `query CoTravellers($personId: ID!, $minTimes: Int, $from: DateTime, $to: DateTime) {
      coTravellers(personId: $personId, minTimes: $minTimes, from: $from, to: $to) {
        companions { rank personId name times distinctDays hotelNights cafeSessions checkpointPasses score ${PARTS} together { kind mine theirs at locationId locationName } }
        groups
        subgraph { ${SUBGRAPH} }
      }
    }`,
    args,
  );
  return data.coTravellers;
}

export interface RiskCandidate {
  rank: number;
  personId: string;
  name: string;
  origin: string | null;
  score: number;
  parts: ScorePart[];
  nearCases: string[];
  reasons: string[];
}

export async function highRiskSearch(args: { profileId: string; from: string | null; to: string | null; mo: string[] | null; radiusM: number; slackHours: number; limit: number }): Promise<{ casesConsidered: number; hotspots: { id: string; cases: string[] }[]; candidates: RiskCandidate[]; subgraph: ApiSubgraph }> {
  const data = await gql<{ highRiskSearch: { casesConsidered: number; hotspots: { id: string; cases: string[] }[]; candidates: RiskCandidate[]; subgraph: ApiSubgraph } }>(
    `query HighRisk($profileId: ID!, $from: DateTime, $to: DateTime, $mo: [String!], $radiusM: Float, $slackHours: Float, $limit: Int) {
      highRiskSearch(profileId: $profileId, from: $from, to: $to, mo: $mo, radiusM: $radiusM, slackHours: $slackHours, limit: $limit) {
        casesConsidered hotspots { id cases }
        candidates { rank personId name origin score ${PARTS} nearCases reasons }
        subgraph { ${SUBGRAPH} }
      }
    }`,
    args,
  );
  return data.highRiskSearch;
}
