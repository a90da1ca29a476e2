import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from '../../server/src/link/search-repository.js';

describe('search text to Lucene', () => {
  it('leaves nothing the user typed as Lucene syntax', () => {
    expect(toLuceneQuery('a:b OR (c) "d" \\ ~*')).toBe('"a:b" AND "OR" AND "(c)" AND "d" AND "~*"');
    expect(toLuceneQuery('AND')).toBe('("AND" OR and*)');
  });

  it('makes Han text a phrase and long Latin or digit words prefixes', () => {
    expect(toLuceneQuery('李国华')).toBe('"李国华"');
    expect(toLuceneQuery('321281')).toBe('("321281" OR 321281*)');
    expect(toLuceneQuery('李国华 3212')).toBe('"李国华" AND ("3212" OR 3212*)');
    // a single Han character: itself, the pairs it begins, and the name or title pairs it ends
    expect(toLuceneQuery('王 伟')).toBe('("王" OR 王* OR name:*王 OR title:*王) AND ("伟" OR 伟* OR name:*伟 OR title:*伟)');
  });

  it('gives an empty query for blank text', () => {
    expect(toLuceneQuery('   ')).toBe('');
  });
});
