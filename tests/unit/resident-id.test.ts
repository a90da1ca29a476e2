import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, residentIdProblem } from '../../server/src/ingest/resident-id.js';

describe('GB 11643 resident IDs', () => {
  it('accepts the exchange format example, with X as check character', () => {
    expect(residentIdProblem('11010519491231002X')).toBeUndefined();
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('explains each way an ID can be wrong', () => {
    expect(residentIdProblem('110105194912310021')).toMatch(/check character is 1 but GB 11643 gives X/);
    expect(residentIdProblem('1101051949123100')).toMatch(/18 characters/);
    expect(residentIdProblem('11010519491231002Y')).toMatch(/17 digits/);
    const feb30 = '32128119900230001';
    expect(residentIdProblem(feb30 + residentIdCheckChar(feb30))).toMatch(/not a real birth date/);
  });
});
