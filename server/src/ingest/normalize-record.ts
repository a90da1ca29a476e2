import { FieldReader, RecordRejected } from './field-reader.js';
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

/** A record turned into the parameters its kind's Cypher expects. */
export type Row = Record<string, unknown> & { i: number };

export interface NormalizeOptions {
  /** Provenance for records that do not name their sending system. */
  defaultSource?: string;
  /** Watch-list tags accepted beyond the built-in ones (any upper-case word when absent). */
  extraVocabulary?: Partial<Record<'relationType' | 'locationType' | 'caseType', readonly string[]>>;
}

const REGION_CODE = /^\d{6}$/;
const TAG = /^[A-Z][A-Z0-9_]*$/;
const PHONE = /^\+?[0-9][0-9-]{2,19}$/;
const ID_TEXT = 100;

/**
 * Checks one raw record against the exchange format and returns its row, or throws
 * RecordRejected naming the field. `i` is the record's position in its import, used to
 * report a later failure (an unresolved reference) against the right line.
 */
export function normalizeRecord(raw: unknown, i: number, options: NormalizeOptions = {}): { kind: RecordKind; row: Row } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new RecordRejected({ field: 'kind', reason: 'the line is not a JSON object', rule: 'not-json' });
  }
  const rec = raw as Record<string, unknown>;
  if (rec.kind === undefined || rec.kind === '') throw new RecordRejected({ field: 'kind', reason: 'is required', rule: 'required' });
  const kind = typeof rec.kind === 'string' ? rec.kind.trim().toLowerCase() : rec.kind;
  if (!isRecordKind(kind)) {
    throw new RecordRejected({ field: 'kind', reason: `"${String(rec.kind)}" is not a record kind of the exchange format`, rule: 'vocabulary' });
  }
  const f = new FieldReader(rec);
  const provenance = { source: f.string('source', { max: ID_TEXT }) ?? options.defaultSource ?? null, sourceId: f.string('sourceId', { max: 200 }) ?? null };
  const vocab = (name: 'relationType' | 'locationType' | 'caseType', base: readonly string[]) => [
    ...base,
    ...(options.extraVocabulary?.[name] ?? []),
  ];
  const row = (fields: Record<string, unknown>): { kind: RecordKind; row: Row } => ({ kind, row: { i, ...provenance, ...fields } });

  switch (kind) {
    case 'region': {
      const code = f.required('code', 6);
      if (!REGION_CODE.test(code)) f.problem('code', `"${code}" is not a 6-digit administrative code`);
      const parent = f.string('parent');
      if (parent !== undefined && !REGION_CODE.test(parent)) f.problem('parent', `"${parent}" is not a 6-digit administrative code`);
      return row({ code, name: f.required('name', 200), parent: parent ?? null });
    }
    case 'station': {
      const region = f.required('region');
      if (!REGION_CODE.test(region)) f.problem('region', `"${region}" is not a 6-digit administrative code`);
      return row({ id: f.required('id', ID_TEXT), name: f.required('name', 200), region });
    }
    case 'location': {
      const lat = f.number('lat', { min: -90, max: 90 });
      const lon = f.number('lon', { min: -180, max: 180 });
      if (lat === undefined) f.problem('lat', 'is required', 'required');
      if (lon === undefined) f.problem('lon', 'is required', 'required');
      return row({
        id: f.required('id', ID_TEXT),
        type: f.oneOf('type', vocab('locationType', LOCATION_TYPES), true),
        name: f.required('name', 200),
        lat,
        lon,
        address: f.string('address', { max: 500 }) ?? null,
        region: f.string('region') ?? null,
        town: f.string('town', { max: 100 }) ?? null,
        station: f.string('station', { max: ID_TEXT }) ?? null,
      });
    }
    case 'person': {
      const idNumber = f.string('idNumber', { max: 18 })?.toUpperCase();
      const birthDate = f.date('birthDate');
      if (idNumber !== undefined) {
        const problem = residentIdProblem(idNumber);
        if (problem) f.problem('idNumber', problem, 'resident-id');
        if (birthDate && residentIdBirthDate(idNumber) !== birthDate) {
          f.problem('birthDate', `${birthDate} disagrees with the birth date ${residentIdBirthDate(idNumber)} inside idNumber`, 'birth-date');
        }
      }
      const origin = f.string('origin');
      if (origin !== undefined && !REGION_CODE.test(origin)) f.problem('origin', `"${origin}" is not a 6-digit administrative code`);
      return row({
        id: f.required('id', ID_TEXT),
        name: f.required('name', 100),
        idNumber: idNumber ?? null,
        gender: f.oneOf('gender', ['M', 'F']) ?? null,
        birthDate: birthDate ?? (idNumber ? residentIdBirthDate(idNumber) : null),
        origin: origin ?? null,
        residence: f.string('residence', { max: 500 }) ?? null,
        employment: f.oneOf('employment', EMPLOYMENT) ?? null,
        phones: f.list('phones', { pattern: PHONE, describe: 'a phone number' }),
        // Upper case, as checkpoint passes write them, so both reach the same Vehicle.
        plates: [...new Set(f.list('plates').map((plate) => plate.toUpperCase()))],
        tags: f.list('tags', { pattern: TAG, describe: 'an upper-case watch-list word' }),
      });
    }
    case 'case': {
      const from = f.dateTime('occurredFrom', true)!;
      const to = f.dateTime('occurredTo');
      if (to && to.epochMs < from.epochMs) f.problem('occurredTo', 'is before occurredFrom', 'order');
      const lat = f.number('lat', { min: -90, max: 90 });
      const lon = f.number('lon', { min: -180, max: 180 });
      if ((lat === undefined) !== (lon === undefined)) f.problem(lat === undefined ? 'lat' : 'lon', 'must be given together with the other coordinate');
      return row({
        id: f.required('id', ID_TEXT),
        type: f.oneOf('type', vocab('caseType', CASE_TYPES), true),
        title: f.required('title', 500),
        status: f.oneOf('status', CASE_STATUSES, true),
        occurredFrom: from.text,
        occurredTo: to?.text ?? null,
        mo: f.list('mo'),
        offenders: f.number('offenders', { min: 0, max: 10000, integer: true }) ?? null,
        location: f.string('location', { max: ID_TEXT }) ?? null,
        lat: lat ?? null,
        lon: lon ?? null,
        region: f.string('region') ?? null,
        agency: f.string('agency', { max: 200 }) ?? null,
        description: f.string('description', { max: 20000 }) ?? null,
      });
    }
    case 'relation': {
      const from = f.required('from', ID_TEXT);
      const to = f.required('to', ID_TEXT);
      if (from === to) f.problem('to', 'names the same person as from');
      const type = f.oneOf('type', vocab('relationType', RELATION_TYPES), true)!;
      const since = f.date('since');
      const until = f.date('until');
      if (since && until && until < since) f.problem('until', 'is before since', 'order');
      return row({ from, to, type, key: `${from}|${to}|${type}`, since: since ?? null, until: until ?? null, weight: f.number('weight', { min: 0, max: 1 }) ?? null, note: f.string('note', { max: 2000 }) ?? null });
    }
    case 'stay': {
      const person = f.required('person', ID_TEXT);
      const location = f.required('location', ID_TEXT);
      const checkIn = f.dateTime('checkIn', true)!;
      const checkOut = f.dateTime('checkOut');
      if (checkOut && checkOut.epochMs < checkIn.epochMs) f.problem('checkOut', 'is before checkIn', 'order');
      return row({ person, location, key: `${person}|${location}|${checkIn.instant}`, checkIn: checkIn.text, checkOut: checkOut?.text ?? null, room: f.string('room', { max: 50 }) ?? null });
    }
    case 'login': {
      const person = f.required('person', ID_TEXT);
      const location = f.required('location', ID_TEXT);
      const at = f.dateTime('at', true)!;
      const until = f.dateTime('until');
      if (until && until.epochMs < at.epochMs) f.problem('until', 'is before at', 'order');
      return row({ person, location, key: `${person}|${location}|${at.instant}`, at: at.text, until: until?.text ?? null });
    }
    case 'pass': {
      const plate = f.required('plate', 20).toUpperCase();
      const location = f.required('location', ID_TEXT);
      const at = f.dateTime('at', true)!;
      return row({ plate, location, key: `${plate}|${location}|${at.instant}`, at: at.text, direction: f.string('direction', { max: 50 }) ?? null });
    }
    case 'call': {
      const from = f.required('from', 20);
      const to = f.required('to', 20);
      if (!PHONE.test(from)) f.problem('from', `"${from}" is not a phone number`);
      if (!PHONE.test(to)) f.problem('to', `"${to}" is not a phone number`);
      const at = f.dateTime('at', true)!;
      return row({ from, to, key: `${from}|${to}|${at.instant}`, at: at.text, seconds: f.number('seconds', { min: 0, max: 86400 * 7, integer: true }) ?? null });
    }
    case 'involvement': {
      const person = f.required('person', ID_TEXT);
      const caseId = f.required('case', ID_TEXT);
      const role = f.oneOf('role', INVOLVEMENT_ROLES, true)!;
      return row({ person, case: caseId, role, key: `${person}|${caseId}|${role}`, note: f.string('note', { max: 2000 }) ?? null });
    }
  }
}
