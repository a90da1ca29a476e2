/**
 * Why a full-text hit matched. The index answers only "this node, this score"; an
 * investigator who typed part of a phone number needs to see which of a person's numbers it
 * was. So each hit brings its searchable fields back, and the field holding the most of the
 * typed words is named, with the value (or, for long text, the passage) that holds them.
 */

/** A hit's searchable fields in the order that names a tie, e.g. [['name', '李国华'], ['phone', ['139…', '151…']]]. */
export type SearchFields = [field: string, value: unknown][];

export interface MatchExplained {
  matchedOn: string;
  /** The matching value, or a passage of a long text around the first matching word; null when the label already shows it. */
  matchedValue: string | null;
}

/** Text fields longer than this are shown as a passage around the match. */
const PASSAGE_AROUND = 12;
/** Fields whose value is the hit's label (a person's name, a case's title): naming the field is enough. */
const SHOWN_AS_LABEL = new Set(['name', 'title']);
const LONG_TEXT = new Set(['description', 'address']);

export function explainMatch(text: string, fields: SearchFields): MatchExplained {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  let best: { field: string; value: string; hits: number } | null = null;
  for (const [field, raw] of fields) {
    for (const value of valuesOf(raw)) {
      const lower = value.toLowerCase();
      const hits = words.filter((w) => lower.includes(w)).length;
      if (hits > 0 && (!best || hits > best.hits)) best = { field, value, hits };
    }
  }
  // The analyzer can match what plain containment does not (a word split across bigrams).
  if (!best) return { matchedOn: 'text', matchedValue: null };
  if (SHOWN_AS_LABEL.has(best.field)) return { matchedOn: best.field, matchedValue: null };
  if (LONG_TEXT.has(best.field)) return { matchedOn: best.field, matchedValue: passage(best.value, words) };
  return { matchedOn: best.field, matchedValue: best.value };
}

function valuesOf(raw: unknown): string[] {
  if (raw === null || raw === undefined) return [];
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === 'string');
  return typeof raw === 'string' ? [raw] : [];
}

/** The text around the first matching word, with an ellipsis where it was cut. */
function passage(value: string, words: string[]): string {
  const lower = value.toLowerCase();
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0));
  const from = Math.max(0, at - PASSAGE_AROUND);
  const to = Math.min(value.length, at + PASSAGE_AROUND + Math.max(...words.map((w) => w.length)));
  return `${from > 0 ? '…' : ''}${value.slice(from, to)}${to < value.length ? '…' : ''}`;
}
