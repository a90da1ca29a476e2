import { describe, expect, it } from 'vitest';
import { singleOrder, whoMatched } from '../../server/src/techniques/collision/run-collision.js';
import type { Hit } from '../../server/src/techniques/collision/group-rules.js';
import type { WatchList } from '../../server/src/techniques/collision/watch-lists.js';

const FUGITIVES: WatchList = { name: 'FUGITIVE', title: '在逃人员', description: '', singleHits: 'ORDER', singleDeadlineMinutes: 60, rules: [], active: true, updatedBy: null, updatedAt: null };

const stay: Hit = {
  kind: 'STAY',
  record: 'STAYED_AT:P-LI|H-JH-01|2026-08-27T13:40:00.000Z',
  at: '2026-08-27T21:40:00+08:00',
  atMs: Date.parse('2026-08-27T13:40:00Z'),
  until: null,
  place: { id: 'H-JH-01', name: '建湖宏达大酒店', type: 'HOTEL', station: 'S-JH', town: '建湖' },
  subject: { id: 'P-LI', name: '李国华', employment: null, origin: '321281' },
  plate: null,
  list: 'FUGITIVE',
  member: 'Person:P-LI',
  memberName: '李国华',
  matchedBy: 'PERSON',
  strength: 1,
};

describe("a single listed person's order", () => {
  it('tells the station when and where in its own time, the record key last', () => {
    const order = singleOrder(stay, FUGITIVES);
    expect(order.title).toBe('在逃人员: 李国华 @ 建湖宏达大酒店');
    expect(order.whyZh).toBe('2026-08-27 21:40 在建湖宏达大酒店的住宿记录按人员编号比中在逃人员名单（记录 STAYED_AT:P-LI|H-JH-01|2026-08-27T13:40:00.000Z）');
    expect(order.why).toBe('STAY at 建湖宏达大酒店 on 2026-08-27 21:40 matched 在逃人员 (FUGITIVE) by PERSON (record STAYED_AT:P-LI|H-JH-01|2026-08-27T13:40:00.000Z)');
  });

  it('names the listed person and the plate when a checkpoint saw only the car', () => {
    const pass: Hit = {
      ...stay,
      kind: 'PASS',
      record: 'PASSED:苏M52871|K-JH-01|2026-08-27T13:40:00.000Z',
      place: { id: 'K-JH-01', name: '建湖高速卡口', type: 'CHECKPOINT', station: 'S-JH', town: '建湖' },
      subject: null,
      plate: '苏M52871',
      matchedBy: 'PLATE',
      strength: 0.8,
    };
    expect(singleOrder(pass, FUGITIVES).title).toBe('在逃人员: 李国华（苏M52871） @ 建湖高速卡口');
    expect(whoMatched({ ...pass, memberName: null })).toBe('苏M52871');
  });
});
