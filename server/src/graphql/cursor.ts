import { BadUserInput } from '../errors.js';

/** Opaque page cursors: an offset, base64url-encoded so callers don't build them by hand. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(argument: string, cursor: string | null | undefined, maxOffset: number): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new BadUserInput(argument, 'is not a cursor this API gave out; pass an endCursor from a previous page', '不是本接口给出的翻页游标，请使用上一页返回的 endCursor');
  const offset = Number(m[1]);
  if (offset > maxOffset) throw new BadUserInput(argument, `pages beyond ${maxOffset} results are not served; narrow the search`, `超过 ${maxOffset} 条之后的结果不再提供，请缩小搜索范围`);
  return offset;
}
