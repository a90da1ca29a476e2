/**
 * The records of the Clew exchange format, version 1 (/work/shared/EXCHANGE-FORMAT.md), as
 * the generator writes them. Optional fields are left out rather than set to undefined, so
 * a record's JSON is exactly what the importer reads.
 */

export type RelationType = 'FAMILY' | 'ASSOCIATE' | 'CO_OFFENDER' | 'PARTNER' | 'OLD_RELATION' | 'COLLEAGUE' | 'CONTACT';
export type LocationType = 'HOTEL' | 'INTERNET_CAFE' | 'CHECKPOINT' | 'MARKET' | 'ADDRESS' | 'OTHER';
export type CaseType = 'THEFT' | 'FRAUD' | 'DRUG' | 'ROBBERY' | 'ASSAULT' | 'OTHER';
export type CaseStatus = 'OPEN' | 'SOLVED';
export type InvolvementRole = 'SUSPECT' | 'OFFENDER' | 'VICTIM' | 'WITNESS';
export type Employment = 'EMPLOYED' | 'UNEMPLOYED' | 'STUDENT' | 'UNKNOWN';
export type Gender = 'M' | 'F';

interface Provenance {
  source?: string;
  sourceId?: string;
}

export interface RegionRecord extends Provenance {
  kind: 'region';
  code: string;
  name: string;
  parent?: string;
}

export interface StationRecord extends Provenance {
  kind: 'station';
  id: string;
  name: string;
  region: string;
}

export interface PersonRecord extends Provenance {
  kind: 'person';
  id: string;
  name: string;
  idNumber?: string;
  gender?: Gender;
  birthDate?: string;
  origin?: string;
  residence?: string;
  phones?: string[];
  plates?: string[];
  employment?: Employment;
  tags?: string[];
}

export interface RelationRecord extends Provenance {
  kind: 'relation';
  from: string;
  to: string;
  type: RelationType;
  since?: string;
  until?: string;
  weight?: number;
  note?: string;
}

export interface LocationRecord extends Provenance {
  kind: 'location';
  id: string;
  type: LocationType;
  name: string;
  lat: number;
  lon: number;
  address?: string;
  region?: string;
  town?: string;
  station?: string;
}

export interface StayRecord extends Provenance {
  kind: 'stay';
  person: string;
  location: string;
  checkIn: string;
  checkOut?: string;
  room?: string;
}

export interface LoginRecord extends Provenance {
  kind: 'login';
  person: string;
  location: string;
  at: string;
  until?: string;
}

export interface PassRecord extends Provenance {
  kind: 'pass';
  plate: string;
  location: string;
  at: string;
  direction?: string;
}

export interface CallRecord extends Provenance {
  kind: 'call';
  from: string;
  to: string;
  at: string;
  seconds?: number;
}

export interface CaseRecord extends Provenance {
  kind: 'case';
  id: string;
  type: CaseType;
  title: string;
  occurredFrom: string;
  status: CaseStatus;
  occurredTo?: string;
  mo?: string[];
  offenders?: number;
  location?: string;
  lat?: number;
  lon?: number;
  region?: string;
  agency?: string;
  description?: string;
}

export interface InvolvementRecord extends Provenance {
  kind: 'involvement';
  person: string;
  case: string;
  role: InvolvementRole;
  note?: string;
}

export type ExchangeRecord =
  | RegionRecord
  | StationRecord
  | PersonRecord
  | RelationRecord
  | LocationRecord
  | StayRecord
  | LoginRecord
  | PassRecord
  | CallRecord
  | CaseRecord
  | InvolvementRecord;

export type RecordKind = ExchangeRecord['kind'];

/** The order the generator emits kinds in: everything a record names comes before it. */
export const RECORD_KIND_ORDER: readonly RecordKind[] = [
  'region',
  'station',
  'location',
  'person',
  'relation',
  'case',
  'involvement',
  'stay',
  'login',
  'pass',
  'call',
];
