import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { SourceNotice } from './source-record.js';

/** Encodings the importer reads, by the name it reports (iconv-lite understands every one). */
export const SUPPORTED_ENCODINGS = ['UTF-8', 'GB18030', 'UTF-16LE', 'UTF-16BE', 'Big5'] as const;
export type TextEncodingName = (typeof SUPPORTED_ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: TextEncodingName;
  bom: boolean;
  /** One sentence for the import's notices: what was chosen and why; `evidenceZh` in Chinese. */
  evidence: string;
  evidenceZh: string;
}

/** Up to this much of the file is sniffed, until enough non-ASCII bytes have been seen. */
const SNIFF_MAX = 16 * 1024 * 1024;
const SNIFF_CHUNK = 1024 * 1024;
const ENOUGH_NON_ASCII = 4096;

/**
 * Decides how a text file is encoded: a byte-order mark wins; otherwise text that decodes as
 * strict UTF-8 is UTF-8; otherwise chardet names the likeliest Chinese encoding, and GB18030
 * (a superset of GBK and GB2312, what Chinese government systems export) is the fallback.
 */
export async function detectEncoding(file: string): Promise<DetectedEncoding> {
  const { sample, whole } = await readSample(file);
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'UTF-8', bom: true, evidence: 'UTF-8 byte-order mark', evidenceZh: 'UTF-8 字节序标记（BOM）' };
  }
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) {
    return { encoding: 'UTF-16LE', bom: true, evidence: 'UTF-16LE byte-order mark', evidenceZh: 'UTF-16LE 字节序标记（BOM）' };
  }
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) {
    return { encoding: 'UTF-16BE', bom: true, evidence: 'UTF-16BE byte-order mark', evidenceZh: 'UTF-16BE 字节序标记（BOM）' };
  }
  if (isUtf8(sample, whole ? 0 : 3)) return { encoding: 'UTF-8', bom: false, evidence: 'decodes as UTF-8', evidenceZh: '可按 UTF-8 解码' };
  const { valid, invalid } = utf8Health(sample);
  // Exports pasted together: mostly UTF-8 with a few lines from a GBK system. Read as UTF-8;
  // the lines that are not are rejected one by one instead of garbling all the others.
  if (valid >= 2 * invalid) {
    return {
      encoding: 'UTF-8',
      bom: false,
      evidence: `mostly UTF-8 (${invalid} invalid byte sequences in the first ${sample.length} bytes)`,
      evidenceZh: `大部分是 UTF-8（前 ${sample.length} 字节中有 ${invalid} 处无效字节序列）`,
    };
  }
  const guesses = chardet.analyse(sample);
  const top = guesses[0];
  const named = top ? `chardet: ${top.name} ${top.confidence}%` : 'chardet: no guess';
  if (top && /^UTF-16(LE|BE)$/.test(top.name) && top.confidence >= 80) {
    return { encoding: top.name as TextEncodingName, bom: false, evidence: `not UTF-8; ${named}`, evidenceZh: `不是 UTF-8；${named}` };
  }
  if (top && top.name === 'Big5' && top.confidence >= 80) return { encoding: 'Big5', bom: false, evidence: `not UTF-8; ${named}`, evidenceZh: `不是 UTF-8；${named}` };
  return { encoding: 'GB18030', bom: false, evidence: `not UTF-8, read as GB18030 (${named})`, evidenceZh: `不是 UTF-8，按 GB18030 读取（${named}）` };
}

/** The file as a stream of text, decoded and without its byte-order mark. */
export function openDecoded(file: string, encoding: TextEncodingName, onBytes?: (n: number) => void): Readable {
  const bytes = createReadStream(file, { highWaterMark: 256 * 1024 });
  if (onBytes) bytes.on('data', (chunk) => onBytes(chunk.length));
  const text = bytes.pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Readable;
  bytes.on('error', (e) => text.destroy(e));
  return text;
}

/** An encoding name given by a caller, checked against what the importer reads. */
export function parseEncodingName(value: string): TextEncodingName | undefined {
  const wanted = value.trim().toUpperCase().replace(/_/g, '-');
  const alias: Record<string, TextEncodingName> = { UTF8: 'UTF-8', GBK: 'GB18030', GB2312: 'GB18030', CP936: 'GB18030', BIG5: 'Big5' };
  return alias[wanted.replace(/-/g, '')] ?? SUPPORTED_ENCODINGS.find((e) => e.toUpperCase() === wanted);
}

/** U+FFFD in decoded text means bytes that were not valid in the file's encoding. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

async function readSample(file: string): Promise<{ sample: Buffer; whole: boolean }> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let nonAscii = 0;
    let whole = false;
    while (total < SNIFF_MAX && nonAscii < ENOUGH_NON_ASCII) {
      const chunk = Buffer.alloc(SNIFF_CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, SNIFF_CHUNK, total);
      if (bytesRead === 0) {
        whole = true;
        break;
      }
      const part = chunk.subarray(0, bytesRead);
      chunks.push(part);
      total += bytesRead;
      nonAscii += countNonAscii(part);
      if (total === bytesRead && bytesRead >= 2 && (part[0] === 0xff || part[0] === 0xfe || part[0] === 0xef)) break;
    }
    return { sample: Buffer.concat(chunks), whole };
  } finally {
    await handle.close();
  }
}

/** Bytes ≥ 0x80; an ASCII chunk (the usual export) is passed over natively. */
function countNonAscii(bytes: Buffer): number {
  if (isAscii(bytes)) return 0;
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) n++;
  return n;
}

/** Non-ASCII characters that decode as UTF-8, and byte sequences that do not. */
function utf8Health(sample: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (const ch of new TextDecoder('utf-8').decode(sample)) {
    if (ch === REPLACEMENT_CHARACTER) invalid++;
    else if (ch.codePointAt(0)! > 0x7f) valid++;
  }
  return { valid, invalid };
}

/** Strict UTF-8, forgiving only a character cut in half at the end of a partial sample. */
function isUtf8(sample: Buffer, maxCut: number): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= maxCut && cut < sample.length; cut++) {
    try {
      decoder.decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // A multi-byte character may straddle the end of the sample: try without its first bytes.
    }
  }
  return sample.length === 0;
}

/** The notice that a file was read in an encoding the reader chose (not plain UTF-8). */
export function readAs(file: string, encoding: string, detected: DetectedEncoding): SourceNotice {
  return { file, message: `read as ${encoding}: ${detected.evidence}`, messageZh: `按 ${encoding} 读取：${detected.evidenceZh}` };
}
