import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The graph ids an answer carried, as stored on an audit record: space-separated and
 * deflated, base64. Hundreds of ids such as Person:P-000123 shrink about fivefold, which
 * keeps the write that every request waits for small; the plain text goes to the entity
 * index afterwards (audit-entity-indexer.ts).
 */
export function packEntityIds(ids: readonly string[]): string {
  return ids.length === 0 ? '' : deflateRawSync(ids.join(' '), { level: 1 }).toString('base64');
}

/**
 * The ids of a stored record; none when the text cannot be inflated. One unreadable record
 * must not stop the entity index or the supervisors' searches for every record after it;
 * whether a record was altered is what the hash chain says (npm run audit:verify).
 */
export function unpackEntityIds(packed: unknown): string[] {
  if (typeof packed !== 'string' || packed === '') return [];
  try {
    return inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8').split(' ');
  } catch {
    return [];
  }
}
