import { hash } from 'node:crypto';
import type { Row } from './normalize-record.js';

/**
 * A fingerprint of what a record says (every normalized field but its position `i`), stored
 * on what it wrote: a record re-sent unchanged is recognised and not written again, so a
 * re-import changes nothing and is counted as unchanged. normalizeRecord builds every row of
 * a kind with its fields in one fixed order and computes it, so the JSON text is canonical as it is.
 */
export function rowHash(row: Row | Record<string, unknown>): string {
  return hash('sha1', contentJson(row), 'base64url').slice(0, 22);
}

/**
 * The row's JSON without `i` and `hash`. A row with `i` first has that member cut off the
 * front of its JSON text; any other is copied without the two.
 */
function contentJson(row: Row | Record<string, unknown>): string {
  // normalizeRecord asks before it adds `i` and `hash`: the JSON text as it is.
  if (row.i === undefined && row.hash === undefined) return JSON.stringify(row);
  const json = JSON.stringify(row);
  const lead = `{"i":${row.i},`;
  if (row.hash === undefined && json.startsWith(lead)) return `{${json.slice(lead.length)}`;
  const { i: _i, hash: _hash, ...content } = row;
  return JSON.stringify(content);
}

/** The natural key of a row within its kind: two rows with the same key write the same element. */
export function naturalKey(row: Row): string {
  return String(row.key ?? row.id ?? row.code ?? row.i);
}
