/**
 * The demo county's map: towns (镇/街道) of 兴化市 and the neighbouring county seats whose
 * shared records the centre reads, the police station (派出所) covering each, and the places
 * where people leave traces (hotels, internet cafés, road checkpoints, markets).
 *
 * Coordinates are approximate WGS-84 positions of the real towns. 新城 is the story's station
 * area (小旅馆云集), treated as the newer south-east part of 兴化城区. Locations are laid out
 * from a constant stream per town, so the same id always has the same name and position at
 * every seed and scale; a larger scale only adds places (more ids), it never moves one.
 */
import { createRng } from './random.js';
import type { LocationRecord, LocationType, StationRecord } from './records.js';

export interface Town {
  /** Short key used in ids: H-XC-01 is a hotel in 新城. */
  key: string;
  name: string;
  region: string;
  county: string;
  lat: number;
  lon: number;
  station: { id: string; name: string };
  /** Share of the county's residents living here (0 outside the county). */
  population: number;
  /** How often people from elsewhere go there (hotels, passes). */
  visits: number;
  hotels: number;
  cafes: number;
  checkpoints: string[];
  markets: string[];
  roads: string[];
}

const XH = '321281';
const XH_NAME = '兴化市';

function xinghuaTown(
  key: string,
  name: string,
  lat: number,
  lon: number,
  population: number,
  sizes: { hotels: number; cafes: number; checkpoints: string[]; markets?: string[] },
): Town {
  return {
    key,
    name,
    region: XH,
    county: XH_NAME,
    lat,
    lon,
    station: { id: `S-${key}`, name: `${name}派出所` },
    population,
    visits: population,
    hotels: sizes.hotels,
    cafes: sizes.cafes,
    checkpoints: sizes.checkpoints,
    markets: sizes.markets ?? [],
    roads: ['人民路', '建设路', '中心街', '育才路', '富民路', '工业路', '振兴路'],
  };
}

export const TOWNS: Town[] = [
  xinghuaTown('ZY', '昭阳', 32.9382, 119.8381, 14, {
    hotels: 8,
    cafes: 4,
    checkpoints: ['G233兴化城北卡口', '英武路入城卡口', '长安路五里卡口'],
    markets: ['兴化农副产品批发市场'],
  }),
  xinghuaTown('XC', '新城', 32.9105, 119.8702, 10, {
    hotels: 12,
    cafes: 3,
    checkpoints: ['G233兴化城南卡口', '兴化大道新城卡口'],
  }),
  xinghuaTown('DN', '戴南', 32.7048, 120.0601, 8, {
    hotels: 6,
    cafes: 3,
    checkpoints: ['S231戴南段卡口', '戴南镇东入口卡口', '戴南兴达大道卡口'],
    markets: ['戴南不锈钢交易市场'],
  }),
  xinghuaTown('ZG', '张郭', 32.7612, 120.0245, 4, { hotels: 3, cafes: 1, checkpoints: ['S231张郭段卡口', '张郭镇南入口卡口'] }),
  xinghuaTown('AF', '安丰', 32.9712, 120.0068, 4, { hotels: 2, cafes: 1, checkpoints: ['安丰镇西入口卡口', 'S333安丰段卡口'] }),
  xinghuaTown('ZZ', '周庄', 32.8152, 119.9051, 4, { hotels: 2, cafes: 1, checkpoints: ['周庄镇北入口卡口', 'S231周庄段卡口'] }),
  xinghuaTown('CB', '陈堡', 32.7832, 119.9573, 3, { hotels: 2, cafes: 1, checkpoints: ['陈堡镇入口卡口'] }),
  xinghuaTown('SG', '沙沟', 33.1185, 119.6652, 3, { hotels: 2, cafes: 1, checkpoints: ['沙沟镇入口卡口', 'S232沙沟段卡口'] }),
  xinghuaTown('DD', '大垛', 32.8531, 119.9852, 3, { hotels: 2, cafes: 1, checkpoints: ['大垛镇入口卡口'] }),
  xinghuaTown('DY', '戴窑', 33.0451, 120.0352, 3, { hotels: 2, cafes: 1, checkpoints: ['戴窑镇入口卡口', 'G233戴窑段卡口'] }),
  xinghuaTown('LC', '临城', 32.9661, 119.8142, 4, { hotels: 2, cafes: 1, checkpoints: ['临城入城卡口'] }),
  xinghuaTown('HC', '合陈', 32.9903, 119.9251, 2, { hotels: 1, cafes: 1, checkpoints: ['合陈镇入口卡口'] }),
  xinghuaTown('ZH', '竹泓', 32.8852, 120.0003, 2, { hotels: 1, cafes: 1, checkpoints: ['竹泓镇入口卡口'] }),
  xinghuaTown('QD', '千垛', 32.9462, 119.9352, 2, { hotels: 2, cafes: 1, checkpoints: ['千垛镇入口卡口'] }),
  xinghuaTown('ZB', '中堡', 33.0403, 119.7753, 2, { hotels: 1, cafes: 1, checkpoints: ['中堡镇入口卡口'] }),
  xinghuaTown('DYG', '大营', 33.0052, 119.7451, 2, { hotels: 1, cafes: 1, checkpoints: ['大营镇入口卡口'] }),
  neighbour('JY', '姜堰', '321204', '泰州市姜堰区', 32.5083, 120.1272, '泰州市公安局姜堰分局罗塘派出所', 4, ['G328姜堰段卡口', 'S231姜堰北卡口']),
  neighbour('TX', '泰兴', '321283', '泰兴市', 32.1712, 120.0521, '泰兴市公安局济川派出所', 3, ['G233泰兴段卡口', '泰兴城北入城卡口']),
  neighbour('DT', '东台', '320981', '东台市', 32.8521, 120.3203, '东台市公安局城东派出所', 4, ['G228东台段卡口', 'S352东台西卡口']),
  neighbour('JH', '建湖', '320925', '建湖县', 33.4652, 119.7982, '建湖县公安局近湖派出所', 3, ['G233建湖南卡口', '建湖城南入城卡口']),
  neighbour('HA', '海安', '320685', '海安市', 32.5331, 120.4602, '海安市公安局城东派出所', 3, ['G328海安段卡口', 'G204海安北卡口']),
];

