import { createHash } from 'node:crypto';
import type { Row } from './normalize-record.js';

/**
 * A fingerprint of what a record says (every normalized field but its position `i`), stored
 * on what it wrote: a record re-sent unchanged is recognised and not written again, so a
 * re-import changes nothing and is counted as unchanged. normalizeRecord builds every row of
 * a kind with its fields in one fixed order, so the JSON text is canonical as it is.
 */
export function rowHash(row: Row): string {
  const { i: _i, hash: _hash, ...content } = row;
  return createHash('sha1').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

/** The natural key of a row within its kind: two rows with the same key write the same element. */
export function naturalKey(row: Row): string {
  return String(row.key ?? row.id ?? row.code ?? row.i);
}
