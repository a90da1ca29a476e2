import { describe, expect, it } from 'vitest';
import { readPurpose } from '../../server/src/security/purpose.js';

describe('reading the purpose of a request', () => {
  it('takes a case number or a reason from the request extensions', () => {
    expect(readPurpose({ purpose: { caseNumber: 'A3209822026030001' } }, undefined).purpose).toEqual({ caseNumber: 'A3209822026030001', reason: null });
    expect(readPurpose({ purpose: { reason: '核查吸毒人员聚集线索' } }, undefined).purpose).toEqual({ caseNumber: null, reason: '核查吸毒人员聚集线索' });
    expect(readPurpose({ purpose: '核查指令 2026-031' }, undefined).purpose?.reason).toBe('核查指令 2026-031');
  });

  it('accepts Chinese case numbers with their brackets', () => {
    expect(readPurpose({ purpose: { caseNumber: '泰公(刑)立字[2026]12号' } }, undefined).purpose?.caseNumber).toBe('泰公(刑)立字[2026]12号');
  });

  it('takes the X-Clew-Purpose header, form-encoded UTF-8, when the body has none', () => {
    const header = `caseNumber=A320982&reason=${encodeURIComponent('追逃 李某 关系人')}`;
    expect(readPurpose(undefined, header).purpose).toEqual({ caseNumber: 'A320982', reason: '追逃 李某 关系人' });
  });

  it('reports what is wrong with a malformed purpose, and nothing when there is none', () => {
    expect(readPurpose({ purpose: { reason: '...' } }, undefined)).toMatchObject({ purpose: null, problem: expect.stringMatching(/at least 4/) });
    expect(readPurpose({ purpose: { caseNumber: "'; DROP" } }, undefined)).toMatchObject({ purpose: null, problem: expect.stringMatching(/caseNumber/) });
    expect(readPurpose({ purpose: 42 }, undefined).problem).toMatch(/object/);
    expect(readPurpose({ purpose: { reason: 'x'.repeat(501) } }, undefined).problem).toMatch(/at most 500/);
    expect(readPurpose({}, undefined)).toEqual({ purpose: null, problem: null });
  });
});
