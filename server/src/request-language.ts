/**
 * The language a caller reads technique explanations and import rejections in. Other units' systems get English
 * (and the codes in it), as they always have; the workspace asks for Chinese with
 * `Accept-Language: zh-CN` on HTTP and `lang: "zh-CN"` in the WebSocket's connection_init.
 */
export type Lang = 'en' | 'zh';

export function languageOf(value: unknown): Lang {
  return typeof value === 'string' && /^\s*zh\b/i.test(value) ? 'zh' : 'en';
}

/** The text in the caller's language; English when there is no Chinese. */
export function inLanguage(lang: Lang | undefined, en: string, zh: string | null | undefined): string {
  return lang === 'zh' && zh ? zh : en;
}

/** A list of texts in the caller's language; English when the Chinese list is missing or does not match it. */
export function listInLanguage(lang: Lang | undefined, en: string[], zh: string[] | null | undefined): string[] {
  return lang === 'zh' && zh?.length === en.length ? zh : en;
}