function neighbour(
  key: string,
  name: string,
  region: string,
  county: string,
  lat: number,
  lon: number,
  station: string,
  visits: number,
  checkpoints: string[],
): Town {
  return {
    key,
    name,
    region,
    county,
    lat,
    lon,
    station: { id: `S-${key}`, name: station },
    population: 0,
    visits,
    hotels: 5,
    cafes: 2,
    checkpoints,
    markets: [],
    roads: ['人民路', '黄海路', '城南路', '迎宾路', '府前街'],
  };
}

const TOWN_BY_KEY = new Map(TOWNS.map((t) => [t.key, t]));

export function town(key: string): Town {
  const t = TOWN_BY_KEY.get(key);
  if (!t) throw new Error(`no town ${key}`);
  return t;
}

export const COUNTY_TOWNS = TOWNS.filter((t) => t.region === XH);

export function stationRecords(): StationRecord[] {
  return TOWNS.map((t) => ({
    kind: 'station',
    id: t.station.id,
    name: t.station.name,
    region: t.region,
    source: 'police-org',
    sourceId: t.station.id,
  }));
}

const HOTEL_WORDS = ['平安', '顺发', '鑫源', '金鼎', '万福', '和平', '永安', '盛达', '宏达', '友谊', '华联', '鸿运', '东方', '锦江', '聚福', '佳园', '如意', '吉祥', '安居', '温馨', '新苑', '龙城', '福缘', '金海岸', '银河', '梦之家'];
const SMALL_HOTEL_SUFFIX = ['旅社', '招待所', '旅馆', '旅社'];
const HOTEL_SUFFIX = ['宾馆', '酒店', '商务宾馆', '大酒店', '旅社', '快捷酒店'];
const CAFE_NAMES = ['星空网吧', '网鱼网咖', '极速网吧', '蓝天网吧', '飞越网吧', '天空之城网咖', '胜天网吧', '新干线网吧', '零点网咖', '战神网咖'];

