/**
 * Background cases of one chunk with their victims, offenders and witnesses. Method tags
 * (mo) come from everyday vocabularies that deliberately leave out the stories' signature
 * tags (团伙, 撬锁, 攀爬, 翻窗, 调包, 香烟, 冒充顾客, 小卖部, 不锈钢, 原材料), and no background theft
 * has three offenders, so no background case can outrank a story case in case linking.
 */
import { createRng, WeightedTable, type Rng } from '../random.js';
import type { CaseRecord, CaseType, InvolvementRecord, InvolvementRole } from '../records.js';
import { placeNear, round6, type Town } from '../geography.js';
import { placesOf, type GenerationContext } from './context.js';
import { chunkTown } from './persons.js';
import type { PersonCore } from './persons.js';

export const AGENCIES: Record<string, string> = {
  '321281': '兴化市公安局',
  '321204': '泰州市公安局姜堰分局',
  '321283': '泰兴市公安局',
  '320981': '东台市公安局',
  '320925': '建湖县公安局',
  '320685': '海安市公安局',
};

interface TypeSpec {
  share: number;
  solved: number;
  offenders: WeightedTable<number>;
  /** Main method tag and what the title calls it. */
  methods: [string, string][];
  extras: string[];
  nightShare: number;
  victim: boolean;
  describe: string;
}

const SPECS: Record<CaseType, TypeSpec> = {
  THEFT: {
    share: 52, solved: 0.3, offenders: new WeightedTable([1, 2, 4], [70, 25, 5]), nightShare: 0.6, victim: true,
    methods: [['扒窃', '扒窃案'], ['盗窃电动车', '电动车被盗案'], ['盗窃车内财物', '车内财物被盗案'], ['溜门入室', '溜门入室盗窃案'], ['盗窃电缆', '电缆被盗案'], ['盗窃农用物资', '农用物资被盗案'], ['入室盗窃', '入室盗窃案'], ['盗窃手机', '手机被盗案']],
    extras: ['白天', '夜间', '凌晨'],
    describe: '报案人称财物被盗，现场已勘查。',
  },
  FRAUD: {
    share: 20, solved: 0.25, offenders: new WeightedTable([1, 2], [75, 25]), nightShare: 0.1, victim: true,
    methods: [['电信诈骗', '电信诈骗案'], ['网络刷单', '网络刷单诈骗案'], ['冒充公检法', '冒充公检法诈骗案'], ['虚假投资', '虚假投资理财诈骗案'], ['婚恋交友', '婚恋交友诈骗案'], ['冒充熟人', '冒充熟人诈骗案'], ['网络贷款', '虚假网络贷款诈骗案']],
    extras: ['电话', '微信', 'QQ', '网站'],
    describe: '被害人被骗转账，资金流向待查。',
  },
  DRUG: {
    share: 8, solved: 0.85, offenders: new WeightedTable([1, 2, 3], [60, 30, 10]), nightShare: 0.5, victim: false,
    methods: [['吸毒', '吸毒案'], ['容留他人吸毒', '容留他人吸毒案'], ['贩卖毒品', '贩卖毒品案']],
    extras: ['冰毒', '海洛因', 'K粉'],
    describe: '经尿检及现场查获，涉毒事实清楚。',
  },
  ASSAULT: {
    share: 9, solved: 0.8, offenders: new WeightedTable([1, 2, 3], [55, 30, 15]), nightShare: 0.45, victim: true,
    methods: [['酒后滋事', '酒后滋事致人受伤案'], ['邻里纠纷', '邻里纠纷致人受伤案'], ['持械伤人', '持械伤人案']],
    extras: ['夜间', '白天'],
    describe: '双方发生冲突，一方受伤就医。',
  },
  ROBBERY: {
    share: 3, solved: 0.6, offenders: new WeightedTable([1, 2], [60, 40]), nightShare: 0.6, victim: true,
    methods: [['飞车抢夺', '飞车抢夺案'], ['持刀抢劫', '持刀抢劫案'], ['拦路抢劫', '拦路抢劫案']],
    extras: ['夜间', '白天'],
    describe: '被害人财物被抢，嫌疑人逃离现场。',
  },
  OTHER: {
    share: 8, solved: 0.7, offenders: new WeightedTable([1, 2, 4], [50, 30, 20]), nightShare: 0.4, victim: false,
    methods: [['寻衅滋事', '寻衅滋事案'], ['聚众赌博', '聚众赌博案'], ['非法拘禁', '非法拘禁案']],
    extras: ['夜间', '白天'],
    describe: '接报警后出警处置，已立案调查。',
  },
};
const TYPES = Object.keys(SPECS) as CaseType[];
const TYPE_TABLE = new WeightedTable(TYPES, TYPES.map((t) => SPECS[t].share));
const PLACES = ['某小区', '某村', '某厂区', '某商铺', '某停车场', '某菜场'];

/** Cases per 1,000 persons: a demo-friendly rate, several times a real county's. */
const CASES_PER_CHUNK = 15;

