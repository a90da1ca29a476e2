import { describe, expect, it } from 'vitest';
import { applyGroupRule, type Hit } from '../../server/src/techniques/collision/group-rules.js';
import type { GroupRule } from '../../server/src/techniques/collision/watch-lists.js';

const rule: GroupRule = { id: 'gathering', name: 'gathering', scope: 'STATION', minMembers: 3, windowHours: 24, locationTypes: ['HOTEL'], deadlineMinutes: 60 };

function hit(member: string, station: string, at: string, type = 'HOTEL', place = `H-${station}`): Hit {
  return {
    kind: 'STAY',
    record: `STAYED_AT:${member}|${place}|${at}`,
    at,
    atMs: Date.parse(at),
    until: null,
    place: { id: place, name: place, type, station, town: null },
    subject: { id: member, name: member, employment: 'UNEMPLOYED', origin: null },
    plate: null,
    list: 'DRUG_USER',
    member: `Person:${member}`,
    matchedBy: 'PERSON',
    strength: 1,
  };
}

describe('group rules', () => {
  it('groups three listed persons in one station area within the window, and says why', () => {
    const hits = [hit('a', 'S-XC', '2026-08-27T19:05:00+08:00', 'HOTEL', 'H-1'), hit('b', 'S-XC', '2026-08-27T20:10:00+08:00', 'HOTEL', 'H-2'), hit('c', 'S-XC', '2026-08-27T22:50:00+08:00', 'HOTEL', 'H-3')];
    const [g, ...rest] = applyGroupRule('DRUG_USER', rule, hits);
    expect(rest).toEqual([]);
    expect(g!.members).toEqual(['Person:a', 'Person:b', 'Person:c']);
    expect(g!.station).toBe('S-XC');
    expect(g!.why).toMatch(/3 persons .* station S-XC \(3 place\(s\)\) .* all registered as unemployed/);
  });

  it('makes no group of persons in different station areas, too far apart in time, or at other kinds of place', () => {
    expect(applyGroupRule('DRUG_USER', rule, [hit('a', 'S-SG', '2026-08-27T21:20:00+08:00'), hit('b', 'S-DN', '2026-08-27T20:40:00+08:00'), hit('c', 'S-XC', '2026-08-27T20:40:00+08:00')])).toEqual([]);
    expect(applyGroupRule('DRUG_USER', rule, [hit('a', 'S-XC', '2026-08-25T21:00:00+08:00'), hit('b', 'S-XC', '2026-08-26T22:00:00+08:00'), hit('c', 'S-XC', '2026-08-27T23:00:00+08:00')])).toEqual([]);
    expect(applyGroupRule('DRUG_USER', rule, ['a', 'b', 'c'].map((m) => hit(m, 'S-XC', '2026-08-27T21:00:00+08:00', 'CHECKPOINT')))).toEqual([]);
  });

  it('counts a person once however many records they have', () => {
    const hits = [hit('a', 'S-XC', '2026-08-27T19:00:00+08:00', 'HOTEL', 'H-1'), hit('a', 'S-XC', '2026-08-27T20:00:00+08:00', 'HOTEL', 'H-2'), hit('b', 'S-XC', '2026-08-27T21:00:00+08:00')];
    expect(applyGroupRule('DRUG_USER', rule, hits)).toEqual([]);
  });
});
