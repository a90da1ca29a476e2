/**
 * npm run verify-export -- PACKAGE.zip [--public-key KEY.pem] [--json]
 *
 * Checks a Clew evidence package offline: the seal over every byte of the zip, the signed
 * manifest, and every file's SHA-256; names each file that changed. The signing key is
 * compared with KEY.pem (saved from GET /api/export/public-key) when given, else with this
 * machine's own export key when there is one (CLEW_EXPORT_KEY_FILE or .clew/export/);
 * otherwise the package is only checked against the key it carries, which the report says.
 * Exit code 0: intact; 1: changed or not verifiable; 2: usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { verifyPackage } from '../server/src/export/package/verify-package.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'public-key': { type: 'string' }, json: { type: 'boolean' } } });

async function main(): Promise<number> {
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error('usage: npm run verify-export -- PACKAGE.zip [--public-key KEY.pem] [--json]');
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`${file}: no such file`);
    return 2;
  }
  const trusted = trustedKey();
  const result = await verifyPackage(file, { trustedPublicKeyPem: trusted?.pem ?? null });
  if (values.json) {
    console.log(JSON.stringify({ ...result, manifest: undefined, exportId: result.manifest?.exportId ?? null }, null, 2));
    return result.ok ? 0 : 1;
  }
  const m = result.manifest;
  if (m) {
    console.log(`Package ${m.exportId}: ${m.title}`);
    console.log(`  made ${m.createdAt} by ${m.requestedBy?.name ?? '?'} (${m.requestedBy?.unit ?? '?'}), case ${m.purpose?.caseNumber ?? '—'}, purpose ${m.purpose?.reason ?? '—'}`);
    console.log(`  produced by ${m.producedBy?.operation} ${JSON.stringify(m.producedBy?.arguments)}`);
    console.log(`  database read at ${m.database?.readAt} (bookmark ${m.database?.bookmark ?? '—'}); ${m.counts?.nodes} nodes, ${m.counts?.edges} edges`);
    for (const f of m.files ?? []) console.log(`  ${f.name}  ${f.bytes} bytes  sha256 ${f.sha256}`);
  }
  console.log(`Signing key ${result.keyFingerprint ?? '(unknown)'}${result.keyChecked ? ` — matches the trusted key (${trusted?.from})` : ' — NOT compared with a trusted key: pass --public-key with the key Clew publishes at GET /api/export/public-key'}`);
  if (result.ok) {
    console.log('VERIFIED: every byte of the package is as Clew signed it.');
    return 0;
  }
  console.log(`FAILED: ${result.problems.length} problem(s):`);
  for (const p of result.problems) console.log(`  ${p.file}: ${p.problem}`);
  return 1;
}

function trustedKey(): { pem: string; from: string } | null {
  if (values['public-key']) return { pem: readFileSync(values['public-key'], 'utf8'), from: values['public-key'] };
  const keyFile = loadConfig().export.keyFile;
  if (!existsSync(keyFile)) return null;
  const pem = createPublicKey(createPrivateKey(readFileSync(keyFile, 'utf8'))).export({ type: 'spki', format: 'pem' }).toString();
  return { pem, from: `this machine's export key ${keyFile}` };
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
