/**
 * Story 5, high-risk area search (高危地区检索法): 24 night-time thefts of stainless-steel raw
 * material around 戴南不锈钢交易市场 (M-DN-01) over the summer. 刘建波 from 潜江 (429005) lives
 * in cheap 戴南 hotels a few hundred metres from the market and is there, by stay, café login
 * or checkpoint pass, on 20 of the 24 nights. A risk profile "origin 429005 × THEFT" must
 * rank him first.
 *
 * Controls: three other 潜江 people (one works in 戴南 but only by day, one is in 兴化城区
 * 30 km away on theft nights, one in 张郭 6 km away), and a man from 临泉 (341221) who is
 * near the market on eight theft nights but is not from the profile's origin.
 */
import { StoryBuilder, type Story } from './story-kit.js';
import { addDays, cst, plusMinutes } from '../time.js';
import { baseLocation, placeNear } from '../geography.js';
import { createRng } from '../random.js';

export const LIU_ID = 'P-LIU';
export const LIU_PLATE = '鄂N36927';
export const STAINLESS_MARKET = 'M-DN-01';
export const STAINLESS_MO = ['不锈钢', '原材料', '夜间'];
export const QIANJIANG_CONTROLS = ['P-QJ-2', 'P-QJ-3', 'P-QJ-4'] as const;
export const OTHER_ORIGIN_CONTROL = 'P-AH-1';
export const STAINLESS_CASE_COUNT = 24;

export interface StainlessTheft {
  id: string;
  date: string;
  time: string;
  lat: number;
  lon: number;
  inMarket: boolean;
  liuPresent: boolean;
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The thefts, laid out from a constant stream: the same at every seed and scale. */
export function stainlessThefts(): StainlessTheft[] {
  const rng = createRng('clew-story', 'stainless');
  const market = baseLocation(STAINLESS_MARKET);
  const out: StainlessTheft[] = [];
  let day = 2;
  for (let i = 0; i < STAINLESS_CASE_COUNT; i++) {
    const inMarket = i % 3 === 0;
    const r = inMarket ? rng.int(20, 120) : rng.int(200, 1400);
    const a = rng.next() * 2 * Math.PI;
    const site = placeNear(market.lat, market.lon, r * Math.sin(a), r * Math.cos(a));
    out.push({
      id: `CASE-DN-STEEL-${String(i + 1).padStart(2, '0')}`,
      date: addDays('2026-06-03', day),
      time: hhmm(rng.int(30, 240)),
      lat: site.lat,
      lon: site.lon,
      inMarket,
      liuPresent: i % 6 !== 5,
    });
    day += i % 2 === 0 ? 3 : 4;
  }
  return out;
}

export function buildStainlessStory(): Story {
  const b = new StoryBuilder('STEEL');
  const rng = createRng('clew-story', 'stainless-people');
  const thefts = stainlessThefts();
  for (const [i, t] of thefts.entries()) {
    b.addCase({
      id: t.id,
      type: 'THEFT',
      title: `戴南镇不锈钢原材料被盗案（${i + 1}）`,
      occurredFrom: cst(t.date, t.time),
      occurredTo: plusMinutes(cst(t.date, t.time), 90),
      status: 'OPEN',
      mo: STAINLESS_MO,
      offenders: 1,
      ...(t.inMarket ? { location: STAINLESS_MARKET } : {}),
      lat: t.lat,
      lon: t.lon,
      region: '321281',
      agency: '兴化市公安局',
      description: `夜间被盗不锈钢${rng.pick(['边角料', '卷板', '棒材', '废料'])}约${rng.int(3, 30) / 10}吨。`,
    });
  }

  b.person({ id: LIU_ID, name: '刘建波', gender: 'M', birthDate: '1979-03-28', origin: '429005', seq: 87, phones: ['13997625418'], plates: [LIU_PLATE], employment: 'UNKNOWN' });
  const hotels = ['H-DN-01', 'H-DN-02'];
  const cafes = ['C-DN-01', 'C-DN-02'];
  for (const [i, t] of thefts.entries()) {
    if (!t.liuPresent) continue;
    const eve = addDays(t.date, -1);
    b.stay(LIU_ID, hotels[i % 2]!, cst(eve, hhmm(rng.int(21 * 60, 23 * 60 + 30))), cst(t.date, hhmm(rng.int(8 * 60, 10 * 60))), String(rng.int(101, 312)));
    if (i % 2 === 0) b.login(LIU_ID, cafes[i % 4 === 0 ? 0 : 1]!, cst(eve, hhmm(rng.int(19 * 60, 20 * 60 + 30))), cst(eve, '21:00'));
    if (i % 3 === 0) b.drive(LIU_ID, 'K-DN-01', plusMinutes(cst(t.date, t.time), rng.int(-50, 60)), i % 2 === 0 ? 'IN' : 'OUT');
  }
  // Quiet nights too: he lives in these hotels, not only on theft nights.
  for (const date of ['2026-06-12', '2026-06-30', '2026-07-06', '2026-07-19', '2026-08-02', '2026-08-16']) {
    b.stay(LIU_ID, 'H-DN-06', cst(date, '21:30'), cst(addDays(date, 1), '08:40'), '206');
  }

  const [qj2, qj3, qj4] = QIANJIANG_CONTROLS;
  b.person({ id: qj2, name: '万小平', gender: 'M', birthDate: '1985-09-14', origin: '429005', residence: '321281', seq: 151, phones: ['13997681240'], employment: 'EMPLOYED' });
  b.person({ id: qj3, name: '杨春生', gender: 'M', birthDate: '1976-02-06', origin: '429005', seq: 23, phones: ['13997604573'], employment: 'EMPLOYED' });
  b.person({ id: qj4, name: '郑国平', gender: 'M', birthDate: '1990-06-19', origin: '429005', seq: 69, phones: ['13997652916'], employment: 'UNKNOWN' });
  b.person({ id: OTHER_ORIGIN_CONTROL, name: '韩大勇', gender: 'M', birthDate: '1982-10-27', origin: '341221', seq: 173, phones: ['13905589317'], employment: 'UNKNOWN' });
  for (const [i, t] of thefts.entries()) {
    const eve = addDays(t.date, -1);
    // Works at a 戴南 steel mill: in the cafés near the market, but only in the daytime.
    if (i % 2 === 1) b.login(qj2, cafes[i % 4 === 1 ? 0 : 1]!, cst(eve, hhmm(rng.int(12 * 60, 15 * 60))), cst(eve, '17:00'));
    // In 兴化城区, 30 km away, on theft nights.
    if (i % 3 === 1) b.stay(qj3, `H-ZY-0${1 + (i % 8)}`, cst(eve, '21:10'), cst(t.date, '08:00'), '301');
    // In 张郭, 6 km away, on theft nights.
    if (i % 4 === 2) b.stay(qj4, `H-ZG-0${1 + (i % 3)}`, cst(eve, '22:20'), cst(t.date, '07:30'), '102');
    // Near the market on theft nights, but from another origin.
    if (i % 3 === 2) b.stay(OTHER_ORIGIN_CONTROL, i % 2 === 0 ? 'H-DN-04' : 'H-DN-05', cst(eve, '20:40'), cst(t.date, '07:50'), '215');
  }
  return b.build();
}
