/**
 * Administrative regions (GB/T 2260 codes) the demo county needs: the county itself and its
 * neighbours, and the home regions (籍贯) of people who come to work or travel. Codes are the
 * ones printed in resident IDs; a few regions were renamed or recoded since (宁乡县 430124 is
 * now 宁乡市 430182, 祁阳县 431121 is now 祁阳市 431181, 邵东县 430521 is now 430582), but IDs
 * issued under the old code keep it, so the old code is what the data carries.
 */

export interface RegionSpec {
  code: string;
  name: string;
  parent?: string;
}

/** Provinces and prefecture-level cities: parents only, nobody is generated with these codes. */
const PARENTS: RegionSpec[] = [
  { code: '320000', name: '江苏省' },
  { code: '321200', name: '泰州市', parent: '320000' },
  { code: '320900', name: '盐城市', parent: '320000' },
  { code: '320600', name: '南通市', parent: '320000' },
  { code: '321000', name: '扬州市', parent: '320000' },
  { code: '320800', name: '淮安市', parent: '320000' },
  { code: '321300', name: '宿迁市', parent: '320000' },
  { code: '320300', name: '徐州市', parent: '320000' },
  { code: '340000', name: '安徽省' },
  { code: '341200', name: '阜阳市', parent: '340000' },
  { code: '341600', name: '亳州市', parent: '340000' },
  { code: '341300', name: '宿州市', parent: '340000' },
  { code: '340300', name: '蚌埠市', parent: '340000' },
  { code: '410000', name: '河南省' },
  { code: '411600', name: '周口市', parent: '410000' },
  { code: '411400', name: '商丘市', parent: '410000' },
  { code: '411500', name: '信阳市', parent: '410000' },
  { code: '420000', name: '湖北省' },
  { code: '421000', name: '荆州市', parent: '420000' },
  { code: '430000', name: '湖南省' },
  { code: '430100', name: '长沙市', parent: '430000' },
  { code: '431100', name: '永州市', parent: '430000' },
  { code: '430600', name: '岳阳市', parent: '430000' },
  { code: '430900', name: '益阳市', parent: '430000' },
  { code: '431200', name: '怀化市', parent: '430000' },
  { code: '430500', name: '邵阳市', parent: '430000' },
  { code: '510000', name: '四川省' },
  { code: '511300', name: '南充市', parent: '510000' },
  { code: '511600', name: '广安市', parent: '510000' },
  { code: '360000', name: '江西省' },
  { code: '360100', name: '南昌市', parent: '360000' },
  { code: '361100', name: '上饶市', parent: '360000' },
  { code: '370000', name: '山东省' },
  { code: '371300', name: '临沂市', parent: '370000' },
  { code: '371700', name: '菏泽市', parent: '370000' },
  { code: '330000', name: '浙江省' },
  { code: '330600', name: '绍兴市', parent: '330000' },
  { code: '350000', name: '福建省' },
  { code: '350500', name: '泉州市', parent: '350000' },
  { code: '530000', name: '云南省' },
  { code: '530600', name: '昭通市', parent: '530000' },
  { code: '620000', name: '甘肃省' },
  { code: '621100', name: '定西市', parent: '620000' },
];

/**
 * County-level regions people come from. `weight` is the share among out-of-town people
 * (not among everyone); `plate` is the licence-plate prefix of cars registered there.
 */
export interface OriginSpec extends RegionSpec {
  parent: string;
  weight: number;
  plate: string;
}

export const COUNTY_CODE = '321281';

/** The county and the neighbours whose shared records the centre reads. */
export const HOME_REGIONS: OriginSpec[] = [
  { code: '321281', name: '兴化市', parent: '321200', weight: 0, plate: '苏M' },
  { code: '321204', name: '姜堰区', parent: '321200', weight: 3, plate: '苏M' },
  { code: '321283', name: '泰兴市', parent: '321200', weight: 2, plate: '苏M' },
  { code: '320981', name: '东台市', parent: '320900', weight: 3, plate: '苏J' },
  { code: '320925', name: '建湖县', parent: '320900', weight: 2, plate: '苏J' },
  { code: '320685', name: '海安市', parent: '320600', weight: 2, plate: '苏F' },
];

