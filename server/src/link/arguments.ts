import { BadUserInput } from '../errors.js';
import { normalizeDateTime } from '../ingest/time-values.js';
import { KIND_TO_LABEL, type EntityKind } from './graph-elements.js';

/** Argument checks shared by the link-analysis operations; each error names its argument. */

export function intArg(name: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw new BadUserInput(name, `must be a whole number from ${min} to ${max}, got ${v}`, `应为 ${min} 到 ${max} 之间的整数，实际是 ${v}`);
  return v;
}

/** A graph id: the kind, a colon, the record's key (Person:P-000123). */
export const GRAPH_ID = /^(Person|Location|Case|Phone|Vehicle|Station|Region):.{1,200}$/;

/** Graph ids look like "Person:P-000123": the kind, a colon, the record's key. */
export function graphIdsArg(name: string, ids: readonly string[], max: number): string[] {
  if (ids.length === 0) throw new BadUserInput(name, 'must name at least one node', '至少要指定一个节点');
  if (ids.length > max) throw new BadUserInput(name, `names ${ids.length} nodes; at most ${max} are accepted`, `共 ${ids.length} 个节点，最多 ${max} 个`);
  for (const id of ids) {
    if (!GRAPH_ID.test(id)) {
      throw new BadUserInput(name, `"${id.slice(0, 60)}" is not a graph id; write it as Kind:key, e.g. Person:P-000123 (kinds: ${Object.values(KIND_TO_LABEL).join(', ')})`, `“${id.slice(0, 60)}”不是图中编号；应写成 类别:编号，例如 Person:P-000123`);
    }
  }
  return [...new Set(ids)];
}

export function recordIdArg(name: string, id: string): string {
  const trimmed = id.trim();
  if (trimmed === '' || trimmed.length > 200) throw new BadUserInput(name, 'must be a record id of 1 to 200 characters', '请填写编号（1 到 200 个字符）');
  return trimmed;
}

export function dateTimeArg(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const t = normalizeDateTime(value);
  if (!t) throw new BadUserInput(name, `"${value}" is not an ISO 8601 date and time, e.g. 2026-08-10T00:00:00+08:00`, `“${value}”不是有效的日期时间`);
  return t.text;
}

export function windowArgs(from: string | null | undefined, to: string | null | undefined): { from: string | null; to: string | null } {
  const f = dateTimeArg('from', from);
  const t = dateTimeArg('to', to);
  if (f && t && Date.parse(t) < Date.parse(f)) throw new BadUserInput('to', 'is before from', '早于开始时间');
  return { from: f, to: t };
}

export const PERSON_RELATION_TYPES = ['FAMILY', 'ASSOCIATE', 'CO_OFFENDER', 'PARTNER', 'OLD_RELATION', 'COLLEAGUE', 'CONTACT'];

/**
 * What paths and common associates follow by default: person relations, and identity links
 * between two records of the same person once an analyst or an equal resident ID confirmed
 * them (the Cypher skips SAME_AS links that are not CONFIRMED).
 */
export const PATH_DEFAULT_TYPES = [...PERSON_RELATION_TYPES, 'SAME_AS'];

export function relationTypesArg(value: readonly string[] | null | undefined, fallback: string[] | null): string[] | null {
  if (value === null || value === undefined) return fallback;
  if (value.length === 0) throw new BadUserInput('relationTypes', 'must name at least one relation kind, or be left out', '至少要选一种关系，或不选表示全部');
  return [...new Set(value)];
}

export function kindsArg(value: readonly EntityKind[] | null | undefined): EntityKind[] {
  const all: EntityKind[] = ['PERSON', 'CASE', 'LOCATION'];
  if (value === null || value === undefined) return all;
  const unsupported = value.filter((k) => !all.includes(k));
  if (unsupported.length > 0) throw new BadUserInput('kinds', `search covers PERSON, CASE and LOCATION; ${unsupported.join(', ')} cannot be searched`, `只能搜索人员、案件和场所（PERSON、CASE、LOCATION），不能搜索 ${unsupported.join('、')}`);
  return [...new Set(value)];
}
