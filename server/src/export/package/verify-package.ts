import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import yauzl from 'yauzl';
import { MANIFEST_NAME, MANIFEST_SIGNATURE_NAME, type Manifest } from './manifest.js';
import { SEAL_MARKER, sealSignatureHolds, type Seal } from './seal.js';
import { fingerprintOf, verifyBytes } from './signing-key.js';
import { hashRange } from './zip-layout.js';

export interface VerificationProblem {
  /** The file the problem is in: a packaged file's name, or "(package seal)", "(zip end record)" … */
  file: string;
  problem: string;
}

export interface Verification {
  ok: boolean;
  problems: VerificationProblem[];
  manifest: Manifest | null;
  keyFingerprint: string | null;
  /** Whether the signing key was compared with a trusted one (given, or this server's own). */
  keyChecked: boolean;
}

const SEAL = '(package seal)';

/**
 * Checks a package offline, in two layers. The seal: its signature, its key against the
 * trusted key when one is known, and the SHA-256 of every byte range, so any changed byte
 * is found and named by the file it belongs to. The manifest: its signature (same key),
 * and each packaged file's content hash, with files missing or added named. Needs nothing
 * but the zip (and, to pin the key, Clew's published public key).
 */
export async function verifyPackage(file: string, options: { trustedPublicKeyPem?: string | null } = {}): Promise<Verification> {
  const problems: VerificationProblem[] = [];
  const add = (f: string, problem: string) => {
    if (!problems.some((p) => p.file === f && p.problem === problem)) problems.push({ file: f, problem });
  };
  const trusted = options.trustedPublicKeyPem ? fingerprintOf(options.trustedPublicKeyPem) : null;
  if (options.trustedPublicKeyPem && !trusted) throw new Error('the trusted key given is not a PEM public key (save it from GET /api/export/public-key?format=pem)');

  const seal = await readSeal(file);
  let fingerprint: string | null = null;
  if (!seal.seal) add(SEAL, seal.problem);
  else {
    fingerprint = seal.seal.keyFingerprint;
    // A seal whose signature fails says nothing reliable about the ranges; the manifest layer below still names changed files.
    const holds = fingerprintOf(seal.seal.publicKey) !== null && sealSignatureHolds(seal.seal);
    if (!holds) add(SEAL, 'the seal in the zip comment was altered: its signature does not match');
    else if (fingerprintOf(seal.seal.publicKey) !== seal.seal.keyFingerprint) add(SEAL, 'the seal names a key fingerprint that is not its key');
    else if (trusted && fingerprintOf(seal.seal.publicKey) !== trusted) add(SEAL, `signed by key ${seal.seal.keyFingerprint}, not by the trusted key ${trusted}`);
    if (seal.start !== seal.seal.sealedLength) add('(zip end record)', `bytes were added or removed: the seal covers ${seal.seal.sealedLength} bytes but its comment starts at byte ${seal.start}`);
    for (const r of holds ? seal.seal.ranges : []) {
      if (r.end > seal.size) {
        add(r.part, 'is cut short: the package ends inside it');
        continue;
      }
      if ((await hashRange(file, r.start, r.end)) !== r.sha256) add(r.part, describeArea(r.area));
    }
  }

  const content = await readContent(file, add);
  const manifest = content.manifest;
  if (manifest) {
    const signature = content.files.get(MANIFEST_SIGNATURE_NAME)?.toString('ascii').trim() ?? '';
    const manifestKey = typeof manifest.signature?.publicKey === 'string' ? manifest.signature.publicKey : '';
    if (!verifyBytes(manifestKey, content.files.get(MANIFEST_NAME)!, signature)) add(MANIFEST_NAME, 'its signature in manifest.sig does not match: the manifest or the signature was changed');
    if (seal.seal && manifestKey && fingerprintOf(manifestKey) !== seal.seal.keyFingerprint) add(MANIFEST_NAME, 'is signed by another key than the package seal');
    if (trusted && manifestKey && fingerprintOf(manifestKey) !== trusted) add(MANIFEST_NAME, `is signed by key ${manifest.signature.keyFingerprint}, not by the trusted key ${trusted}`);
    fingerprint ??= manifest.signature?.keyFingerprint ?? null;
    const listed = new Set<string>([MANIFEST_NAME, MANIFEST_SIGNATURE_NAME]);
    const listedFiles = Array.isArray(manifest.files) ? manifest.files.filter((f) => typeof f?.name === 'string') : [];
    for (const f of listedFiles) {
      listed.add(f.name);
      const hash = content.hashes.get(f.name);
      if (hash === undefined) add(f.name, content.unreadable.has(f.name) ? 'cannot be read from the zip (damaged)' : 'is listed in the manifest but missing from the package');
      else if (hash !== f.sha256) add(f.name, `its content changed: SHA-256 ${hash}, the manifest says ${f.sha256}`);
    }
    for (const name of content.hashes.keys()) if (!listed.has(name)) add(name, 'is in the package but not in the manifest');
  }
  return { ok: problems.length === 0, problems, manifest, keyFingerprint: fingerprint, keyChecked: trusted !== null };
}

