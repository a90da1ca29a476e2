/**
 * Puts a string's parameters in: `{name}` becomes the value, and `{name|one|many}` the value
 * with the word for one or for many after it (English: "1 node", "2 nodes"; Chinese strings
 * need no such form). A parameter not given stays as written, so a missing one shows.
 */
export function fillIn(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, many?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one === undefined) return String(value);
    return `${value} ${Number(value) === 1 ? one : many}`;
  });
}
