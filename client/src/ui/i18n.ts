import { fillIn } from './fill-in.js';
import { en } from './strings-en.js';
import { zh, type StringKey } from './strings-zh.js';

/**
 * The page's words: Chinese first, English on request (kept in localStorage). Static
 * elements carry data-i18n (text), data-i18n-title and data-i18n-placeholder and are
 * rewritten by applyI18n on a switch; dynamic parts re-render through onLanguageChange.
 */
export type Lang = 'zh-CN' | 'en';
export type { StringKey };

const LANG_KEY = 'clew.lang';
const tables: Record<Lang, Record<StringKey, string>> = { 'zh-CN': zh, en };
let lang: Lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
const listeners = new Set<(lang: Lang) => void>();

export function currentLang(): Lang {
  return lang;
}

export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  return fillIn(tables[lang][key] ?? zh[key] ?? key, params);
}

/** A key built at run time (a relation kind, a role): falls back to the raw value. */
export function tk(prefix: string, value: string): string {
  const key = `${prefix}.${value}` as StringKey;
  return key in zh ? t(key) : value;
}

/** A field's label for a kind of record where it differs (a person's 姓名, a place's 名称), else the field's own. */
export function fieldName(kind: string, field: string): string {
  const own = `field.${kind}.${field}`;
  return own in zh ? t(own as StringKey) : tk('field', field);
}

/** A name with a note after it in the page's punctuation: 兴化市（321281） in Chinese, 兴化市 (321281) in English. */
export function withNote(main: string, note: string): string {
  return currentLang() === 'en' ? `${main} (${note})` : `${main}（${note}）`;
}

/**
 * An exchange-format field as a data clerk needs it: in words with the column name after it
 * (入住（checkIn）), so the column can be found in the export; a field without words as it is.
 */
export function fieldWithName(field: string): string {
  const words = tk('field', field);
  if (words === field || field.startsWith('(')) return words;
  return withNote(words, field);
}

export function setLang(next: Lang): void {
  if (next === lang) return;
  lang = next;
  localStorage.setItem(LANG_KEY, next);
  document.documentElement.lang = next;
  applyI18n(document.body);
  for (const l of listeners) l(next);
}

export function onLanguageChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function applyI18n(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as StringKey);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle as StringKey);
    el.setAttribute('aria-label', el.title);
  });
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder as StringKey);
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Times are shown in China Standard Time whatever the browser's zone. */
export function formatTime(value: string | number | null | undefined, withTime = true): string {
  if (value === null || value === undefined || value === '') return '';
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return String(value);
  const d = new Date(ms + 8 * 3_600_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}
