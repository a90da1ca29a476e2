import { FieldReader, ReaderPastProblems, RecordRejected, type FieldProblem, type Said } from './field-reader.js';
import {
  CASE_STATUSES,
  CASE_TYPES,
  EMPLOYMENT,
  INVOLVEMENT_ROLES,
  LOCATION_TYPES,
  RELATION_TYPES,
  isRecordKind,
  type RecordKind,
} from './record-kinds.js';
import { residentIdBirthDate, residentIdProblem } from './resident-id.js';
import { rowHash } from './row-hash.js';

/** A record turned into the parameters its kind's Cypher expects, with its fingerprint `hash`. */
export type Row = Record<string, unknown> & { i: number };

export interface NormalizeOptions {
  /** Provenance for records that do not name their sending system. */
  defaultSource?: string;
  /** Watch-list tags accepted beyond the built-in ones (any upper-case word when absent). */
  extraVocabulary?: Partial<Record<'relationType' | 'locationType' | 'caseType', readonly string[]>>;
}

const REGION_CODE = /^\d{6}$/;
const TAG = /^[A-Z][A-Z0-9_]*$/;
/** A phone number as the exchange format takes it (digits, an optional leading +, dashes). */
export const PHONE = /^\+?[0-9][0-9-]{2,19}$/;
const ID_TEXT = 100;
// What a list item must be, for its reason (allocated once: lists are read for every person).
const A_PHONE: Said = { en: 'a phone number', zh: '电话号码' };
const A_TAG: Said = { en: 'an upper-case watch-list word', zh: '大写的关注标签词' };
const GENDERS = ['M', 'F'] as const;
/**
 * Gender as written, upper-cased: M and F, and as Chinese registries export it (GB/T 2261.1:
 * the words, and the codes 1 and 2). One look-up for every person, the usual M and F included.
 */
const GENDER_WORDS = new Map<string, (typeof GENDERS)[number]>([
  ['M', 'M'],
  ['F', 'F'],
  ['男', 'M'],
  ['女', 'F'],
  ['1', 'M'],
  ['2', 'F'],
]);

/** A record's row, its kind, and when its event happened (epoch ms; movements and cases). */
export interface NormalizedRecord {
  kind: RecordKind;
  row: Row;
  eventMs?: number;
}

type Vocabularies = Record<'relationType' | 'locationType' | 'caseType', readonly string[]>;
const BASE_VOCABULARY: Vocabularies = { relationType: RELATION_TYPES, locationType: LOCATION_TYPES, caseType: CASE_TYPES };

/** The vocabularies with the caller's extra words; the built-in ones when there are none (the usual case). */
function vocabularies(options: NormalizeOptions): Vocabularies {
  const extra = options.extraVocabulary;
  if (!extra) return BASE_VOCABULARY;
  return {
    relationType: [...RELATION_TYPES, ...(extra.relationType ?? [])],
    locationType: [...LOCATION_TYPES, ...(extra.locationType ?? [])],
    caseType: [...CASE_TYPES, ...(extra.caseType ?? [])],
  };
}

/**
 * Checks one raw record against the exchange format and returns its row, or throws
 * RecordRejected naming the field. `i` is the record's position in its import, used to
 * report a later failure (an unresolved reference) against the right line.
 *
 * Every row of a kind is built as one object literal with its fields in one fixed order
 * (source, sourceId, then the kind's own), then given its position `i` and its
 * fingerprint `hash`: the fingerprint is the content's JSON text (row-hash.ts), so the
 * order is part of what earlier imports stored.
 */