function describeArea(area: string): string {
  if (area === 'entry') return 'its bytes in the zip changed (its header or its compressed content)';
  if (area === 'directory') return "its record in the zip's central directory changed";
  return "the zip's end record changed";
}

/** Finds the seal in the last 64 KiB (a zip comment is at most 65,535 bytes). */
async function readSeal(file: string): Promise<{ seal: Seal | null; start: number; size: number; problem: string }> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const tailLength = Math.min(size, 65_535 + 22);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const at = tail.lastIndexOf(SEAL_MARKER, undefined, 'latin1');
    if (at < 0) return { seal: null, start: -1, size, problem: 'the package has no seal in its zip comment (not a Clew package, or the comment was removed)' };
    const text = tail.subarray(at).toString('latin1');
    try {
      return { seal: JSON.parse(text.trimEnd()) as Seal, start: size - tailLength + at, size, problem: '' };
    } catch {
      return { seal: null, start: -1, size, problem: 'the seal in the zip comment was altered: it is no longer readable' };
    }
  } finally {
    await handle.close();
  }
}

interface Content {
  manifest: Manifest | null;
  files: Map<string, Buffer>;
  hashes: Map<string, string>;
  unreadable: Set<string>;
}

/** Reads every entry (hashing it; keeping the manifest and its signature) with yauzl. */
function readContent(file: string, add: (file: string, problem: string) => void): Promise<Content> {
  const content: Content = { manifest: null, files: new Map(), hashes: new Map(), unreadable: new Set() };
  return new Promise((resolve) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        add('(zip structure)', `the zip cannot be opened: ${err?.message ?? 'unknown error'}`);
        return resolve(content);
      }
      const finish = () => {
        const bytes = content.files.get(MANIFEST_NAME);
        if (!bytes) add(MANIFEST_NAME, 'is missing from the package');
        else {
          try {
            content.manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
          } catch {
            add(MANIFEST_NAME, 'is not readable JSON (it was changed)');
          }
        }
        resolve(content);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          const fail = (why: string) => {
            content.unreadable.add(entry.fileName);
            add(entry.fileName, `cannot be read from the zip: ${why}`);
            zip.readEntry();
          };
          if (e || !stream) return fail(e?.message ?? 'no data');
          const hash = createHash('sha256');
          const keep = entry.fileName === MANIFEST_NAME || entry.fileName === MANIFEST_SIGNATURE_NAME;
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => {
            hash.update(c);
            if (keep) chunks.push(c);
          });
          stream.on('error', (se) => fail(se.message));
          stream.on('end', () => {
            content.hashes.set(entry.fileName, hash.digest('hex'));
            if (keep) content.files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', finish);
      zip.on('error', (e: Error) => {
        add('(zip structure)', `the zip's directory is damaged: ${e.message}`);
        resolve(content);
      });
      zip.readEntry();
    });
  });
}
