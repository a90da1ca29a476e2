/**
 * Masking of personal identifiers for callers whose scope does not allow them in full:
 * resident IDs become 3201**********1234 and mobile numbers 138****5678. It works on
 * text, wherever the identifier sits (a typed field, a Subgraph's properties JSON, a search
 * hit's detail line, a graph id such as Phone:13812345678, an error message), so a field
 * added later cannot leak one by being forgotten. Over-masking a number that only looks
 * like an identifier is the accepted cost of that.
 */

// 18-digit resident ID (the last character may be X), and the old 15-digit form.
const RESIDENT_ID_18 = /(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const RESIDENT_ID_15 = /(?<![0-9A-Za-z])(\d{4})\d{7}(\d{4})(?![0-9A-Za-z])/g;
// Mainland mobile numbers, with or without +86 / 86.
const MOBILE = /(?<![0-9A-Za-z])((?:\+?86)?1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;

export function maskText(text: string): string {
  return text.replace(RESIDENT_ID_18, '$1**********$2').replace(RESIDENT_ID_15, '$1*******$2').replace(MOBILE, '$1****$2');
}

/** Masks every string inside a JSON-like value (keys are kept as they are). */
export function maskValue<T>(value: T): T {
  if (typeof value === 'string') return maskText(value) as T;
  if (Array.isArray(value)) return value.map(maskValue) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskValue(v);
    return out as T;
  }
  return value;
}
