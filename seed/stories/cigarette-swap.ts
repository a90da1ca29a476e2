/**
 * Story 3, second series: cigarette-swap frauds (调包) in 戴南. Two men pose as customers at a
 * corner shop, buy cartons of cigarettes and swap them for fakes while the owner is busy.
 * Three open 戴南 cases are linked to cases in 泰兴 (one solved, one open) and 姜堰 (solved).
 * The solved cases name the pair; their car passed 戴南 checkpoints shortly before each 戴南
 * case. CASE-TX-SWAP-01 carries exactly the method tags of CASE-DN-SWAP-01; every other case
 * of the series shares three of four, so linkCases(CASE-DN-SWAP-01) ranks TX-SWAP-01 first.
 * No background case uses any of these four tags.
 */
import { StoryBuilder, type Story } from './story-kit.js';
import { cst, plusMinutes } from '../time.js';
import { placeNear, town } from '../geography.js';

export const SWAP_PAIR = ['P-SWAP-1', 'P-SWAP-2'] as const;
export const SWAP_MO = ['调包', '香烟', '冒充顾客', '小卖部'];
export const SWAP_PLATE = '皖S60527';

interface SwapCase {
  id: string;
  townKey: string;
  date: string;
  time: string;
  status: 'OPEN' | 'SOLVED';
  mo: string[];
  north: number;
  east: number;
  shop: string;
  /** The pair's pass shortly before (戴南 cases only). */
  pass?: [string, string];
}

export const SWAP_CASES: SwapCase[] = [
  { id: 'CASE-DN-SWAP-01', townKey: 'DN', date: '2026-06-18', time: '15:20', status: 'OPEN', mo: SWAP_MO, north: 300, east: -400, shop: '戴南镇兴达路某小卖部', pass: ['K-DN-02', '14:35'] },
  { id: 'CASE-DN-SWAP-02', townKey: 'DN', date: '2026-06-25', time: '10:05', status: 'OPEN', mo: ['调包', '香烟', '冒充顾客', '烟酒店'], north: -600, east: 200, shop: '戴南镇人民路某烟酒店', pass: ['K-DN-01', '09:20'] },
  { id: 'CASE-DN-SWAP-03', townKey: 'DN', date: '2026-07-09', time: '16:40', status: 'OPEN', mo: ['调包', '香烟', '小卖部', '假烟'], north: -900, east: -300, shop: '戴南镇董北村某小卖部', pass: ['K-DN-03', '16:10'] },
  { id: 'CASE-TX-SWAP-01', townKey: 'TX', date: '2026-06-10', time: '14:30', status: 'SOLVED', mo: SWAP_MO, north: 500, east: 600, shop: '泰兴市济川街道某小卖部' },
  { id: 'CASE-TX-SWAP-02', townKey: 'TX', date: '2026-07-02', time: '11:15', status: 'OPEN', mo: ['调包', '香烟', '冒充顾客', '超市'], north: -700, east: -300, shop: '泰兴市城北某超市' },
  { id: 'CASE-JY-SWAP-01', townKey: 'JY', date: '2026-06-14', time: '17:05', status: 'SOLVED', mo: ['调包', '香烟', '冒充顾客', '烟酒店'], north: 400, east: -900, shop: '姜堰区罗塘街道某烟酒店' },
];

const AGENCY: Record<string, string> = { DN: '兴化市公安局', TX: '泰兴市公安局', JY: '泰州市公安局姜堰分局' };

export function buildCigaretteSwapStory(): Story {
  const b = new StoryBuilder('SWAP');
  const [zou, peng] = SWAP_PAIR;
  b.person({ id: zou, name: '邹明亮', gender: 'M', birthDate: '1986-04-25', origin: '341621', seq: 139, phones: ['13956790318'], plates: [SWAP_PLATE], employment: 'UNEMPLOYED', tags: ['EX_OFFENDER'] });
  b.person({ id: peng, name: '彭小兵', gender: 'M', birthDate: '1990-12-01', origin: '341621', seq: 47, phones: ['13956724185'], employment: 'UNEMPLOYED', tags: ['EX_OFFENDER'] });
  b.relation(zou, peng, 'CO_OFFENDER', { since: '2025-10-01', weight: 0.8, note: '调包诈骗同伙' });

  for (const c of SWAP_CASES) {
    const t = town(c.townKey);
    const site = placeNear(t.lat, t.lon, c.north, c.east);
    b.addCase({
      id: c.id,
      type: 'FRAUD',
      title: `${c.shop}香烟调包诈骗案`,
      occurredFrom: cst(c.date, c.time),
      occurredTo: plusMinutes(cst(c.date, c.time), 15),
      status: c.status,
      mo: c.mo,
      offenders: 2,
      lat: site.lat,
      lon: site.lon,
      region: t.region,
      agency: AGENCY[c.townKey]!,
      description:
        c.status === 'SOLVED'
          ? '两名男子冒充顾客购买整条香烟，趁店主不备以假烟调包后离开；已查明系邹明亮、彭小兵所为。'
          : '两名男子冒充顾客购买整条香烟，趁店主不备以假烟调包后离开，作案人员待查。',
    });
    if (c.status === 'SOLVED') {
      b.involve(zou, c.id, 'OFFENDER');
      b.involve(peng, c.id, 'OFFENDER');
    }
    if (c.pass) b.drive(zou, c.pass[0], cst(c.date, c.pass[1]), 'IN');
  }
  // Their car on the way to the solved cases too, so their trail is not only near 戴南.
  b.drive(zou, 'K-TX-01', cst('2026-06-10', '13:40'), 'IN');
  b.drive(zou, 'K-JY-02', cst('2026-06-14', '16:20'), 'IN');
  return b.build();
}
