import { hash } from 'node:crypto';
import type { Row } from './normalize-record.js';

/**
 * A fingerprint of what a record says (every normalized field but its position `i`), stored
 * on what it wrote: a record re-sent unchanged is recognised and not written again, so a
 * re-import changes nothing and is counted as unchanged. normalizeRecord builds every row of
 * a kind with its fields in one fixed order, so the JSON text is canonical as it is.
 */
export function rowHash(row: Row): string {
  return hash('sha1', contentJson(row), 'base64url').slice(0, 22);
}

/**
 * The row's JSON without `i` and `hash`. normalizeRecord puts `i` first, so the usual row is
 * its own JSON with that member cut off the front, which saves copying the row per record.
 */
function contentJson(row: Row): string {
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
