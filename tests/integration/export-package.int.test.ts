import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../server/src/export/package/manifest.js';
import { verifyPackage } from '../../server/src/export/package/verify-package.js';
import { unpackEntityIds } from '../../server/src/security/audit/entity-ids.js';
import { repoRoot } from '../../server/src/repo-root.js';
import { postExport, unzip } from '../helpers/export-http.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const run = promisify(execFile);

/**
 * The evidence package over real HTTP: what the manifest states, that the published key
 * verifies it, that the offline verifier accepts it, and that changing any byte (sampled
 * across the whole file, every region of the zip included) fails verification and names
 * the file the byte belongs to.
 */
const SOURCE = { expand: { ids: ['Person:P-LI'], depth: 1 } };
const PURPOSE = { caseNumber: 'A3209822026030001', reason: '李国华诈骗案追逃' };

let app: TestApp;
let dir: string;
let pkg: Buffer;
let exportId: string;
let publicKeyPem: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'clew-export-test-'));
  // The signing key of this test run lives in its own folder, never in the repository.
  process.env.CLEW_EXPORT_KEY_FILE = path.join(dir, 'signing-key.pem');
  app = await startTestApp({ config: (c) => ({ ...c, export: { ...c.export, keyFile: path.join(dir, 'signing-key.pem') } }) });
  const res = await postExport(app.url, '/api/export/package', { source: SOURCE, formats: ['GRAPHML', 'GEXF', 'CSV', 'ANX', 'CYTOSCAPE_JSON', 'PNG'], title: '李国华 关系网' }, { authorization: app.authorization, purpose: PURPOSE });
  expect(res.status, res.body.toString('utf8').slice(0, 300)).toBe(200);
  pkg = res.body;
  exportId = res.headers.get('x-clew-export-id')!;
  expect(res.headers.get('x-clew-package-sha256')).toBe(createHash('sha256').update(pkg).digest('hex'));
  const key = await fetch(`${app.url}/api/export/public-key`);
  publicKeyPem = ((await key.json()) as { publicKeyPem: string }).publicKeyPem;
  writeFileSync(path.join(dir, 'package.zip'), pkg);
  writeFileSync(path.join(dir, 'published-key.pem'), publicKeyPem);
});

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await app?.close();
});

