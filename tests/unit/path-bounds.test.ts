import { describe, expect, it } from 'vitest';
import { withBounds } from '../../server/src/link/paths-repository.js';

describe('path bounds spliced into Cypher', () => {
  it('replaces the placeholders with the checked integers', () => {
    expect(withBounds('{1,__MAX_HOPS__} SHORTEST __K__', { maxHops: 6, k: 3 })).toBe('{1,6} SHORTEST 3');
  });

  it('refuses anything that is not a small positive integer', () => {
    expect(() => withBounds('{1,__MAX_HOPS__}', { maxHops: 1.5 })).toThrow();
    expect(() => withBounds('{1,__MAX_HOPS__}', { maxHops: 0 })).toThrow();
    expect(() => withBounds('{1,__MAX_HOPS__}', { maxHops: Number('6}) MATCH (x) DETACH DELETE x //') })).toThrow();
  });
});
