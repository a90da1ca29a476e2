/**
 * Chinese words for the codes that technique explanations name. The workspace shows the
 * Chinese sentences; the API's English ones keep the codes, which other systems match on.
 */
const CASE_TYPES: Record<string, string> = { THEFT: '盗窃', FRAUD: '诈骗', DRUG: '毒品', ROBBERY: '抢劫', ASSAULT: '伤害', OTHER: '其他' };
const RECORD_KINDS: Record<string, string> = { STAY: '住宿', LOGIN: '上网', PASS: '过卡' };
const ROLES: Record<string, string> = { SUSPECT: '嫌疑人', OFFENDER: '作案人', VICTIM: '受害人', WITNESS: '证人' };
const MATCH_KINDS: Record<string, string> = { PERSON: '人员编号', RESIDENT_ID: '身份证号', PHONE: '手机号', PLATE: '车牌', NAME_BIRTHDATE: '姓名与出生日期' };

export const caseTypeZh = (code: string): string => CASE_TYPES[code] ?? code;
export const recordKindZh = (code: string): string => RECORD_KINDS[code] ?? code;
export const matchKindZh = (code: string): string => MATCH_KINDS[code] ?? code;
export const roleZh = (code: string): string => ROLES[code] ?? code;