export function normalizeRecord(raw: unknown, i: number, options: NormalizeOptions = {}, reported?: ReadonlySet<string>): NormalizedRecord {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new RecordRejected({ field: 'kind', reason: 'the line is not a JSON object', reasonZh: '这一行不是 JSON 对象', rule: 'not-json' });
  }
  const rec = raw as Record<string, unknown>;
  if (rec.kind === undefined || rec.kind === '') new FieldReader(rec).missing('kind');
  const kind = typeof rec.kind === 'string' ? rec.kind.trim().toLowerCase() : rec.kind;
  if (!isRecordKind(kind)) {
    const named = String(rec.kind);
    throw new RecordRejected({ field: 'kind', reason: `"${named}" is not a record kind of the exchange format`, reasonZh: `"${named}" 不是交换格式中的记录类型`, rule: 'vocabulary' });
  }
  const f = reported ? new ReaderPastProblems(rec, reported) : new FieldReader(rec);
  const source = f.string('source', ID_TEXT) ?? options.defaultSource ?? null;
  const sourceId = f.string('sourceId', 200) ?? null;
  switch (kind) {
    case 'region':
      return { kind, row: regionRow(f, i, source, sourceId) };
    case 'station':
      return { kind, row: stationRow(f, i, source, sourceId) };
    case 'location':
      return { kind, row: locationRow(f, i, source, sourceId, vocabularies(options)) };
    case 'person':
      return { kind, row: personRow(f, i, source, sourceId) };
    case 'case':
      return caseRecord(f, i, source, sourceId, vocabularies(options));
    case 'relation':
      return { kind, row: relationRow(f, i, source, sourceId, vocabularies(options)) };
    case 'stay':
      return stayRecord(f, i, source, sourceId);
    case 'login':
      return loginRecord(f, i, source, sourceId);
    case 'pass':
      return passRecord(f, i, source, sourceId);
    case 'call':
      return callRecord(f, i, source, sourceId);
    case 'involvement':
      return { kind, row: involvementRow(f, i, source, sourceId) };
  }
}

/** At most this many problems are reported for one record, the first included. */
const MOST_PROBLEMS = 20;

/**
 * A refused record's problems beyond the first, in the order the checks meet them, so that
 * whoever corrects it at the source sees everything wrong with it at once instead of one
 * problem per re-import. Each round reads the record again with the fields reported so far
 * set aside (ReaderPastProblems); it ends when a round passes, names a field already
 * reported (a check on a set-aside value), or fails in any other way.
 */
export function furtherProblems(raw: unknown, first: FieldProblem, options: NormalizeOptions = {}): FieldProblem[] {
  const reported = new Set([first.field]);
  const further: FieldProblem[] = [];
  while (further.length < MOST_PROBLEMS - 1) {
    try {
      normalizeRecord(raw, 0, options, reported);
      return further;
    } catch (e) {
      if (!(e instanceof RecordRejected) || reported.has(e.problem.field)) return further;
      further.push(e.problem);
      reported.add(e.problem.field);
    }
  }
  return further;
}

type Source = string | null;

function regionRow(f: FieldReader, i: number, source: Source, sourceId: Source): Row {
  const code = f.required('code', 6);
  if (!REGION_CODE.test(code)) f.problem('code', notRegionCode(code));
  const parent = f.string('parent');
  if (parent !== undefined && !REGION_CODE.test(parent)) f.problem('parent', notRegionCode(parent));
  return positioned({ source, sourceId, code, name: f.required('name', 200), parent: parent ?? null }, i);
}

function stationRow(f: FieldReader, i: number, source: Source, sourceId: Source): Row {
  const region = f.required('region');
  if (!REGION_CODE.test(region)) f.problem('region', notRegionCode(region));
  return positioned({ source, sourceId, id: f.required('id', ID_TEXT), name: f.required('name', 200), region }, i);
}

function locationRow(f: FieldReader, i: number, source: Source, sourceId: Source, vocab: Vocabularies): Row {
  const lat = f.number('lat', -90, 90);
  const lon = f.number('lon', -180, 180);
  if (lat === undefined) f.missing('lat');
  if (lon === undefined) f.missing('lon');
  return positioned(
    {
      source,
      sourceId,
      id: f.required('id', ID_TEXT),
      type: f.oneOf('type', vocab.locationType, true),
      name: f.required('name', 200),
      lat,
      lon,
      address: f.string('address', 500) ?? null,
      region: f.string('region') ?? null,
      town: f.string('town', 100) ?? null,
      station: f.string('station', ID_TEXT) ?? null,
    },
    i,
  );
}

