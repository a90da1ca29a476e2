/**
 * Story 1, associate reverse-tracing (关系人员倒查法): 李国华 defrauded 郭建明 of 1.52 million
 * yuan under a fake partnership and was put on the wanted list. After he fled on 2026-06-09
 * he leaves no trace of his own; his relations do. The old relation 孙德海, his wife and a
 * frequent contact all stay at 建湖宏达大酒店 (H-JH-01) around 2026-08-10, where Li is arrested;
 * his brother and two weaker ties were in 海安 earlier in the summer (real, but weaker, older
 * and fewer). Nothing in the background ever links to these people, so the exact answers of
 * the core queries (expand, shortest path, common associates, timeline) hold at every seed.
 */
import { StoryBuilder, type Story } from './story-kit.js';
import { cst } from '../time.js';
import { baseLocation } from '../geography.js';

export const LI_IDS = {
  li: 'P-LI',
  guo: 'P-GUO',
  guoWife: 'P-GUO-WIFE',
  wife: 'P-LI-WIFE',
  mother: 'P-LI-MOTHER',
  brother: 'P-LI-BRO',
  oldRelation: 'P-LI-OLD',
  partner: 'P-LI-PARTNER',
  contact1: 'P-LI-CONTACT1',
  contact2: 'P-LI-CONTACT2',
  associate: 'P-LI-ASSOC',
  fraudCase: 'CASE-LI-FRAUD',
} as const;

export const LI_PHONE = '13905231866';
export const LI_PLATE = '苏M52871';
export const LI_NAME = '李国华';
export const LI_FLED_ON = '2026-06-09';
/** Where the relations converge and Li is caught. */
export const ARREST_HOTEL = 'H-JH-01';