describe('evidence package', () => {
  it('states what produced it, who, why, when, the database state, counts and every file hash', async () => {
    const files = await unzip(pkg);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.exportId).toBe(exportId);
    expect(manifest.producedBy.operation).toBe('expand');
    expect(manifest.producedBy.arguments).toMatchObject({ ids: ['Person:P-LI'], depth: 1 });
    expect(manifest.producedBy.statements.map((s) => s.file)).toContain('cypher/link/expand-ring.cypher');
    expect(manifest.requestedBy).toMatchObject({ kind: 'USER', role: 'ANALYST', unit: 'dept:intel', name: app.user!.username });
    expect(manifest.purpose).toEqual(PURPOSE);
    expect(Date.parse(manifest.database.readAt)).not.toBeNaN();
    expect(manifest.database.bookmark).toMatch(/\S+/);
    expect(manifest.counts.nodes).toBeGreaterThan(5);
    expect(manifest.signature.publicKey).toBe(publicKeyPem);
    expect(manifest.files.map((f) => f.name).sort()).toEqual(['chart.anx', 'chart.png', 'graph.cyjs', 'graph.gexf', 'graph.graphml', 'records-csv.zip']);
    for (const f of manifest.files) {
      expect(createHash('sha256').update(files.get(f.name)!).digest('hex')).toBe(f.sha256);
      expect(files.get(f.name)!.length).toBe(f.bytes);
    }
    expect(files.has('manifest.sig')).toBe(true);
  });

  it('is recorded in the audit trail under the same id, with the purpose and the entities exported', async () => {
    const record = await app.graph.read(async (tx) => (await tx.run('MATCH (r:AuditRecord {requestId: $id}) RETURN r {.*} AS r', { id: exportId })).records[0]?.get('r') as Record<string, unknown> | undefined);
    expect(record).toBeDefined();
    expect(record!.route).toBe('POST /api/export/package');
    expect(record!.purposeCaseNumber).toBe(PURPOSE.caseNumber);
    // Security stores the entity list packed (entityIdsDeflated) or, in older records, as text.
    const entities = record!.entityIdsDeflated !== undefined ? unpackEntityIds(record!.entityIdsDeflated) : String(record!.entities).split(' ');
    expect(entities).toContain('Person:P-LI');
    expect(record!.outcome).toBe('OK');
  });

  it('verifies offline with the published key, and the command line says so', async () => {
    const result = await verifyPackage(path.join(dir, 'package.zip'), { trustedPublicKeyPem: publicKeyPem });
    expect(result.problems).toEqual([]);
    expect(result.keyChecked).toBe(true);
    const { stdout } = await run('npx', ['tsx', 'scripts/verify-export.ts', path.join(dir, 'package.zip'), '--public-key', path.join(dir, 'published-key.pem')], { cwd: repoRoot });
    expect(stdout).toContain('VERIFIED');
  });

  it('fails and names the file when any byte is changed, wherever it is', async () => {
    const tampered = path.join(dir, 'tampered.zip');
    const offsets = new Set<number>();
    const step = Math.max(1, Math.floor(pkg.length / 150));
    for (let at = 0; at < pkg.length; at += step) offsets.add(at);
    for (let at = Math.max(0, pkg.length - 400); at < pkg.length; at += 7) offsets.add(at); // the directory, end record and seal
    for (const at of offsets) {
      const copy = Buffer.from(pkg);
      copy[at] = copy[at]! ^ 0x20;
      writeFileSync(tampered, copy);
      const result = await verifyPackage(tampered, { trustedPublicKeyPem: publicKeyPem });
      expect(result.ok, `byte ${at} changed but the package still verified`).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.every((p) => p.file.length > 0)).toBe(true);
    }
    // A change inside a data file is named by that file, by both the seal and the manifest.
    const files = await unzip(pkg);
    const gexf = files.get('graph.gexf')!;
    const copy = Buffer.from(pkg);
    const inside = pkg.indexOf(Buffer.from('graph.gexf')) + 200; // past the local header, in the compressed data
    copy[inside] = copy[inside]! ^ 0x01;
    writeFileSync(tampered, copy);
    const result = await verifyPackage(tampered, { trustedPublicKeyPem: publicKeyPem });
    expect(result.problems.map((p) => p.file)).toContain('graph.gexf');
    expect(gexf.length).toBeGreaterThan(200);
    const cli = await run('npx', ['tsx', 'scripts/verify-export.ts', tampered, '--public-key', path.join(dir, 'published-key.pem')], { cwd: repoRoot }).catch((e: { code: number; stdout: string }) => e);
    expect((cli as { code: number }).code).toBe(1);
    expect((cli as { stdout: string }).stdout).toMatch(/FAILED[\s\S]*graph\.gexf/);
  });

  it('a package re-signed with another key is refused against the published key', async () => {
    const other = await verifyPackage(path.join(dir, 'package.zip'), { trustedPublicKeyPem: (await import('node:crypto')).generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    expect(other.ok).toBe(false);
    expect(other.problems[0]!.file).toBe('(package seal)');
  });
});

describe('export security', () => {
  it('refuses the anonymous, roles without export, and requests without a purpose; masks for masked keys', async () => {
    const body = { source: SOURCE, format: 'CYTOSCAPE_JSON' };
    expect((await postExport(app.url, '/api/export', body, { authorization: null })).status).toBe(401);
    const officer = await app.client({ role: 'STATION_OFFICER' });
    expect((await postExport(app.url, '/api/export', body, { authorization: officer.authorization })).status).toBe(403);
    const noPurpose = await postExport(app.url, '/api/export', body, { authorization: app.authorization, purpose: null });
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.json<{ errors?: unknown; code?: string }>()).toMatchObject({ code: 'PURPOSE_REQUIRED' });

    const key = await app.client({ apiKey: { scopes: ['EXPORT'], identifierAccess: 'MASKED' } });
    const masked = await postExport(app.url, '/api/export', body, { authorization: key.authorization });
    expect(masked.status).toBe(200);
    const text = masked.body.toString('utf8');
    expect(text).not.toMatch(/\b\d{17}[\dX]\b/);
    expect(text).toMatch(/\d{4}\*{10}\d{3}[\dX]/);
    expect(text).not.toMatch(/\b1[3-9]\d{9}\b/);
  });

  it('names the field of a bad request', async () => {
    const res = await postExport(app.url, '/api/export', { source: { expand: { ids: ['P-LI'] } }, format: 'GRAPHML' }, { authorization: app.authorization });
    expect(res.status).toBe(400);
    expect(res.json<{ error: { argument: string } }>().error.argument).toBe('source.expand.ids');
    const unknown = await postExport(app.url, '/api/export', { source: SOURCE, format: 'DOCX' }, { authorization: app.authorization });
    expect(unknown.json<{ error: { argument: string } }>().error.argument).toBe('format');
  });
});
