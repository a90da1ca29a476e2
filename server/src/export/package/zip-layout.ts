import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import type { SealRange } from './seal.js';

/** Bytes of a central-directory record before its name, extra field and comment (APPNOTE 4.3.12). */
const CENTRAL_RECORD_FIXED = 46;
/** Bytes of the end-of-central-directory record before its comment (APPNOTE 4.3.16). */
const END_RECORD_FIXED = 22;

export interface ZipEntryInfo {
  fileName: string;
  localHeaderOffset: number;
  centralRecordLength: number;
}

/** The entries of a zip in central-directory order, as yauzl reads them. */
export function zipEntries(file: string): Promise<{ entries: ZipEntryInfo[]; fileSize: number; commentLength: number }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const entries: ZipEntryInfo[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({ fileName: e.fileName, localHeaderOffset: e.relativeOffsetOfLocalHeader, centralRecordLength: CENTRAL_RECORD_FIXED + e.fileNameLength + e.extraFieldLength + e.fileCommentLength });
        zip.readEntry();
      });
      zip.on('end', () => resolve({ entries, fileSize: zip.fileSize, commentLength: Buffer.byteLength(zip.comment, 'latin1') }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * Splits a zip (no ZIP64) into consecutive byte ranges from its first byte to the start of
 * its comment: each entry's local header and data, each central-directory record, and the
 * end record (its comment-length field included). Throws if the pieces leave a gap or
 * overlap, which would mean a byte the seal did not cover.
 */
export async function zipRanges(file: string): Promise<{ ranges: Omit<SealRange, 'sha256'>[]; sealedLength: number }> {
  const { entries, fileSize, commentLength } = await zipEntries(file);
  const centralSize = entries.reduce((s, e) => s + e.centralRecordLength, 0);
  const sealedLength = fileSize - commentLength;
  const endStart = sealedLength - END_RECORD_FIXED;
  const centralStart = endStart - centralSize;
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const ranges: Omit<SealRange, 'sha256'>[] = [];
  byOffset.forEach((e, i) => ranges.push({ part: e.fileName, area: 'entry', start: e.localHeaderOffset, end: byOffset[i + 1]?.localHeaderOffset ?? centralStart }));
  let at = centralStart;
  for (const e of entries) {
    ranges.push({ part: e.fileName, area: 'directory', start: at, end: at + e.centralRecordLength });
    at += e.centralRecordLength;
  }
  ranges.push({ part: '(zip end record)', area: 'end', start: endStart, end: sealedLength });
  let expected = 0;
  for (const r of ranges) {
    if (r.start !== expected || r.end < r.start) throw new Error(`zip layout has a gap or overlap at byte ${expected} (is it ZIP64?)`);
    expected = r.end;
  }
  if (expected !== sealedLength) throw new Error('zip layout does not reach the comment');
  return { ranges, sealedLength };
}

/** SHA-256 of bytes [start, end) of a file, read as a stream. */
export function hashRange(file: string, start: number, end: number): Promise<string> {
  if (end <= start) return Promise.resolve(createHash('sha256').digest('hex'));
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file, { start, end: end - 1 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
