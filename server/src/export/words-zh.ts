import { zh } from '../../../client/src/ui/strings-zh.js';

/**
 * The page's Chinese words for fields and codes, for the documents Clew exports: one
 * vocabulary, so a dossier says 性别 男 where the workspace does (the strings are plain data).
 */
const words = zh as Record<string, string>;

/** A property's name in Chinese (籍贯 for origin), or the name itself when the page has none. */
export function fieldZh(key: string): string {
  return words[`field.${key}`] ?? key;
}

/** A coded value in Chinese with its code (男 (M), 在逃 (FUGITIVE)); anything else as it is. */
export function valueZh(key: string, value: string): string {
  const word = key === 'tags' ? words[`tag.${value}`] : words[`value.${key}.${value}`];
  return word ? `${word} (${value})` : value;
}
