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
    memberName: member,
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

  it('names the list by its title and the station by its name when they are known', () => {
    const hits = ['a', 'b', 'c'].map((m) => hit(m, 'S-XC', '2026-08-27T21:00:00+08:00'));
    const names = { listTitle: '吸毒人员', stationName: (id: string) => (id === 'S-XC' ? '新城派出所' : undefined) };
    const [g] = applyGroupRule('DRUG_USER', rule, hits, names);
    expect(g!.why).toMatch(/^3 persons on 吸毒人员 \(DRUG_USER\) in the area of 新城派出所 \(station S-XC\) /);
    expect(g!.whyZh).toMatch(/^吸毒人员 名单上 3 人 24 小时内在新城派出所辖区出现/);
    // A station without a name in the database is still named by its id.
    const [unnamed] = applyGroupRule('DRUG_USER', rule, ['a', 'b', 'c'].map((m) => hit(m, 'S-SG', '2026-08-27T21:00:00+08:00')), names);
    expect(unnamed!.whyZh).toContain('在派出所 S-SG 辖区');
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