/** Offsets in metres turned into degrees at the county's latitude. */
function offset(lat: number, lon: number, northM: number, eastM: number): { lat: number; lon: number } {
  const dLat = northM / 111_320;
  const dLon = eastM / (111_320 * Math.cos((lat * Math.PI) / 180));
  return { lat: round6(lat + dLat), lon: round6(lon + dLon) };
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Great-circle distance in metres; used by stories to place cases near their witnesses' traces. */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = 6_371_000;
  const p1 = (a.lat * Math.PI) / 180;
  const p2 = (b.lat * Math.PI) / 180;
  const dp = p2 - p1;
  const dl = ((b.lon - a.lon) * Math.PI) / 180;
  const h = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

export function placeNear(lat: number, lon: number, northM: number, eastM: number): { lat: number; lon: number } {
  return offset(lat, lon, northM, eastM);
}

const PREFIX: Record<LocationType, string> = { HOTEL: 'H', INTERNET_CAFE: 'C', CHECKPOINT: 'K', MARKET: 'M', ADDRESS: 'A', OTHER: 'O' };
const SOURCE: Record<LocationType, string> = {
  HOTEL: 'hotel-registry',
  INTERNET_CAFE: 'cafe-system',
  CHECKPOINT: 'checkpoint-camera',
  MARKET: 'pgis',
  ADDRESS: 'pgis',
  OTHER: 'pgis',
};

export function locationId(type: LocationType, townKey: string, n: number): string {
  return `${PREFIX[type]}-${townKey}-${String(n).padStart(2, '0')}`;
}

/** Hand-placed locations the stories name; everything else is laid out around the town centre. */
const FIXED: Record<string, { name: string; northM: number; eastM: number }> = {
  'H-XC-01': { name: '新城平安旅社', northM: 180, eastM: -240 },
  'H-JH-01': { name: '建湖宏达大酒店', northM: 320, eastM: 150 },
  'H-JH-02': { name: '建湖金湖湾宾馆', northM: -420, eastM: 380 },
  'H-HA-01': { name: '海安华联宾馆', northM: 260, eastM: -310 },
  'M-DN-01': { name: '戴南不锈钢交易市场', northM: 820, eastM: 960 },
  'H-DN-01': { name: '戴南金鼎旅社', northM: 1050, eastM: 620 },
  'H-DN-02': { name: '戴南顺发宾馆', northM: 540, eastM: 1210 },
};

const DIRECTION_ANGLE: Record<string, number> = { 东: 0, 北: Math.PI / 2, 西: Math.PI, 南: (3 * Math.PI) / 2 };

/** A checkpoint named 城北 or 东入口 sits on that side of town; others are spread around. */
function checkpointAngle(name: string, n: number, count: number): number {
  const dir = /[东南西北]/.exec(name.replace(/^[GS]\d+/, ''));
  return dir ? DIRECTION_ANGLE[dir[0]]! : (2 * Math.PI * (n - 1)) / Math.max(count, 1) + Math.PI / 4;
}

function layoutOne(t: Town, type: LocationType, n: number, count: number, taken: Set<string>): LocationRecord {
  const id = locationId(type, t.key, n);
  // One constant stream per place: the layout never depends on the seed or the scale.
  const rng = createRng('clew-geography', id);
  const fixed = FIXED[id];
  let name: string;
  if (fixed) name = fixed.name;
  else if (type === 'HOTEL') {
    const small = t.key === 'XC' || n % 3 === 0;
    const suffixes = small ? SMALL_HOTEL_SUFFIX : HOTEL_SUFFIX;
    const words = rng.shuffle(HOTEL_WORDS.slice());
    name = `${t.name}${words[0]}${rng.pick(suffixes)}`;
    // Two hotels of one town never share a name: an analyst tells them apart by name.
    for (let i = 1; taken.has(name); i++) name = `${t.name}${words[i % words.length]}${suffixes[i % suffixes.length]}${i >= words.length ? i : ''}`;
  } else if (type === 'INTERNET_CAFE') {
    name = `${t.name}${CAFE_NAMES[(n - 1) % CAFE_NAMES.length]}${n > CAFE_NAMES.length ? Math.ceil(n / CAFE_NAMES.length) : ''}`;
  } else if (type === 'CHECKPOINT') name = t.checkpoints[n - 1]!;
  else name = t.markets[n - 1]!;
  taken.add(name);
  const isCheckpoint = type === 'CHECKPOINT';
  const radius = isCheckpoint ? rng.int(1500, 2600) : type === 'MARKET' ? 700 : rng.int(150, 1300);
  const angle = isCheckpoint ? checkpointAngle(name.replace(t.name, ''), n, count) + (rng.next() - 0.5) * 0.4 : rng.next() * 2 * Math.PI;
  const pos = fixed
    ? offset(t.lat, t.lon, fixed.northM, fixed.eastM)
    : offset(t.lat, t.lon, radius * Math.sin(angle), radius * Math.cos(angle));
  return {
    kind: 'location',
    id,
    type,
    name,
    lat: pos.lat,
    lon: pos.lon,
    address: isCheckpoint ? `${t.county}${t.name}${name}` : `${t.county}${t.name}${rng.pick(t.roads)}${rng.int(1, 399)}号`,
    region: t.region,
    town: t.name,
    station: t.station.id,
    source: SOURCE[type],
    sourceId: id,
  };
}

/**
 * Extra places per town at larger scales: the county's real number of hotels is fixed, but
 * keeping the load per place roughly even keeps the scale-50 data usable for benchmarks.
 */
export function placeMultiplier(scale: number): number {
  return Math.max(1, Math.round(Math.sqrt(scale)));
}

export function buildLocations(scale: number): LocationRecord[] {
  const k = placeMultiplier(scale);
  const out: LocationRecord[] = [];
  for (const t of TOWNS) {
    const taken = new Set(Object.entries(FIXED).filter(([id]) => id.split('-')[1] === t.key).map(([, f]) => f.name));
    const groups: [LocationType, number][] = [
      ['HOTEL', t.hotels * k],
      ['INTERNET_CAFE', t.cafes * k],
      ['CHECKPOINT', t.checkpoints.length],
      ['MARKET', t.markets.length],
    ];
    for (const [type, count] of groups) {
      for (let n = 1; n <= count; n++) out.push(layoutOne(t, type, n, count, taken));
    }
  }
  return out;
}

/** The base layout (scale 1), for stories that need a place's coordinates. */
const BASE = new Map(buildLocations(1).map((l) => [l.id, l]));

export function baseLocation(id: string): LocationRecord {
  const l = BASE.get(id);
  if (!l) throw new Error(`no base location ${id}`);
  return l;
}
