import { describe, expect, it } from 'vitest';
import { packEntityIds, unpackEntityIds } from '../../server/src/security/audit/entity-ids.js';

describe("an audit record's entity ids", () => {
  it('come back as they went in', () => {
    const ids = ['Person:P-LI', 'Location:L-JH-HOTEL-1', 'Phone:13905231866'];
    expect(unpackEntityIds(packEntityIds(ids))).toEqual(ids);
    expect(unpackEntityIds(packEntityIds([]))).toEqual([]);
  });

  it('read as none when the stored text is not what the writer packs, instead of failing every search after it', () => {
    expect(unpackEntityIds('x'.repeat(400))).toEqual([]);
    expect(unpackEntityIds(null)).toEqual([]);
  });
});