export interface ChunkCases {
  cases: CaseRecord[];
  involvements: InvolvementRecord[];
}

/** The time-of-day tag a clerk would write for this occurrence time. */
function timeTag(minute: number, rng: Rng): string {
  const m = minute % 1440;
  if (m >= 5 * 60 && m < 21 * 60) return '白天';
  if (m >= 21 * 60) return '夜间';
  return rng.chance(0.5) ? '凌晨' : '夜间';
}

/** A title names the place when the scene is a known one (its name starts with the town), otherwise the town and a kind of place. */
function caseTitle(rng: Rng, type: CaseType, town: Town, placeName: string | undefined, what: string): string {
  if (placeName) return `${placeName}${what}`;
  return `${town.name}${type === 'THEFT' || type === 'ROBBERY' ? rng.pick(PLACES) : ''}${what}`;
}

function scene(ctx: GenerationContext, rng: Rng, home: Town): { town: Town; lat: number; lon: number; location?: string; name?: string } {
  const r = rng.next();
  if (r < 0.15) {
    const p = placesOf(ctx, home);
    const l = rng.pick([...p.markets, ...p.hotels, ...p.cafes]);
    return { town: home, lat: l.lat, lon: l.lon, location: l.id, name: l.name };
  }
  const town = r < 0.85 ? home : ctx.destinations.draw(rng);
  const radius = rng.int(100, 2500);
  const a = rng.next() * 2 * Math.PI;
  const pos = placeNear(town.lat, town.lon, radius * Math.sin(a), radius * Math.cos(a));
  return { town, lat: round6(pos.lat), lon: round6(pos.lon) };
}

/** `firstSerial` numbers the chunk's cases; the caller counts cases across chunks. */
export function chunkCases(ctx: GenerationContext, chunk: number, persons: PersonCore[], firstSerial: number): ChunkCases {
  const rng = createRng(ctx.seed, 'chunk-cases', chunk);
  const home = chunkTown(ctx, chunk);
  const adults = persons.filter((p) => p.age >= 18);
  const out: ChunkCases = { cases: [], involvements: [] };
  if (adults.length === 0) return out;
  const count = rng.poisson((CASES_PER_CHUNK * persons.length) / 1000);
  for (let k = 0; k < count; k++) {
    const type = TYPE_TABLE.draw(rng);
    const spec = SPECS[type];
    const id = `CASE-${String(firstSerial + k).padStart(6, '0')}`;
    const old = rng.chance(0.15);
    const day = old ? -rng.int(1, 270) : rng.int(0, ctx.window.days - 2);
    const night = rng.chance(spec.nightShare);
    const minute = night ? (22 * 60 + rng.int(0, 7 * 60)) : rng.int(7 * 60, 21 * 60);
    const solved = rng.chance(Math.min(0.95, spec.solved + (old ? 0.25 : 0)));
    const offenders = spec.offenders.draw(rng);
    const [method, title] = rng.pick(spec.methods);
    const extra = rng.pick(spec.extras);
    const where = scene(ctx, rng, home);
    const region = where.town.region;
    out.cases.push({
      kind: 'case',
      id,
      type,
      title: caseTitle(rng, type, where.town, where.name, title),
      occurredFrom: ctx.window.at(day, minute),
      status: solved ? 'SOLVED' : 'OPEN',
      ...(rng.chance(0.8) ? { occurredTo: ctx.window.at(day, minute + rng.int(10, 180)) } : {}),
      mo: [method, spec.extras.includes('白天') ? timeTag(minute, rng) : extra],
      offenders,
      ...(where.location ? { location: where.location } : {}),
      lat: where.lat,
      lon: where.lon,
      region,
      agency: AGENCIES[region]!,
      description: spec.describe,
      source: 'case-system',
      sourceId: `AJ${String(firstSerial + k).padStart(8, '0')}`,
    });

    const taken = new Set<string>();
    const involve = (p: PersonCore, role: InvolvementRole, note?: string) => {
      if (taken.has(p.id)) return;
      taken.add(p.id);
      out.involvements.push({ kind: 'involvement', person: p.id, case: id, role, ...(note ? { note } : {}), source: 'case-system', sourceId: `${id}-${role}-${p.id}` });
    };
    if (solved) {
      const pool = type === 'DRUG' ? persons.filter((p) => p.tags.includes('DRUG_USER')) : persons.filter((p) => p.tags.includes('EX_OFFENDER'));
      for (let i = 0; i < offenders; i++) {
        const p = pool.length && rng.chance(0.6) ? rng.pick(pool) : rng.pick(adults);
        involve(p, 'OFFENDER');
      }
    } else if (rng.chance(0.2)) involve(rng.pick(adults), 'SUSPECT');
    if (spec.victim && rng.chance(0.9)) involve(rng.pick(adults), 'VICTIM');
    if (rng.chance(0.08)) involve(rng.pick(adults), 'WITNESS', '目击者');
  }
  return out;
}
