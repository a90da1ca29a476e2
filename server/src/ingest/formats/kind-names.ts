import path from 'node:path';
import { RECORD_KINDS, type RecordKind } from '../record-kinds.js';

/**
 * What the names of exported files and sheets usually say, in Chinese, for each kind. The
 * English kind names (and their plurals) are recognised as well.
 */
const CHINESE_NAMES: Record<string, RecordKind> = {
  行政区划: 'region',
  派出所: 'station',
  场所: 'location',
  地点: 'location',
  人员: 'person',
  关系: 'relation',
  住宿: 'stay',
  旅馆: 'stay',
  上网: 'login',
  网吧: 'login',
  卡口: 'pass',
  过车: 'pass',
  通话: 'call',
  话单: 'call',
  案件: 'case',
  涉案: 'involvement',
};

/**
 * The record kind a CSV file or a spreadsheet sheet holds, read from its name: the first
 * word that is a kind (`stay.csv`, `stays-2026-03-27.csv`, `hotel_stay.csv`) or a Chinese
 * name from the table above (`旅馆住宿登记.csv` → stay). Undefined when the name says none.
 */
export function kindFromName(name: string): RecordKind | undefined {
  const base = path.basename(name).replace(/\.[^.]*$/, '');
  const words = base.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  for (const word of words) {
    const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') ? word.slice(0, -1) : word;
    const kind = RECORD_KINDS.find((k) => k === word || k === singular || (k === 'pass' && word === 'passes'));
    if (kind) return kind;
  }
  for (const [chinese, kind] of Object.entries(CHINESE_NAMES)) if (base.includes(chinese)) return kind;
  return undefined;
}

/** Fields that are dates (not date-times), which spreadsheets store as day numbers. */
export const DATE_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  person: ['birthDate'],
  relation: ['since', 'until'],
};

/** The exchange format's field names per kind, so a header can be matched regardless of case. */
export const KIND_FIELDS: Record<RecordKind, readonly string[]> = {
  region: ['code', 'name', 'parent'],
  station: ['id', 'name', 'region'],
  person: ['id', 'name', 'idNumber', 'gender', 'birthDate', 'origin', 'residence', 'phones', 'plates', 'employment', 'tags'],
  relation: ['from', 'to', 'type', 'since', 'until', 'weight', 'note'],
  location: ['id', 'type', 'name', 'lat', 'lon', 'address', 'region', 'town', 'station'],
  stay: ['person', 'location', 'checkIn', 'checkOut', 'room'],
  login: ['person', 'location', 'at', 'until'],
  pass: ['plate', 'location', 'at', 'direction'],
  call: ['from', 'to', 'at', 'seconds'],
  case: ['id', 'type', 'title', 'occurredFrom', 'status', 'occurredTo', 'mo', 'offenders', 'location', 'lat', 'lon', 'region', 'agency', 'description'],
  involvement: ['person', 'case', 'role', 'note'],
};

export const PROVENANCE_FIELDS = ['source', 'sourceId'] as const;
