import { describe, expect, it } from 'vitest';
import { LookUpPolicy } from '../../server/src/ingest/look-up-policy.js';

describe('when a kind looks up stored records before writing', () => {
  it('skips the look-up until a batch meets a stored record', () => {
    const policy = new LookUpPolicy();
    expect(policy.skips('stay')).toBe(true);
    policy.metStored('stay');
    expect(policy.skips('stay')).toBe(false);
    expect(policy.skips('login')).toBe(true);
  });

  it('skips again only after three batches in a row found nothing stored', () => {
    const policy = new LookUpPolicy();
    policy.metStored('stay');
    policy.lookedUp('stay', 0);
    policy.lookedUp('stay', 0);
    policy.lookedUp('stay', 4);
    policy.lookedUp('stay', 0);
    policy.lookedUp('stay', 0);
    expect(policy.skips('stay')).toBe(false);
    policy.lookedUp('stay', 0);
    expect(policy.skips('stay')).toBe(true);
  });

  it('keeps skipping when a look-up it did not need found nothing', () => {
    const policy = new LookUpPolicy();
    policy.lookedUp('region', 0);
    expect(policy.skips('region')).toBe(true);
  });
});
