import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, residentIdProblem } from '../../server/src/ingest/resident-id.js';

describe('GB 11643 resident IDs', () => {
  it('accepts the exchange format example, with X as check character', () => {
    expect(residentIdProblem('11010519491231002X')).toBeUndefined();
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('explains each way an ID can be wrong, in English and in Chinese', () => {
    expect(residentIdProblem('110105194912310021')).toEqual({ en: 'check character is 1 but GB 11643 gives X', zh: '校验码是 1，按 GB 11643 应为 X' });
    expect(residentIdProblem('1101051949123100')).toEqual({ en: 'must be 18 characters, got 16', zh: '应为 18 位，实际 16 位' });
    expect(residentIdProblem('11010519491231002Y')).toEqual({ en: 'must be 17 digits followed by a digit or X', zh: '应为 17 位数字加 1 位数字或 X' });
    const feb30 = '32128119900230001';
    expect(residentIdProblem(feb30 + residentIdCheckChar(feb30))).toEqual({
      en: 'contains 19900230, which is not a real birth date',
      zh: '其中的出生日期 19900230 不是真实日期',
    });
  });
});
