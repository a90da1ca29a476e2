import type { Readable } from 'node:stream';

export interface TextLine {
  number: number;
  text: string;
  /** Set when the line was longer than the limit; `text` is then empty and the rest was skipped. */
  tooLong?: number;
  /** The file's last line had no line break: a record there may have been cut short. */
  unterminated?: boolean;
}

/**
 * Splits decoded text into lines (LF or CRLF) without ever holding more than `maxChars` of
 * one line: a longer line is skipped to its end and reported by length, so one runaway
 * line cannot grow the process. The lines come a chunk at a time (an array per chunk read):
 * one await per line, through every generator above, cost more than parsing the line.
 */
export async function* textLines(text: Readable, maxChars: number): AsyncGenerator<TextLine[]> {
  let number = 0;
  let pending = '';
  let skipping = 0;
  for await (const chunk of text as AsyncIterable<string>) {
    const lines: TextLine[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) break;
      const piece = chunk.slice(start, nl);
      number++;
      if (skipping > 0) {
        lines.push({ number, text: '', tooLong: skipping + piece.length });
        skipping = 0;
      } else {
        const line = pending + piece;
        lines.push(line.length > maxChars ? { number, text: '', tooLong: line.length } : { number, text: line.endsWith('\r') ? line.slice(0, -1) : line });
      }
      pending = '';
      start = nl + 1;
    }
    if (lines.length > 0) yield lines;
    const rest = chunk.slice(start);
    if (skipping > 0) skipping += rest.length;
    else if (pending.length + rest.length > maxChars) {
      skipping = pending.length + rest.length;
      pending = '';
    } else pending += rest;
  }
  if (skipping > 0) yield [{ number: number + 1, text: '', tooLong: skipping, unterminated: true }];
  else if (pending !== '') yield [{ number: number + 1, text: pending, unterminated: true }];
}
