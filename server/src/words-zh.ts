import { zh } from '../../client/src/ui/strings-zh.js';

/**
 * The page's Chinese words for fields and codes, for what the server writes in Chinese (the
 * dossier, technique explanations, orders): one vocabulary, so a dossier or an order says
 * 性别 男 or 嫌疑人 where the workspace does (the strings are plain data).
 */
const words = zh as Record<string, string>;

/** A code's word under a prefix of the page's strings (role.ANALYST → 研判民警), or the code itself. */
export function wordZh(prefix: string, code: string): string {
  return words[`${prefix}.${code}`] ?? code;
}

/** A property's name in Chinese (籍贯 for origin), or the name itself when the page has none. */
export function fieldZh(key: string): string {
  return words[`field.${key}`] ?? key;
}

/** A coded value in Chinese with its code (男 (M), 在逃 (FUGITIVE)); anything else as it is. */
export function valueZh(key: string, value: string): string {
  const word = key === 'tags' ? words[`tag.${value}`] : words[`value.${key}.${value}`];
  return word ? `${word} (${value})` : value;
}