function personRow(f: FieldReader, i: number, source: Source, sourceId: Source): Row {
  const idNumber = f.string('idNumber', 18)?.toUpperCase();
  const birthDate = f.date('birthDate');
  if (idNumber !== undefined) {
    const problem = residentIdProblem(idNumber);
    if (problem) f.problem('idNumber', problem, 'resident-id');
    if (birthDate && residentIdBirthDate(idNumber) !== birthDate) {
      const inside = residentIdBirthDate(idNumber);
      f.problem('birthDate', { en: `${birthDate} disagrees with the birth date ${inside} inside idNumber`, zh: `${birthDate} 与身份证号中的出生日期 ${inside} 不符` }, 'birth-date');
    }
  }
  const origin = f.string('origin');
  if (origin !== undefined && !REGION_CODE.test(origin)) f.problem('origin', notRegionCode(origin));
  return positioned(
    {
      source,
      sourceId,
      id: f.required('id', ID_TEXT),
      name: f.required('name', 100),
      idNumber: idNumber ?? null,
      gender: genderOf(f),
      birthDate: birthDate ?? (idNumber ? residentIdBirthDate(idNumber) : null),
      origin: origin ?? null,
      residence: f.string('residence', 500) ?? null,
      employment: f.oneOf('employment', EMPLOYMENT) ?? null,
      phones: f.list('phones', PHONE, A_PHONE),
      // Upper case, as checkpoint passes write them, so both reach the same Vehicle.
      plates: [...new Set(f.list('plates').map(upperCase))],
      tags: f.list('tags', TAG, A_TAG),
    },
    i,
  );
}

function caseRecord(f: FieldReader, i: number, source: Source, sourceId: Source, vocab: Vocabularies): NormalizedRecord {
  const from = f.dateTime('occurredFrom', true)!;
  const to = f.dateTime('occurredTo');
  if (to && to.epochMs < from.epochMs) f.problem('occurredTo', isBefore('occurredFrom'), 'order');
  const lat = f.number('lat', -90, 90);
  const lon = f.number('lon', -180, 180);
  if ((lat === undefined) !== (lon === undefined)) f.problem(lat === undefined ? 'lat' : 'lon', { en: 'must be given together with the other coordinate', zh: '须与另一个坐标一同给出' });
  const row = positioned(
    {
      source,
      sourceId,
      id: f.required('id', ID_TEXT),
      type: f.oneOf('type', vocab.caseType, true),
      title: f.required('title', 500),
      status: f.oneOf('status', CASE_STATUSES, true),
      occurredFrom: from.text,
      occurredTo: to?.text ?? null,
      mo: f.list('mo'),
      offenders: f.number('offenders', 0, 10000, true) ?? null,
      location: f.string('location', ID_TEXT) ?? null,
      lat: lat ?? null,
      lon: lon ?? null,
      region: f.string('region') ?? null,
      agency: f.string('agency', 200) ?? null,
      description: f.string('description', 20000) ?? null,
    },
    i,
  );
  return { kind: 'case', row, eventMs: from.epochMs };
}

function relationRow(f: FieldReader, i: number, source: Source, sourceId: Source, vocab: Vocabularies): Row {
  const from = f.required('from', ID_TEXT);
  const to = f.required('to', ID_TEXT);
  if (from === to) f.problem('to', { en: 'names the same person as from', zh: '与 from 是同一个人' });
  const type = f.oneOf('type', vocab.relationType, true)!;
  const since = f.date('since');
  const until = f.date('until');
  if (since && until && until < since) f.problem('until', isBefore('since'), 'order');
  return positioned({ source, sourceId, from, to, type, key: `${from}|${to}|${type}`, since: since ?? null, until: until ?? null, weight: f.number('weight', 0, 1) ?? null, note: f.string('note', 2000) ?? null }, i);
}

