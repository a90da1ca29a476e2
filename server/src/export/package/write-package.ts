import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { ExportDocument, ExportFormat } from '../export-types.js';
import { FORMATS } from '../format-registry.js';
import { MANIFEST_NAME, MANIFEST_SIGNATURE_NAME, buildManifest, type ManifestFile } from './manifest.js';
import { makeSeal, sealBudget, sealText } from './seal.js';
import { signBytes, type SigningKey } from './signing-key.js';
import { hashRange, zipRanges } from './zip-layout.js';

export interface WrittenPackage {
  /** The sealed zip, in a temporary folder the caller removes with `dispose`. */
  file: string;
  bytes: number;
  manifest: ReturnType<typeof buildManifest>;
  dispose(): Promise<void>;
}

/**
 * Writes an evidence package: each chosen format streamed to a temporary file while its
 * SHA-256 is taken, the manifest and its Ed25519 signature, all zipped by yazl with room
 * reserved in the zip comment, and then the seal (see seal.ts) written into that room.
 * Entries carry the export's time as their date, so nothing in the zip depends on when
 * the temporary files happened to be written.
 */
export async function writePackage(doc: ExportDocument, formats: ExportFormat[], key: SigningKey): Promise<WrittenPackage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clew-export-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const mtime = new Date(doc.createdAt);
    const files: ManifestFile[] = [];
    for (const format of formats) {
      const info = FORMATS[format];
      const target = path.join(dir, info.fileName);
      const hash = createHash('sha256');
      let bytes = 0;
      const tap = new Transform({
        transform(chunk: Buffer | string, _encoding, done) {
          const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          hash.update(buffer);
          bytes += buffer.length;
          done(null, buffer);
        },
      });
      await pipeline(info.produce(doc, mtime), tap, createWriteStream(target));
      files.push({ name: info.fileName, format, mediaType: info.mediaType, bytes, sha256: hash.digest('hex') });
    }
    const manifest = buildManifest(doc, files, key);
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const signature = Buffer.from(`${signBytes(key, manifestBytes)}\n`, 'ascii');

    const names = [...files.map((f) => f.name), MANIFEST_NAME, MANIFEST_SIGNATURE_NAME];
    const budget = sealBudget(names);
    const zipFile = path.join(dir, 'package.zip');
    const zip = new yazl.ZipFile();
    for (const f of files) zip.addFile(path.join(dir, f.name), f.name, { mtime, mode: 0o100644 });
    zip.addBuffer(manifestBytes, MANIFEST_NAME, { mtime, mode: 0o100644 });
    zip.addBuffer(signature, MANIFEST_SIGNATURE_NAME, { mtime, mode: 0o100644 });
    zip.end({ comment: ' '.repeat(budget), forceZip64Format: false });
    await pipeline(zip.outputStream, createWriteStream(zipFile));

    const { ranges, sealedLength } = await zipRanges(zipFile);
    const hashed = [];
    for (const r of ranges) hashed.push({ ...r, sha256: await hashRange(zipFile, r.start, r.end) });
    const seal = sealText(makeSeal(key, hashed, sealedLength), budget);
    const handle = await open(zipFile, 'r+');
    try {
      await handle.write(seal, 0, seal.length, sealedLength);
    } finally {
      await handle.close();
    }
    return { file: zipFile, bytes: (await stat(zipFile)).size, manifest, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}