export const OUT_OF_TOWN_ORIGINS: OriginSpec[] = [
  { code: '321084', name: '高邮市', parent: '321000', weight: 3, plate: '苏K' },
  { code: '321023', name: '宝应县', parent: '321000', weight: 2, plate: '苏K' },
  { code: '320830', name: '盱眙县', parent: '320800', weight: 2, plate: '苏H' },
  { code: '321322', name: '沭阳县', parent: '321300', weight: 3, plate: '苏N' },
  { code: '320322', name: '沛县', parent: '320300', weight: 2, plate: '苏C' },
  { code: '341221', name: '临泉县', parent: '341200', weight: 6, plate: '皖K' },
  { code: '341222', name: '太和县', parent: '341200', weight: 5, plate: '皖K' },
  { code: '341621', name: '涡阳县', parent: '341600', weight: 4, plate: '皖S' },
  { code: '341323', name: '灵璧县', parent: '341300', weight: 3, plate: '皖L' },
  { code: '340321', name: '怀远县', parent: '340300', weight: 3, plate: '皖C' },
  { code: '411628', name: '鹿邑县', parent: '411600', weight: 4, plate: '豫P' },
  { code: '411421', name: '民权县', parent: '411400', weight: 3, plate: '豫N' },
  { code: '411526', name: '潢川县', parent: '411500', weight: 2, plate: '豫S' },
  { code: '429005', name: '潜江市', parent: '420000', weight: 2, plate: '鄂N' },
  { code: '429004', name: '仙桃市', parent: '420000', weight: 2, plate: '鄂M' },
  { code: '429006', name: '天门市', parent: '420000', weight: 2, plate: '鄂R' },
  { code: '421083', name: '洪湖市', parent: '421000', weight: 2, plate: '鄂D' },
  { code: '430124', name: '宁乡县', parent: '430100', weight: 2, plate: '湘A' },
  { code: '431121', name: '祁阳县', parent: '431100', weight: 2, plate: '湘M' },
  { code: '430626', name: '平江县', parent: '430600', weight: 2, plate: '湘F' },
  { code: '430923', name: '安化县', parent: '430900', weight: 2, plate: '湘H' },
  { code: '431224', name: '溆浦县', parent: '431200', weight: 1, plate: '湘N' },
  { code: '430521', name: '邵东县', parent: '430500', weight: 2, plate: '湘E' },
  { code: '511321', name: '南部县', parent: '511300', weight: 3, plate: '川R' },
  { code: '511621', name: '岳池县', parent: '511600', weight: 2, plate: '川X' },
  { code: '360124', name: '进贤县', parent: '360100', weight: 2, plate: '赣A' },
  { code: '361127', name: '余干县', parent: '361100', weight: 2, plate: '赣E' },
  { code: '371321', name: '沂南县', parent: '371300', weight: 2, plate: '鲁Q' },
  { code: '371721', name: '曹县', parent: '371700', weight: 2, plate: '鲁R' },
  { code: '330681', name: '诸暨市', parent: '330600', weight: 1, plate: '浙D' },
  { code: '350583', name: '南安市', parent: '350500', weight: 1, plate: '闽C' },
  { code: '530627', name: '镇雄县', parent: '530600', weight: 2, plate: '云C' },
  { code: '621121', name: '通渭县', parent: '621100', weight: 1, plate: '甘J' },
];

/** Every region record the generator writes, parents first. */
export const ALL_REGIONS: RegionSpec[] = [
  ...PARENTS,
  ...HOME_REGIONS.map(({ code, name, parent }) => ({ code, name, parent })),
  ...OUT_OF_TOWN_ORIGINS.map(({ code, name, parent }) => ({ code, name, parent })),
];

const BY_CODE = new Map<string, OriginSpec>([...HOME_REGIONS, ...OUT_OF_TOWN_ORIGINS].map((r) => [r.code, r]));

export function originSpec(code: string): OriginSpec {
  const spec = BY_CODE.get(code);
  if (!spec) throw new Error(`no origin region ${code}`);
  return spec;
}
