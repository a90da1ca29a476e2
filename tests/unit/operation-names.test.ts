import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/ui/strings-en.js';
import { zh } from '../../client/src/ui/strings-zh.js';
import { POLICIES } from '../../server/src/security/policies.js';

/**
 * The audit trail names each operation as the policy table does (Query.search,
 * HTTP.export); a supervisor reads it in words. Every operation has them, in both languages:
 * adding one without fails here, with its name.
 */
describe('operation names for the audit trail', () => {
  const operations = Object.keys(POLICIES).filter((k) => /^(Query|Mutation|Subscription|HTTP)\.[a-zA-Z]+$/.test(k));

  it('has words for every operation in Chinese and English', () => {
    expect(operations.length).toBeGreaterThan(50);
    const missing = operations.filter((op) => !(`op.${op}` in zh) || !(`op.${op}` in en));
    expect(missing, 'add op.<operation> to client/src/ui/strings-zh.ts and strings-en.ts').toEqual([]);
  });

  it('names no operation that no longer exists', () => {
    const known = new Set(operations.map((op) => `op.${op}`));
    expect(Object.keys(zh).filter((k) => k.startsWith('op.') && !known.has(k))).toEqual([]);
  });
});
