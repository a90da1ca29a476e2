/**
 * Story 4, co-travellers: the negative control for the 蔡永清 gang (whose shared nights and
 * paired checkpoint passes are in cai-trajectory.ts). Three travelling salesmen who do not
 * know each other happen to sleep in the same hotel twice (once on the night of
 * CASE-XH-THEFT-03, a few hundred metres from the gang) and two of them share a café once.
 * They co-occur two or three times, have no relation and no case: coTravellers must rank
 * them below the gang (who co-occur five times or more), and trajectory linking must not
 * put them above the gang for the local thefts.
 */
import { StoryBuilder, type Story } from './story-kit.js';
import { cst } from '../time.js';

export const CHANCE_TRIO = ['P-CH-1', 'P-CH-2', 'P-CH-3'] as const;

export function buildCoTravellersStory(): Story {
  const b = new StoryBuilder('CH');
  const [a, c, d] = CHANCE_TRIO;
  b.person({ id: a, name: '沈志华', gender: 'M', birthDate: '1983-05-30', origin: '321084', seq: 91, phones: ['13905147730'], employment: 'EMPLOYED' });
  b.person({ id: c, name: '潘玉林', gender: 'M', birthDate: '1979-01-12', origin: '320830', seq: 13, phones: ['13905176248'], employment: 'EMPLOYED' });
  b.person({ id: d, name: '严文杰', gender: 'M', birthDate: '1990-08-08', origin: '341222', seq: 155, phones: ['13956812093'], employment: 'EMPLOYED' });

  // Together by chance: same hotel on two nights (all three), one café afternoon (two of them).
  b.stay(a, 'H-ZY-05', cst('2026-06-07', '20:30'), cst('2026-06-08', '07:10'), '203');
  b.stay(c, 'H-ZY-05', cst('2026-06-07', '21:45'), cst('2026-06-08', '08:00'), '305');
  b.stay(d, 'H-ZY-05', cst('2026-06-07', '23:20'), cst('2026-06-08', '06:40'), '109');
  b.stay(a, 'H-DN-04', cst('2026-07-16', '19:50'), cst('2026-07-17', '07:30'), '212');
  b.stay(c, 'H-DN-04', cst('2026-07-16', '22:10'), cst('2026-07-17', '08:20'), '118');
  b.stay(d, 'H-DN-04', cst('2026-07-16', '20:35'), cst('2026-07-17', '07:05'), '306');
  b.login(a, 'C-ZY-02', cst('2026-08-03', '14:20'), cst('2026-08-03', '16:00'));
  b.login(c, 'C-ZY-02', cst('2026-08-03', '14:55'), cst('2026-08-03', '17:10'));

  // Their own business trips, apart.
  b.stay(a, 'H-TX-02', cst('2026-06-22', '20:10'), cst('2026-06-23', '07:40'), '402');
  b.stay(a, 'H-JY-03', cst('2026-07-30', '21:05'), cst('2026-07-31', '07:55'), '215');
  b.stay(c, 'H-AF-01', cst('2026-06-25', '19:30'), cst('2026-06-26', '07:20'), '101');
  b.stay(c, 'H-HA-03', cst('2026-08-12', '21:40'), cst('2026-08-13', '08:10'), '308');
  b.stay(d, 'H-SG-02', cst('2026-07-03', '20:50'), cst('2026-07-04', '07:35'), '202');
  b.login(d, 'C-DN-03', cst('2026-08-18', '13:10'), cst('2026-08-18', '15:45'));
  return b.build();
}
