import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { maskSubgraph } from '../../server/src/export/export-document.js';
import { parseExportRequest } from '../../server/src/export/export-request.js';
import type { ExportDocument } from '../../server/src/export/export-types.js';
import { FORMATS } from '../../server/src/export/format-registry.js';
import { nmtoken } from '../../server/src/export/formats/graphml.js';
import { loadSigningKey } from '../../server/src/export/package/signing-key.js';
import { verifyPackage } from '../../server/src/export/package/verify-package.js';
import { writePackage } from '../../server/src/export/package/write-package.js';
import { loadConfig } from '../../server/src/config.js';

/** Export pieces that need no database: request checks, ids, masking, the package seal. */

const doc: ExportDocument = {
  title: '单元测试 <&> "export"',
  subgraph: {
    nodes: [
      { id: 'Person:P-1', kind: 'PERSON', label: '王某', properties: { id: 'P-1', name: '王某', idNumber: '11010519491231002X', phones: ['13812345678'], tags: ['DRUG_USER'], note: 'bell\u0007 here', source: 'hotel-registry', sourceId: 'A1' } },
      { id: 'Phone:13812345678', kind: 'PHONE', label: '13812345678', properties: { number: '13812345678' } },
      { id: 'Location:H-1', kind: 'LOCATION', label: '平安旅社', properties: { id: 'H-1', name: '平安旅社', lat: 32.93, lon: 119.85, station: 'S-1' } },
    ],
    edges: [
      { id: 'USES_PHONE:P-1|13812345678', source: 'Person:P-1', target: 'Phone:13812345678', kind: 'USES_PHONE', properties: {} },
      { id: 'STAYED_AT:P-1|H-1|2026-03-27T13:40:00.000Z', source: 'Person:P-1', target: 'Location:H-1', kind: 'STAYED_AT', properties: { checkIn: '2026-03-27T21:40:00+08:00', room: '203', source: 'hotel-registry' } },
    ],
    truncated: false,
    omitted: [],
  },
  context: [],
  paths: [],
  origin: { operation: 'selection', arguments: { nodeIds: ['Person:P-1'] }, statements: ['link/nodes-by-uid'] },
  database: { readAt: '2026-08-31T10:00:00+08:00', databaseId: 'X', databaseName: 'neo4j', bookmark: 'FB:test', lastImportJob: null, lastImportEndedAt: null },
  requester: { kind: 'USER', name: 'analyst', role: 'ANALYST', unit: 'dept:intel', caseNumber: 'A320982', reason: 'unit test' },
  createdAt: '2026-08-31T02:00:00.000Z',
  requestId: 'unit-1',
  masked: false,
  layout: null,
};

async function text(format: keyof typeof FORMATS): Promise<string> {
  const chunks: Buffer[] = [];
  await pipeline(FORMATS[format].produce(doc, new Date(doc.createdAt)), new Writable({ write: (c: Buffer | string, _e, done) => (chunks.push(Buffer.from(c)), done()) }));
  return Buffer.concat(chunks).toString('utf8');
}

describe('export request', () => {
  const config = loadConfig({});
  it('names the field at fault', () => {
    expect(() => parseExportRequest({ source: { expand: { ids: ['Person:P-1'], depth: 9 } }, format: 'GEXF' }, config, 'single')).toThrow(/source\.expand\.depth/);
    expect(() => parseExportRequest({ source: { selection: {}, paths: {} }, format: 'GEXF' }, config, 'single')).toThrow(/exactly one/);
    expect(() => parseExportRequest({ source: { selection: { nodeIds: ['Person:P-1'] } }, formats: ['PNG', 'XLS'] }, config, 'package')).toThrow(/formats\[1\]/);
    expect(parseExportRequest({ source: { selection: { nodeIds: ['Person:P-1'] } } }, config, 'package').formats).toHaveLength(8);
  });
});

describe('ids and masking', () => {
  it('makes GraphML name tokens that stay unique and reversible', () => {
    expect(nmtoken('STAYED_AT:P-1|H-1|2026-03-27T13:40:00.000Z')).toBe('STAYED_AT:P-1·7C·H-1·7C·2026-03-27T13:40:00.000Z');
    expect(nmtoken('Vehicle:苏M36158')).toBe('Vehicle:苏M36158');
    expect(nmtoken('a·b')).not.toBe(nmtoken('a·B7·b'));
  });

  it('masks identifiers everywhere, ids included, and keeps every edge joined', () => {
    const twin = { ...doc.subgraph, nodes: [...doc.subgraph.nodes, { id: 'Phone:13899995678', kind: 'PHONE' as const, label: '13899995678', properties: {} }] };
    const masked = maskSubgraph(twin);
    const text = JSON.stringify(masked);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('11010519491231002X');
    const ids = masked.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of masked.edges) expect(ids).toContain(e.target);
  });
});

describe('formats without a database', () => {
  it('escapes markup and drops control characters in XML', async () => {
    const xml = await text('GRAPHML');
    expect(xml).toContain('单元测试 &lt;&amp;&gt;');
    expect(xml).not.toContain('\u0007');
    const anx = await text('ANX');
    expect(anx).toContain('EntityId="Person:P-1"');
    // An attribute whose value is "true" keeps its value (a bare attribute is not XML).
    expect(anx).toContain('Rigorous="true"');
  });
});

describe('package seal', () => {
  it('verifies as written, and every changed byte is found and named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clew-export-unit-'));
    const key = loadSigningKey(path.join(dir, 'key.pem'));
    const written = await writePackage(doc, ['GRAPHML', 'CYTOSCAPE_JSON', 'CSV'], key);
    const file = path.join(dir, 'p.zip');
    copyFileSync(written.file, file);
    await written.dispose();
    expect((await verifyPackage(file, { trustedPublicKeyPem: key.publicKeyPem })).problems).toEqual([]);
    const bytes = readFileSync(file);
    const tampered = path.join(dir, 't.zip');
    for (let at = 0; at < bytes.length; at += Number(process.env.CLEW_TAMPER_STEP ?? 4)) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x04;
      writeFileSync(tampered, copy);
      const result = await verifyPackage(tampered, { trustedPublicKeyPem: key.publicKeyPem });
      expect(result.ok, `byte ${at}`).toBe(false);
    }
    // Bytes appended after the seal are found too.
    writeFileSync(tampered, Buffer.concat([bytes, Buffer.from('x')]));
    expect((await verifyPackage(tampered, { trustedPublicKeyPem: key.publicKeyPem })).ok).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