export function buildLiStory(): Story {
  const b = new StoryBuilder('LI');
  const I = LI_IDS;

  b.person({ id: I.li, name: LI_NAME, gender: 'M', birthDate: '1978-04-16', origin: '321281', seq: 37, phones: [LI_PHONE], plates: [LI_PLATE], employment: 'UNKNOWN', tags: ['FUGITIVE'] });
  b.person({ id: I.guo, name: '郭建明', gender: 'M', birthDate: '1969-09-02', origin: '321281', seq: 15, phones: ['13905236012'], employment: 'EMPLOYED' });
  b.person({ id: I.guoWife, name: '杨丽萍', gender: 'F', birthDate: '1972-03-11', origin: '321281', seq: 28, phones: ['13912457730'], employment: 'EMPLOYED' });
  b.person({ id: I.wife, name: '王秀梅', gender: 'F', birthDate: '1980-06-23', origin: '321281', seq: 46, phones: ['13952638140'], employment: 'EMPLOYED' });
  b.person({ id: I.mother, name: '陈桂兰', gender: 'F', birthDate: '1952-11-05', origin: '321281', seq: 62, phones: ['13905239277'], employment: 'UNKNOWN' });
  b.person({ id: I.brother, name: '李国强', gender: 'M', birthDate: '1975-01-30', origin: '321281', seq: 53, phones: ['13962701458'], plates: ['苏M63054'], employment: 'EMPLOYED' });
  b.person({ id: I.oldRelation, name: '孙德海', gender: 'M', birthDate: '1966-08-19', origin: '321281', seq: 71, phones: ['13905102291'], plates: ['苏M36158'], employment: 'EMPLOYED' });
  b.person({ id: I.partner, name: '周振宇', gender: 'M', birthDate: '1982-12-07', origin: '320925', seq: 19, phones: ['13951487325'], plates: ['苏J28516'], employment: 'EMPLOYED' });
  b.person({ id: I.contact1, name: '吴志刚', gender: 'M', birthDate: '1985-05-14', origin: '321281', seq: 93, phones: ['13914479810'], employment: 'EMPLOYED' });
  b.person({ id: I.contact2, name: '徐海林', gender: 'M', birthDate: '1979-10-02', origin: '320685', seq: 31, phones: ['13906275543'], employment: 'EMPLOYED' });
  b.person({ id: I.associate, name: '何文斌', gender: 'M', birthDate: '1988-02-21', origin: '320685', seq: 57, phones: ['13921648806'], employment: 'EMPLOYED' });

  // Weights say how much an analyst trusts the tie: family and the old relation highest.
  b.relation(I.li, I.guo, 'PARTNER', { since: '2025-11-20', weight: 0.5, note: '以合伙做生意为名（虚假合伙）' });
  b.relation(I.li, I.wife, 'FAMILY', { since: '2004-10-01', weight: 0.9, note: '夫妻' });
  b.relation(I.li, I.mother, 'FAMILY', { weight: 0.8, note: '母子' });
  b.relation(I.li, I.brother, 'FAMILY', { weight: 0.7, note: '兄弟' });
  b.relation(I.li, I.oldRelation, 'OLD_RELATION', { since: '2009-03-01', weight: 0.8, note: '多年老关系，曾一同经营水产' });
  b.relation(I.li, I.partner, 'PARTNER', { since: '2021-05-01', weight: 0.6, note: '曾在建湖合伙做水产生意' });
  b.relation(I.li, I.contact1, 'CONTACT', { weight: 0.5, note: '通话频繁' });
  b.relation(I.li, I.contact2, 'CONTACT', { weight: 0.3, note: '偶有通话' });
  b.relation(I.li, I.associate, 'ASSOCIATE', { weight: 0.3, note: '生意往来' });
  b.relation(I.wife, I.mother, 'FAMILY', { weight: 0.6, note: '婆媳' });
  b.relation(I.brother, I.mother, 'FAMILY', { weight: 0.8, note: '母子' });
  b.relation(I.guo, I.guoWife, 'FAMILY', { since: '1995-01-18', weight: 0.9, note: '夫妻' });

  const zy = baseLocation('H-ZY-03');
  b.addCase({
    id: I.fraudCase,
    type: 'FRAUD',
    title: '李国华以合伙经营为名诈骗郭建明案',
    occurredFrom: cst('2025-12-01', '09:00'),
    occurredTo: cst('2026-05-28', '18:00'),
    status: 'OPEN',
    mo: ['合伙经营', '虚构项目', '诈骗'],
    offenders: 1,
    lat: zy.lat,
    lon: zy.lon,
    region: '321281',
    agency: '兴化市公安局',
    description: '犯罪嫌疑人李国华自2025年12月起在兴化市以合伙做生意为名，先后骗取被害人郭建明现金152万余元；李国华已被上网追逃，去向不明。',
  });
  b.involve(I.li, I.fraudCase, 'SUSPECT', '上网追逃');
  b.involve(I.guo, I.fraudCase, 'VICTIM', '被骗现金152万余元');

  // Li's own traces end on the night before he flees.
  b.call(I.li, I.guo, cst('2026-06-03', '10:21'), 180);
  b.login(I.li, 'C-ZY-01', cst('2026-06-04', '14:10'), cst('2026-06-04', '16:30'));
  b.call(I.li, I.contact1, cst('2026-06-04', '20:33'), 64);
  b.drive(I.li, 'K-ZY-02', cst('2026-06-05', '09:12'), 'IN');
  b.call(I.guo, I.li, cst('2026-06-05', '16:02'), 95);
  b.stay(I.li, 'H-ZY-03', cst('2026-06-06', '22:10'), cst('2026-06-07', '08:20'), '306');
  b.call(I.contact1, I.li, cst('2026-06-06', '21:15'), 310);
  b.call(I.li, I.contact2, cst('2026-06-07', '09:48'), 45);
  b.drive(I.li, 'K-XC-01', cst('2026-06-07', '18:40'), 'OUT');
  b.call(I.li, I.oldRelation, cst('2026-06-08', '22:51'), 420);
  b.call(I.li, I.wife, cst('2026-06-08', '23:30'), 120);

  // 海安: real but weaker (lighter ties), older (June-July) and fewer.
  b.stay(I.brother, 'H-HA-01', cst('2026-06-20', '21:40'), cst('2026-06-21', '07:50'), '208');
  b.login(I.associate, 'C-HA-02', cst('2026-06-28', '19:30'), cst('2026-06-28', '22:05'));
  b.call(I.contact2, I.brother, cst('2026-07-04', '18:12'), 60);
  b.stay(I.brother, 'H-HA-02', cst('2026-07-05', '22:15'), cst('2026-07-06', '08:05'), '312');
  b.login(I.contact2, 'C-HA-01', cst('2026-07-12', '20:05'), cst('2026-07-12', '23:40'));

  // 建湖: the strongest ties converge on one hotel around 10 August.
  b.call(I.wife, I.oldRelation, cst('2026-08-08', '19:40'), 260);
  b.drive(I.partner, 'K-JH-01', cst('2026-08-09', '11:20'), 'IN');
  b.call(I.oldRelation, I.partner, cst('2026-08-09', '12:05'), 88);
  b.call(I.contact1, I.oldRelation, cst('2026-08-09', '18:30'), 40);
  b.stay(I.wife, ARREST_HOTEL, cst('2026-08-09', '21:05'), cst('2026-08-10', '08:30'), '516');
  b.stay(I.contact1, ARREST_HOTEL, cst('2026-08-09', '22:30'), cst('2026-08-10', '11:00'), '518');
  b.drive(I.oldRelation, 'K-JH-01', cst('2026-08-10', '19:52'), 'IN');
  b.stay(I.oldRelation, ARREST_HOTEL, cst('2026-08-10', '20:15'), cst('2026-08-11', '09:40'), '306');
  b.login(I.partner, 'C-JH-01', cst('2026-08-10', '22:40'), cst('2026-08-11', '00:55'));
  b.call(I.partner, I.oldRelation, cst('2026-08-11', '08:55'), 35);
  b.drive(I.oldRelation, 'K-JH-02', cst('2026-08-11', '10:05'), 'OUT');

  return b.build();
}
