import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The server's Ed25519 key that signs evidence packages. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, as published at GET /api/export/public-key and in every manifest. */
  publicKeyPem: string;
  /** "sha256:" + hex of the SPKI DER bytes: short enough to read out over the phone. */
  fingerprint: string;
}

const cache = new Map<string, SigningKey>();

/**
 * Loads the key from its file, or makes one the first time (mode 0600, the folder 0700).
 * The file lives outside git (.clew/ by default, or CLEW_EXPORT_KEY_FILE); whoever can
 * read it can sign packages in Clew's name, so back it up as a secret, never commit it.
 * Two processes starting at once cannot both write one: the file is created exclusively
 * and the loser reads the winner's.
 */
export function loadSigningKey(file: string): SigningKey {
  const cached = cache.get(file);
  if (cached) return cached;
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (w) {
      if ((w as NodeJS.ErrnoException).code !== 'EEXIST') throw w;
    }
    pem = readFileSync(file, 'utf8');
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} holds a ${privateKey.asymmetricKeyType} key; evidence packages are signed with Ed25519.`);
  const key = describePublicKey(createPublicKey(privateKey));
  const loaded = { privateKey, ...key };
  cache.set(file, loaded);
  return loaded;
}

export function describePublicKey(publicKey: KeyObject): Omit<SigningKey, 'privateKey'> {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: `sha256:${createHash('sha256').update(der).digest('hex')}`,
  };
}

export function signBytes(key: SigningKey, data: Buffer): string {
  return sign(null, data, key.privateKey).toString('base64');
}

export function verifyBytes(publicKeyPem: string, data: Buffer, signature: string): boolean {
  try {
    const bytes = Buffer.from(signature, 'base64');
    // Node's base64 decoder skips what follows the padding, so "…==" and "…=9" decode alike:
    // only the exact text that was written counts, or a changed byte could pass.
    if (bytes.toString('base64') !== signature) return false;
    return verify(null, data, createPublicKey(publicKeyPem), bytes);
  } catch {
    return false;
  }
}

/** The key's fingerprint, or null when the text is not a public key (a damaged package). */
export function fingerprintOf(publicKeyPem: string): string | null {
  try {
    return describePublicKey(createPublicKey(publicKeyPem)).fingerprint;
  } catch {
    return null;
  }
}
