/**
 * Story 3, trajectory linking of persons and cases (人员轨迹串并法), and the gang half of
 * story 4 (co-travellers).
 *
 * 东台 police solved a night-time burglary by three deaf-mute men from 湖南 led by 蔡永清
 * (CASE-DT-THEFT-01, SOLVED, offenders 3). 兴化 has open burglaries with three offenders and
 * a similar method; the trio stayed in 兴化城区 hotels (all three, same hotel, same night)
 * and passed its checkpoints in their two cars within minutes of each other on the nights
 * of XH-THEFT-01..04, 1-3 km from each scene. XH-THEFT-05 (22 July) looks alike but the gang
 * was already in custody (arrested 2026-06-17): no coincidence there.
 *
 * Each local case shares three of its four method tags with the others, while the 东台 case
 * shares all four with XH-THEFT-01, so linkCases(XH-THEFT-01) ranks the 东台 case first.
 *
 * Negative control: 季长春, a long-distance lorry driver, passes checkpoints all day every
 * day (~540 passes) and happens to pass near three of the local scenes at night. Counting
 * raw nearby events he out-numbers the gang; per movement, and in distinct cases, he does not.
 */
import { StoryBuilder, type Story } from './story-kit.js';
import { addDays, cst, plusMinutes } from '../time.js';
import { baseLocation, buildLocations, placeNear } from '../geography.js';
import { createRng } from '../random.js';

export const CAI_IDS = { leader: 'P-CAI', tan: 'P-CAI-TAN', tang: 'P-CAI-TANG', driver: 'P-DRIVER' } as const;
export const GANG = [CAI_IDS.leader, CAI_IDS.tan, CAI_IDS.tang] as const;
export const DONGTAI_CASE = 'CASE-DT-THEFT-01';
export const LOCAL_THEFTS = ['CASE-XH-THEFT-01', 'CASE-XH-THEFT-02', 'CASE-XH-THEFT-03', 'CASE-XH-THEFT-04', 'CASE-XH-THEFT-05'] as const;
/** Local thefts the gang's traces coincide with (the fifth happened after their arrest). */
export const GANG_COINCIDENT = LOCAL_THEFTS.slice(0, 4);
/** Local thefts the driver's night passes happen to be near. */
export const DRIVER_COINCIDENT = ['CASE-XH-THEFT-01', 'CASE-XH-THEFT-03', 'CASE-XH-THEFT-05'] as const;
export const GANG_MO = ['入室盗窃', '团伙', '夜间', '撬锁'];
export const CAI_PLATE = '湘M52716';
export const TANG_PLATE = '湘E30618';
export const DRIVER_PLATE = '苏M71295';

interface Night {
  date: string;
  hotel: string;
  checkIn: string;
  rooms: [string, string, string];
  /** Both cars through one checkpoint, minutes apart: [checkpoint, date, time, direction]. */
  passes: [string, string, string, 'IN' | 'OUT'][];
}

const NIGHTS: Night[] = [
  { date: '2026-06-03', hotel: 'H-ZY-02', checkIn: '23:10', rooms: ['201', '202', '203'], passes: [['K-ZY-02', '2026-06-03', '22:48', 'IN']] },
  { date: '2026-06-05', hotel: 'H-XC-02', checkIn: '23:05', rooms: ['105', '106', '107'], passes: [] },
  { date: '2026-06-07', hotel: 'H-ZY-04', checkIn: '22:40', rooms: ['310', '311', '312'], passes: [['K-ZY-03', '2026-06-08', '03:05', 'OUT']] },
  { date: '2026-06-11', hotel: 'H-DT-04', checkIn: '22:00', rooms: ['401', '402', '403'], passes: [['K-DT-02', '2026-06-11', '21:20', 'IN']] },
  { date: '2026-06-14', hotel: 'H-XC-04', checkIn: '21:50', rooms: ['202', '203', '205'], passes: [['K-XC-02', '2026-06-14', '21:15', 'IN'], ['K-XC-01', '2026-06-15', '04:10', 'OUT']] },
];

