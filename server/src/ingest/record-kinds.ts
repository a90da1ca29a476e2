/**
 * The exchange format's record kinds (../shared/EXCHANGE-FORMAT.md), in the order they
 * are written: a kind's references point only at kinds before it, so by the time a kind
 * is written every record it may name is already in the database.
 */
export const ENTITY_KINDS = ['region', 'station', 'location', 'person', 'case'] as const;
export const LINK_KINDS = ['relation', 'stay', 'login', 'pass', 'call', 'involvement'] as const;
export const RECORD_KINDS = [...ENTITY_KINDS, ...LINK_KINDS] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RELATION_TYPES = ['FAMILY', 'ASSOCIATE', 'CO_OFFENDER', 'PARTNER', 'OLD_RELATION', 'COLLEAGUE', 'CONTACT'] as const;
export const LOCATION_TYPES = ['HOTEL', 'INTERNET_CAFE', 'CHECKPOINT', 'MARKET', 'ADDRESS', 'OTHER'] as const;
export const CASE_TYPES = ['THEFT', 'FRAUD', 'DRUG', 'ROBBERY', 'ASSAULT', 'OTHER'] as const;
export const CASE_STATUSES = ['OPEN', 'SOLVED'] as const;
export const INVOLVEMENT_ROLES = ['SUSPECT', 'OFFENDER', 'VICTIM', 'WITNESS'] as const;
export const EMPLOYMENT = ['EMPLOYED', 'UNEMPLOYED', 'STUDENT', 'UNKNOWN'] as const;
export const BUILT_IN_TAGS = ['FUGITIVE', 'DRUG_USER', 'EX_OFFENDER'] as const;

export type RelationType = (typeof RELATION_TYPES)[number];

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

/**
 * The kinds whose records a kind's records may name. A batch is written only after every
 * earlier batch of these kinds committed, so its references are in the database; batches of
 * unrelated kinds may be written at the same time.
 */
export const REFERENCED_KINDS: Record<RecordKind, readonly RecordKind[]> = {
  region: ['region'],
  station: ['region'],
  location: ['station', 'region'],
  person: [],
  case: ['location'],
  relation: ['person'],
  stay: ['person', 'location'],
  login: ['person', 'location'],
  pass: ['location'],
  call: [],
  involvement: ['person', 'case'],
};