function stayRecord(f: FieldReader, i: number, source: Source, sourceId: Source): NormalizedRecord {
  const person = f.required('person', ID_TEXT);
  const location = f.required('location', ID_TEXT);
  const checkIn = f.dateTime('checkIn', true)!;
  const checkOut = f.dateTime('checkOut');
  if (checkOut && checkOut.epochMs < checkIn.epochMs) f.problem('checkOut', isBefore('checkIn'), 'order');
  const row = positioned({ source, sourceId, person, location, key: `${person}|${location}|${checkIn.instant}`, checkIn: checkIn.text, checkOut: checkOut?.text ?? null, room: f.string('room', 50) ?? null }, i);
  return { kind: 'stay', row, eventMs: checkIn.epochMs };
}

function loginRecord(f: FieldReader, i: number, source: Source, sourceId: Source): NormalizedRecord {
  const person = f.required('person', ID_TEXT);
  const location = f.required('location', ID_TEXT);
  const at = f.dateTime('at', true)!;
  const until = f.dateTime('until');
  if (until && until.epochMs < at.epochMs) f.problem('until', isBefore('at'), 'order');
  const row = positioned({ source, sourceId, person, location, key: `${person}|${location}|${at.instant}`, at: at.text, until: until?.text ?? null }, i);
  return { kind: 'login', row, eventMs: at.epochMs };
}

function passRecord(f: FieldReader, i: number, source: Source, sourceId: Source): NormalizedRecord {
  const plate = f.required('plate', 20).toUpperCase();
  const location = f.required('location', ID_TEXT);
  const at = f.dateTime('at', true)!;
  const row = positioned({ source, sourceId, plate, location, key: `${plate}|${location}|${at.instant}`, at: at.text, direction: f.string('direction', 50) ?? null }, i);
  return { kind: 'pass', row, eventMs: at.epochMs };
}

function callRecord(f: FieldReader, i: number, source: Source, sourceId: Source): NormalizedRecord {
  const from = f.required('from', 20);
  const to = f.required('to', 20);
  if (!PHONE.test(from)) f.problem('from', notPhone(from));
  if (!PHONE.test(to)) f.problem('to', notPhone(to));
  const at = f.dateTime('at', true)!;
  const row = positioned({ source, sourceId, from, to, key: `${from}|${to}|${at.instant}`, at: at.text, seconds: f.number('seconds', 0, 86400 * 7, true) ?? null }, i);
  return { kind: 'call', row, eventMs: at.epochMs };
}

function involvementRow(f: FieldReader, i: number, source: Source, sourceId: Source): Row {
  const person = f.required('person', ID_TEXT);
  const caseId = f.required('case', ID_TEXT);
  const role = f.oneOf('role', INVOLVEMENT_ROLES, true)!;
  return positioned({ source, sourceId, person, case: caseId, role, key: `${person}|${caseId}|${role}`, note: f.string('note', 2000) ?? null }, i);
}

const upperCase = (s: string) => s.toUpperCase();

function genderOf(f: FieldReader): (typeof GENDERS)[number] | null {
  const written = f.string('gender', 20);
  if (written === undefined) return null;
  // anything else is refused by oneOf, which names the field and the values it takes
  return GENDER_WORDS.get(written.toUpperCase()) ?? f.oneOf('gender', GENDERS)!;
}

// The reasons several kinds give, in both languages (field-reader.ts).
const notRegionCode = (code: string): Said => ({ en: `"${code}" is not a 6-digit administrative code`, zh: `"${code}" 不是 6 位行政区划代码` });
const notPhone = (value: string): Said => ({ en: `"${value}" is not a phone number`, zh: `"${value}" 不是电话号码` });
const isBefore = (other: string): Said => ({ en: `is before ${other}`, zh: `早于 ${other}` });

/**
 * A row's fingerprint (row-hash.ts) is taken from its content before its position `i` is
 * added: the content's own JSON text, with no copy made to cut `i` out of it.
 */
function positioned(content: Record<string, unknown>, i: number): Row {
  const hash = rowHash(content);
  const row = content as Row;
  row.i = i;
  row.hash = hash;
  return row;
}
