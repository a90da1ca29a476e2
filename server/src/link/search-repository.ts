import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import { toPlain } from '../db/neo4j-values.js';
import type { Tx } from '../db/graph.js';
import type { EntityKind } from './graph-elements.js';
import { explainMatch, type SearchFields } from './search-match.js';

export interface SearchHit {
  id: string;
  kind: EntityKind;
  label: string;
  detail: string | null;
  score: number;
  matchedOn: string;
  matchedValue: string | null;
}

/** Each kind's full-text statements, and its searched fields in the order that names a tie (field name as the API says it, property). */
const BY_KIND: Partial<Record<EntityKind, { hits: string; count: string; fields: [string, string][] }>> = {
  PERSON: {
    hits: cypher('link/search-persons'),
    count: cypher('link/search-persons-count'),
    fields: [['name', 'name'], ['idNumber', 'idNumber'], ['phone', 'phones'], ['plate', 'plates']],
  },
  CASE: {
    hits: cypher('link/search-cases'),
    count: cypher('link/search-cases-count'),
    fields: [['id', 'id'], ['title', 'title'], ['mo', 'mo'], ['description', 'description']],
  },
  LOCATION: {
    hits: cypher('link/search-locations'),
    count: cypher('link/search-locations-count'),
    fields: [['id', 'id'], ['name', 'name'], ['town', 'town'], ['address', 'address']],
  },
};
const EXACT = cypher('link/search-exact');

/**
 * Turns what a user typed into a Lucene query in which nothing the user typed is syntax:
 * plain letter-or-digit words are used as they are (and as prefixes), everything else is a
 * quoted phrase with its quote and backslash characters removed. Each word must match; the
 * prefix form lets a partial resident ID or plate find its owner, and a single Han character
 * the names that hold it.
 */
export function toLuceneQuery(text: string): string {
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10);
  return words
    .map((w) => {
      const prefixable = /^[\p{L}\p{N}]+$/u.test(w) && !/\p{Script=Han}/u.test(w) && w.length >= 3;
      if (prefixable) return `("${w}" OR ${w.toLowerCase()}*)`;
      // The cjk analyzer indexes Han text as pairs of characters (李国华: 李国, 国华), so one
      // character alone matches no term. As a prefix it finds the pairs it begins (a surname);
      // as a suffix of a name or title, the pairs it ends (华 of 李国华, a given name). The
      // suffix form reads every term of that one field (a leading wildcard), so it is kept to
      // the short fields; an index without the field ignores it.
      if (/^\p{Script=Han}$/u.test(w)) return `("${w}" OR ${w}* OR name:*${w} OR title:*${w})`;
      // Anything else is one quoted phrase; inside quotes only " and \ are special, so they go.
      const phrase = w.replace(/["\\]/g, '');
      return phrase === '' ? '' : `"${phrase}"`;
    })
    .filter(Boolean)
    .join(' AND ');
}

/**
 * One page of hits across kinds: exact identifiers first, then full-text hits by score
 * (ties broken by id, so pages are stable). `offset + first + 1` hits are read per kind so
 * the merged page and hasNextPage are exact.
 */
export async function searchEntities(
  tx: Tx,
  text: string,
  kinds: EntityKind[],
  offset: number,
  first: number,
): Promise<{ hits: SearchHit[]; hasNextPage: boolean; totalCount: number }> {
  const query = toLuceneQuery(text);
  const limit = offset + first + 1;
  const hits: SearchHit[] = [];
  let totalCount = 0;
  if (kinds.includes('PERSON')) {
    const exact = await tx.run(EXACT, { text: text.trim() });
    hits.push(...exact.records.map((r) => toPlain(r.toObject()) as SearchHit));
  }
  if (query !== '') {
    for (const kind of kinds) {
      const statements = BY_KIND[kind];
      if (!statements) continue;
      const result = await tx.run(statements.hits, { query, limit: neo4j.int(limit) });
      for (const record of result.records) {
        const { fields, ...hit } = toPlain(record.toObject()) as Omit<SearchHit, 'matchedOn' | 'matchedValue'> & { fields: Record<string, unknown> };
        const searched: SearchFields = statements.fields.map(([field, property]) => [field, fields[property]]);
        hits.push({ ...hit, ...explainMatch(text, searched) });
      }
      const count = await tx.run(statements.count, { query });
      totalCount += Number(toPlain(count.records[0]?.get('total')) ?? 0);
    }
  }
  const unique = new Map<string, SearchHit>();
  for (const h of hits) {
    const seen = unique.get(h.id);
    if (!seen || seen.score < h.score) unique.set(h.id, h);
  }
  const exactOnly = [...unique.values()].filter((h) => h.matchedOn !== 'text').length;
  const sorted = [...unique.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return {
    hits: sorted.slice(offset, offset + first),
    hasNextPage: sorted.length > offset + first,
    totalCount: Math.max(totalCount, sorted.length, exactOnly),
  };
}
