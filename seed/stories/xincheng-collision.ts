/**
 * Story 2, batch collision (批量比对碰撞法): on 2026-08-27 nine out-of-town people, all
 * unemployed and registered drug users, check into five small hotels of the 新城 station
 * area within four hours (a suspected gathering). The day's collision must return one group
 * of nine with an order to S-XC. (The source article dates this 27 March; the demo moves it
 * into the 90-day window so it sits among fresh background registrations.)
 *
 * Negative control: two other drug users check in the same evening in 沙沟 and 戴南, far
 * apart and outside 新城; they must form no group. The background never registers a
 * watch-listed person in any hotel or café on 2026-08-26/27, so on this date these eleven
 * are all there is.
 */
import { StoryBuilder, type Story } from './story-kit.js';
import { cst } from '../time.js';

export const COLLISION_DATE = '2026-08-27';
export const COLLISION_STATION = 'S-XC';
export const COLLISION_MEMBERS = [
  'P-XC-DRUG-1',
  'P-XC-DRUG-2',
  'P-XC-DRUG-3',
  'P-XC-DRUG-4',
  'P-XC-DRUG-5',
  'P-XC-DRUG-6',
  'P-XC-DRUG-7',
  'P-XC-DRUG-8',
  'P-XC-DRUG-9',
] as const;
export const COLLISION_NEGATIVE = ['P-NC-DRUG-1', 'P-NC-DRUG-2'] as const;

interface Member {
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  origin: string;
  seq: number;
  phone: string;
  hotel: string;
  checkIn: string;
  room: string;
}

const MEMBERS: Member[] = [
  { name: '王海涛', gender: 'M', birthDate: '1989-05-12', origin: '341221', seq: 213, phone: '13905611274', hotel: 'H-XC-01', checkIn: '19:05', room: '102' },
  { name: '高建军', gender: 'M', birthDate: '1984-10-03', origin: '411628', seq: 97, phone: '13903946158', hotel: 'H-XC-01', checkIn: '19:20', room: '104' },
  { name: '张立新', gender: 'M', birthDate: '1986-01-27', origin: '341222', seq: 135, phone: '13956872204', hotel: 'H-XC-03', checkIn: '20:10', room: '201' },
  { name: '陈志勇', gender: 'M', birthDate: '1991-08-19', origin: '320830', seq: 51, phone: '13915170693', hotel: 'H-XC-03', checkIn: '20:25', room: '203' },
  { name: '赵永刚', gender: 'M', birthDate: '1982-12-30', origin: '371321', seq: 77, phone: '13953942718', hotel: 'H-XC-05', checkIn: '21:00', room: '301' },
  { name: '孟凡超', gender: 'M', birthDate: '1990-04-08', origin: '411421', seq: 119, phone: '13903705386', hotel: 'H-XC-05', checkIn: '21:12', room: '302' },
  { name: '朱晓东', gender: 'M', birthDate: '1987-06-15', origin: '321084', seq: 33, phone: '13914489521', hotel: 'H-XC-07', checkIn: '21:48', room: '206' },
  { name: '马小军', gender: 'M', birthDate: '1993-02-02', origin: '341222', seq: 171, phone: '13955830467', hotel: 'H-XC-07', checkIn: '22:05', room: '207' },
  { name: '刘春燕', gender: 'F', birthDate: '1992-09-21', origin: '341621', seq: 88, phone: '13965741032', hotel: 'H-XC-09', checkIn: '22:50', room: '108' },
];

export const COLLISION_HOTELS = [...new Set(MEMBERS.map((m) => m.hotel))];

export function buildCollisionStory(): Story {
  const b = new StoryBuilder('XC');
  MEMBERS.forEach((m, i) => {
    const id = COLLISION_MEMBERS[i]!;
    b.person({ id, name: m.name, gender: m.gender, birthDate: m.birthDate, origin: m.origin, seq: m.seq, phones: [m.phone], employment: 'UNEMPLOYED', tags: ['DRUG_USER'] });
    b.stay(id, m.hotel, cst(COLLISION_DATE, m.checkIn), cst('2026-08-28', `${String(8 + (i % 4)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`), m.room);
  });
  const [wang, gao, zhang, , zhao, meng, zhu] = COLLISION_MEMBERS;
  // Some of them know each other from earlier drug cases; they phone around before arriving.
  b.relation(wang, gao, 'ASSOCIATE', { since: '2025-03-01', weight: 0.6, note: '曾同场吸毒' });
  b.relation(wang, zhang, 'ASSOCIATE', { since: '2025-09-01', weight: 0.5 });
  b.relation(zhao, meng, 'ASSOCIATE', { since: '2024-11-01', weight: 0.5 });
  b.call(wang, gao, cst('2026-08-26', '20:11'), 132);
  b.call(wang, zhang, cst('2026-08-27', '15:30'), 76);
  b.call(gao, zhao, cst('2026-08-27', '16:02'), 51);
  b.call(zhang, zhu, cst('2026-08-27', '17:45'), 88);
  b.call(zhao, meng, cst('2026-08-27', '18:20'), 40);

  const [nc1, nc2] = COLLISION_NEGATIVE;
  b.person({ id: nc1, name: '宋春雷', gender: 'M', birthDate: '1987-03-14', origin: '341323', seq: 59, phones: ['13955716304'], employment: 'UNEMPLOYED', tags: ['DRUG_USER'] });
  b.person({ id: nc2, name: '丁卫东', gender: 'M', birthDate: '1983-07-07', origin: '430521', seq: 141, phones: ['13974228519'], employment: 'UNEMPLOYED', tags: ['DRUG_USER'] });
  b.stay(nc1, 'H-SG-01', cst(COLLISION_DATE, '21:20'), cst('2026-08-28', '07:40'), '203');
  b.stay(nc2, 'H-DN-03', cst(COLLISION_DATE, '20:40'), cst('2026-08-28', '09:15'), '105');
  return b.build();
}