interface Theft {
  id: string;
  date: string;
  from: string;
  to: string;
  near: string;
  north: number;
  east: number;
  mo: string[];
  area: string;
}

const THEFTS: Theft[] = [
  { id: 'CASE-XH-THEFT-01', date: '2026-06-04', from: '01:40', to: '03:00', near: 'H-ZY-02', north: -600, east: 900, mo: GANG_MO, area: '昭阳街道英武路某小区' },
  { id: 'CASE-XH-THEFT-02', date: '2026-06-06', from: '02:10', to: '03:20', near: 'H-XC-02', north: 800, east: 700, mo: ['入室盗窃', '团伙', '夜间', '攀爬'], area: '新城区丰收路某小区' },
  { id: 'CASE-XH-THEFT-03', date: '2026-06-08', from: '01:20', to: '02:30', near: 'H-ZY-04', north: -900, east: -500, mo: ['入室盗窃', '团伙', '凌晨', '撬锁'], area: '昭阳街道长安路某小区' },
  { id: 'CASE-XH-THEFT-04', date: '2026-06-15', from: '02:30', to: '03:40', near: 'H-XC-04', north: -700, east: -1000, mo: ['入室盗窃', '团伙', '夜间', '翻窗'], area: '新城区兴化大道某小区' },
  { id: 'CASE-XH-THEFT-05', date: '2026-07-22', from: '01:50', to: '03:00', near: 'K-ZY-01', north: -1200, east: -300, mo: ['入室盗窃', '夜间', '撬锁'], area: '昭阳街道牌楼路某小区' },
];

/**
 * The driver's night passes near three scenes, four each: more nearby events than any one
 * gang member has, spread over fewer distinct cases. [checkpoint, date, time]
 */
const DRIVER_NIGHT_PASSES: [string, string, string][] = [
  ['K-ZY-02', '2026-06-04', '00:50'],
  ['K-ZY-01', '2026-06-04', '01:30'],
  ['K-ZY-02', '2026-06-04', '02:05'],
  ['K-ZY-02', '2026-06-04', '03:35'],
  ['K-ZY-03', '2026-06-08', '00:40'],
  ['K-ZY-03', '2026-06-08', '01:50'],
  ['K-ZY-02', '2026-06-08', '02:20'],
  ['K-ZY-03', '2026-06-08', '02:35'],
  ['K-ZY-01', '2026-07-22', '01:15'],
  ['K-ZY-01', '2026-07-22', '02:20'],
  ['K-ZY-02', '2026-07-22', '02:45'],
  ['K-ZY-01', '2026-07-22', '03:10'],
];

