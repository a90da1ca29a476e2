/**
 * Realistic Chinese full names: surnames drawn by their real frequency (2020 census order,
 * with the 里下河 area's 陆/顾/缪/卞/储/翟 a little more common), given names of one or two
 * characters from pools that follow the fashions of the person's birth decade, so a
 * 1950s 秀英 and a 2000s 子涵 both look right.
 */
import { WeightedTable, type Rng } from './random.js';
import type { Gender } from './records.js';

const SURNAMES: [string, number][] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 14], ['马', 13], ['朱', 12], ['胡', 12], ['郭', 11], ['何', 11], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 4], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 3], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 2], ['武', 2], ['戴', 2], ['莫', 1], ['孔', 1], ['汤', 1], ['卞', 2], ['季', 1],
  ['翟', 1], ['缪', 2], ['储', 1], ['仇', 1], ['葛', 1], ['殷', 1], ['倪', 1], ['施', 1], ['成', 1], ['左', 1],
];

const SURNAME_TABLE = new WeightedTable(
  SURNAMES.map(([s]) => s),
  SURNAMES.map(([, w]) => w),
);

// Pools by generation: born before 1970, 1970-1989, 1990 and later.
const MALE = [
  '国建志明强卫军平华海林德永庆春生荣福祥宏兵忠正新学金龙长根宝富贵友',
  '伟军涛斌勇杰峰波刚辉明亮磊鹏飞超俊文华东健剑锋洪涛海龙晓',
  '浩宇轩泽睿博文子辰逸然俊杰梓豪一鸣航昊天宸铭皓瑞晨乐',
];
const FEMALE = [
  '秀英兰芳桂凤珍华玉梅红霞翠荣琴素云巧金莲菊',
  '丽娟艳敏静燕萍玲霞红梅芳婷洁琳慧晶雪莉丹颖',
  '欣怡雨萱涵梓琪佳悦诗思语可馨婷雪妍瑶嘉彤一晨',
];

function generation(birthYear: number): 0 | 1 | 2 {
  if (birthYear < 1970) return 0;
  if (birthYear < 1990) return 1;
  return 2;
}

export function pickSurname(rng: Rng): string {
  return SURNAME_TABLE.draw(rng);
}

export function givenName(rng: Rng, gender: Gender, birthYear: number): string {
  const pool = (gender === 'M' ? MALE : FEMALE)[generation(birthYear)]!;
  const chars = Array.from(pool);
  const first = rng.pick(chars);
  // Single-character given names were common for people born 1970-1995, rarer otherwise.
  const singleShare = birthYear >= 1970 && birthYear < 1995 ? 0.35 : 0.15;
  if (rng.chance(singleShare)) return first;
  let second = rng.pick(chars);
  // Doubled characters (婷婷, 欣欣) happen, but mostly for girls; otherwise draw again.
  if (second === first && (gender === 'M' || rng.chance(0.7))) second = rng.pick(chars);
  return first + second;
}

/** A full name; `avoid` holds names reserved for the stories, so background people never share them. */
export function fullName(rng: Rng, gender: Gender, birthYear: number, avoid?: ReadonlySet<string>, surname?: string): string {
  for (;;) {
    const name = (surname ?? pickSurname(rng)) + givenName(rng, gender, birthYear);
    if (!avoid?.has(name)) return name;
  }
}
