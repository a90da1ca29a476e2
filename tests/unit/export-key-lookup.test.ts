import { describe, expect, it } from 'vitest';
import { cypher } from '../../server/src/db/cypher-files.js';
import { KEY_LOOKUP_TYPES } from '../../server/src/link/elements-by-id.js';

/** An edge of a type the key look-up lacks would be dropped or sent the slow way: the two lists must agree. */
describe('export look-up of relationships by key', () => {
  it('has one branch for each type the export sends it, and no other', () => {
    const branches = [...cypher('export/edges-by-key').matchAll(/MATCH \(a:Entity\)-\[r:([A-Z_]+) \{key: k\}\]->\(b:Entity\)/g)].map((m) => m[1]);
    expect(new Set(branches).size).toBe(branches.length);
    expect([...branches].sort()).toEqual([...KEY_LOOKUP_TYPES].sort());
    for (const t of branches) expect(cypher('export/edges-by-key')).toContain(`coalesce($keys.${t}, [])`);
  });
});
