/**
 * How the chart names and colours things, shared by the picture, the PDF, GEXF's viz
 * attributes and the ANX entity types, so a person sees the same legend in every format.
 * Names are Chinese first (the analysts read Chinese), the stored kind in brackets.
 */
export const KIND_STYLE: Record<string, { name: string; colour: string; i2Icon: string }> = {
  PERSON: { name: '人员', colour: '#d9480f', i2Icon: 'Person' },
  LOCATION: { name: '场所', colour: '#1971c2', i2Icon: 'Building' },
  CASE: { name: '案件', colour: '#c2255c', i2Icon: 'Crime' },
  PHONE: { name: '电话', colour: '#2f9e44', i2Icon: 'Telephone' },
  VEHICLE: { name: '车辆', colour: '#5f3dc4', i2Icon: 'Car' },
  STATION: { name: '派出所', colour: '#495057', i2Icon: 'Police' },
  REGION: { name: '行政区划', colour: '#868e96', i2Icon: 'Area' },
};

export const RELATION_NAMES: Record<string, string> = {
  FAMILY: '家庭成员',
  ASSOCIATE: '关系人',
  CO_OFFENDER: '同案',
  PARTNER: '合伙人',
  OLD_RELATION: '老关系',
  COLLEAGUE: '同事',
  CONTACT: '联系人',
  STAYED_AT: '住宿',
  LOGGED_IN: '上网',
  PASSED: '卡口通行',
  CALLED: '通话',
  USES_PHONE: '使用电话',
  OWNS_VEHICLE: '拥有车辆',
  INVOLVED_IN: '涉案',
  OCCURRED_AT: '案发地',
  COVERED_BY: '辖区',
  IN_REGION: '所属区划',
  PART_OF: '上级区划',
  SAME_AS: '同一人',
};

const MOVEMENTS = new Set(['STAYED_AT', 'LOGGED_IN', 'PASSED', 'CALLED']);

export function kindStyle(kind: string): { name: string; colour: string; i2Icon: string } {
  return KIND_STYLE[kind] ?? { name: kind, colour: '#495057', i2Icon: 'Anonymous' };
}

export function relationName(kind: string): string {
  return RELATION_NAMES[kind] ?? kind;
}

/** Person-to-person relations stand out; movements are thin; structure (regions …) is faint. */
export function edgeColour(kind: string): string {
  if (MOVEMENTS.has(kind)) return '#74c0fc';
  if (kind in RELATION_NAMES && !['USES_PHONE', 'OWNS_VEHICLE', 'INVOLVED_IN', 'OCCURRED_AT', 'COVERED_BY', 'IN_REGION', 'PART_OF', 'SAME_AS'].includes(kind)) {
    return '#e8590c';
  }
  return '#adb5bd';
}

/** "#d9480f" → {r, g, b}, for formats that want colour components. */
export function rgbOf(colour: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(colour.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}
