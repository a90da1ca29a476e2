import { canonicalJson } from '../../security/audit/audit-record.js';
import { signBytes, verifyBytes, type SigningKey } from './signing-key.js';

/**
 * The seal over every byte of a package. The zip's own structure (headers, central
 * directory, end record) is not covered by the manifest's file hashes, so a changed date
 * or attribute would pass unnoticed; the seal closes that gap. It lists consecutive byte
 * ranges that cover the archive from its first byte to the start of the zip comment, each
 * named after the file it belongs to, with its SHA-256, and is signed. It is kept in the
 * zip comment (the only part of a zip that can hold it without being part of what it
 * covers), padded with spaces to the length reserved when the zip was written.
 */
export const SEAL_MARKER = '{"clewSeal":';

export interface SealRange {
  /** The file whose bytes these are, e.g. "graph.gexf", or "(zip end record)". */
  part: string;
  /** entry: local header and data; directory: its central-directory record; end: the end record. */
  area: 'entry' | 'directory' | 'end';
  start: number;
  end: number;
  sha256: string;
}

export interface Seal {
  clewSeal: 1;
  keyFingerprint: string;
  publicKey: string;
  /** Where the comment starts: every byte before it is in one range. */
  sealedLength: number;
  ranges: SealRange[];
  signature: string;
}

export function makeSeal(key: SigningKey, ranges: SealRange[], sealedLength: number): Seal {
  const body = { clewSeal: 1 as const, keyFingerprint: key.fingerprint, publicKey: key.publicKeyPem, sealedLength, ranges };
  return { ...body, signature: signBytes(key, Buffer.from(canonicalJson(body), 'utf8')) };
}

export function sealSignatureHolds(seal: Seal): boolean {
  const { signature, ...body } = seal;
  return verifyBytes(seal.publicKey, Buffer.from(canonicalJson(body), 'utf8'), signature);
}

/** Room to reserve for the seal of a zip with these entry names (ASCII only). */
export function sealBudget(entryNames: string[]): number {
  const perRange = 160;
  const names = entryNames.reduce((s, n) => s + n.length, 0);
  const budget = 1200 + (2 * entryNames.length + 1) * perRange + 2 * names;
  if (budget > 65_000) throw new Error('too many files for one package seal');
  return budget;
}

/** Seal text padded with spaces to exactly `length` bytes. */
export function sealText(seal: Seal, length: number): Buffer {
  const text = JSON.stringify(seal);
  if (text.length > length) throw new Error(`the seal needs ${text.length} bytes but ${length} were reserved`);
  return Buffer.from(text.padEnd(length, ' '), 'ascii');
}
