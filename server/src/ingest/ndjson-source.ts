import { textLines } from './formats/text-lines.js';
import type { ReaderOptions, RecordPosition, SourceRecord } from './source-record.js';
import { REPLACEMENT_CHARACTER, detectEncoding, openDecoded, readAs, type TextEncodingName } from './text-encoding.js';

export interface NdjsonOptions extends ReaderOptions {
  /** Skip detection and read the file in this encoding. */
  encoding?: TextEncodingName;
  /** A line longer than this (in characters) is rejected without being held in memory. */
  maxLineChars?: number;
}

export const DEFAULT_MAX_LINE_CHARS = 64 * 1024 * 1024;

/**
 * Streams an NDJSON file as records with their line numbers (a chunk of them at a time), in whatever encoding it was
 * written (detected, see text-encoding.ts). A line that cannot be read (not JSON, bytes not
 * valid in the encoding, too long, cut short at the end of the file) comes with its problem,
 * so the importer reports it and goes on.
 */
export async function* readNdjsonFile(file: string, label = file, options: NdjsonOptions = {}): AsyncGenerator<SourceRecord[]> {
  const name = options.label ?? label;
  const detected = options.encoding ? undefined : await detectEncoding(file);
  const encoding = options.encoding ?? detected!.encoding;
  if (detected && (detected.encoding !== 'UTF-8' || detected.bom)) options.onNotice?.(readAs(name, encoding, detected));
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  for await (const lines of textLines(openDecoded(file, encoding, options.onBytes), maxLineChars)) {
    const records: SourceRecord[] = [];
    for (const line of lines) {
      const position = { file: name, line: line.number };
      if (line.tooLong !== undefined) {
        records.push({ raw: null, position, problem: {
            field: '(line)',
            reason: `is ${line.tooLong} characters long; lines are read up to ${maxLineChars}`,
            reasonZh: `长 ${line.tooLong} 个字符；每行最多读取 ${maxLineChars} 个`,
            rule: 'too-long',
          },
        });
        continue;
      }
      const text = line.text.trim();
      if (text === '') continue;
      records.push(parseLine(text, position, encoding, line.unterminated ?? false));
    }
    if (records.length > 0) yield records;
  }
}

function parseLine(text: string, position: RecordPosition, encoding: string, unterminated: boolean): SourceRecord {
  if (text.includes(REPLACEMENT_CHARACTER)) {
    return {
      raw: text,
      position,
      problem: {
        field: '(line)',
        reason: `holds bytes that are not valid ${encoding} text (a part of the file written in another encoding?)`,
        reasonZh: `含有不是有效 ${encoding} 文本的字节（文件中混有用其他编码写的部分？）`,
        rule: 'encoding',
      },
    };
  }
  try {
    return { raw: JSON.parse(text), position };
  } catch (e) {
    const detail = (e as Error).message.slice(0, 120);
    const problem = unterminated
      ? { field: '(line)', reason: 'is cut short: the file ends in the middle of this record', reasonZh: '不完整：文件在这条记录中间结束', rule: 'cut-short' }
      : { field: '(line)', reason: `is not valid JSON (${detail})`, reasonZh: `不是有效的 JSON（${detail}）`, rule: 'not-json' };
    return { raw: text, position, problem };
  }
}
