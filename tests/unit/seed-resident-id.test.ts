import { describe, expect, it } from 'vitest';
import { makeResidentId, residentIdCheckCharacter, validateResidentId } from '../../seed/resident-id.js';

describe('resident ID (GB 11643)', () => {
  it('accepts the exchange format example and reads its parts', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({ valid: true, regionCode: '110105', birthDate: '1949-12-31', gender: 'F' });
  });

  it('computes the check character with the GB 11643 weights', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('32128119780416037')).toBe('3');
  });

  it('builds IDs whose sequence parity is the gender', () => {
    const male = makeResidentId('321281', '1978-04-16', 37);
    const female = makeResidentId('429005', '2000-02-29', 88);
    expect(male).toBe('321281197804160373');
    expect(validateResidentId(male)).toMatchObject({ valid: true, gender: 'M', birthDate: '1978-04-16' });
    expect(validateResidentId(female)).toMatchObject({ valid: true, gender: 'F', regionCode: '429005' });
  });

  it('refuses to build from bad parts', () => {
    expect(() => makeResidentId('32128', '1978-04-16', 1)).toThrow(/region/);
    expect(() => makeResidentId('321281', '1978-02-30', 1)).toThrow(/birth date/);
    expect(() => makeResidentId('321281', '1978-04-16', 0)).toThrow(/sequence/);
  });

  it.each([
    ['32128119780416037', /18 characters/],
    ['32128119780416037A', /digit or X/],
    ['321281197804160374', /check character is 4 but GB 11643 gives 3/],
    ['321281197802300370', /not a real birth date/],
    ['321281180004160370', /not a real birth date/],
    ['321281197804160000', /sequence 000/],
  ])('rejects %s with the reason', (id, reason) => {
    const r = validateResidentId(id);
    expect(r.valid).toBe(false);
    if (!r.valid) expect(r.reason).toMatch(reason);
  });
});