export function buildCaiStory(): Story {
  const b = new StoryBuilder('CAI');
  const [cai, tan, tang] = GANG;
  b.person({ id: cai, name: '蔡永清', gender: 'M', birthDate: '1981-07-09', origin: '431121', seq: 115, phones: ['13907462315'], plates: [CAI_PLATE], employment: 'UNKNOWN', tags: ['EX_OFFENDER'] });
  b.person({ id: tan, name: '谭建平', gender: 'M', birthDate: '1985-02-17', origin: '431121', seq: 233, phones: ['13974610482'], employment: 'UNKNOWN', tags: ['EX_OFFENDER'] });
  b.person({ id: tang, name: '唐志勇', gender: 'M', birthDate: '1987-11-23', origin: '430521', seq: 77, phones: ['13973925064'], plates: [TANG_PLATE], employment: 'UNKNOWN', tags: ['EX_OFFENDER'] });
  b.relation(cai, tan, 'CO_OFFENDER', { since: '2024-09-01', weight: 0.9, note: '聋哑人盗窃团伙，前科同案' });
  b.relation(cai, tang, 'CO_OFFENDER', { since: '2024-09-01', weight: 0.9, note: '聋哑人盗窃团伙，前科同案' });
  b.relation(tan, tang, 'ASSOCIATE', { since: '2019-06-01', weight: 0.7, note: '同为聋哑人，湖南老乡' });

  const dt = placeNear(baseLocation('H-DT-04').lat, baseLocation('H-DT-04').lon, 700, 900);
  b.addCase({
    id: DONGTAI_CASE,
    type: 'THEFT',
    title: '东台市城东新区入室盗窃案（蔡永清团伙）',
    occurredFrom: cst('2026-06-12', '01:30'),
    occurredTo: cst('2026-06-12', '03:30'),
    status: 'SOLVED',
    mo: GANG_MO,
    offenders: 3,
    lat: dt.lat,
    lon: dt.lon,
    region: '320981',
    agency: '东台市公安局',
    description: '2026年6月17日东台警方破获：以蔡永清为首的三名湖南籍聋哑人驾驶湘M、湘E牌照两车流窜作案，夜间撬锁入室盗窃现金及金饰。',
  });
  b.involve(cai, DONGTAI_CASE, 'OFFENDER', '团伙首要，聋哑人');
  b.involve(tan, DONGTAI_CASE, 'OFFENDER', '聋哑人');
  b.involve(tang, DONGTAI_CASE, 'OFFENDER', '聋哑人');

  for (const t of THEFTS) {
    const at = baseLocation(t.near);
    const site = placeNear(at.lat, at.lon, t.north, t.east);
    b.addCase({
      id: t.id,
      type: 'THEFT',
      title: `兴化市${t.area}入室盗窃案`,
      occurredFrom: cst(t.date, t.from),
      occurredTo: cst(t.date, t.to),
      status: 'OPEN',
      mo: t.mo,
      offenders: 3,
      lat: site.lat,
      lon: site.lon,
      region: '321281',
      agency: '兴化市公安局',
      description: '夜间入室盗窃，监控见三名男子结伙作案，相互以手势交流。',
    });
  }

  for (const n of NIGHTS) {
    GANG.forEach((p, i) => {
      const checkIn = plusMinutes(cst(n.date, n.checkIn), i * 4);
      b.stay(p, n.hotel, checkIn, cst(addDays(n.date, 1), '09:30'), n.rooms[i]);
    });
    for (const [k, date, time, dir] of n.passes) {
      b.drive(cai, k, cst(date, time), dir);
      b.drive(tang, k, plusMinutes(cst(date, time), 3), dir);
    }
  }
  GANG.forEach((p, i) => b.login(p, 'C-XC-01', plusMinutes(cst('2026-06-05', '15:10'), i * 2), cst('2026-06-05', '18:40')));

  b.person({ id: CAI_IDS.driver, name: '季长春', gender: 'M', birthDate: '1976-11-02', origin: '321281', seq: 75, phones: ['13905262840'], plates: [DRIVER_PLATE], employment: 'EMPLOYED' });
  addDriverPasses(b);
  return b.build();
}

/** Several passes a day, every day, anywhere in the area: the volume control. */
function addDriverPasses(b: StoryBuilder): void {
  const rng = createRng('clew-story', 'driver');
  const checkpoints = buildLocations(1).filter((l) => l.type === 'CHECKPOINT').map((l) => l.id);
  const used = new Set<string>();
  for (let d = 0; d < 90; d++) {
    const date = addDays('2026-06-03', d);
    const n = rng.int(4, 8);
    for (let i = 0; i < n; i++) {
      // Daytime only (07:00-21:00): his night passes are the planted ones below.
      const minute = rng.int(7 * 60, 21 * 60 - 1);
      const k = rng.pick(checkpoints);
      const key = `${k}|${date}|${minute}`;
      if (used.has(key)) continue;
      used.add(key);
      const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      b.drive(CAI_IDS.driver, k, cst(date, hhmm), rng.chance(0.5) ? 'IN' : 'OUT');
    }
  }
  for (const [k, date, time] of DRIVER_NIGHT_PASSES) b.drive(CAI_IDS.driver, k, cst(date, time), 'IN');
}
