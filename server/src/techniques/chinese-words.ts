import { wordZh } from '../words-zh.js';

/**
 * Chinese words for the codes that technique explanations name. The workspace shows the
 * Chinese sentences; the API's English ones keep the codes, which other systems match on.
 * The words are the page's own (words-zh.ts); a record kind is said as the workspace says
 * the tie it makes.
 */
const RECORD_TIE: Record<string, string> = { STAY: 'STAYED_AT', LOGIN: 'LOGGED_IN', PASS: 'PASSED' };

export const caseTypeZh = (code: string): string => wordZh('value.type', code);
export const recordKindZh = (code: string): string => (RECORD_TIE[code] ? wordZh('rel', RECORD_TIE[code]) : code);
export const matchKindZh = (code: string): string => wordZh('match', code);
export const roleZh = (code: string): string => wordZh('value.role', code);
