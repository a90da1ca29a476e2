/**
 * npm run bench:export [-- --nodes 10000 --edges 50000]
 *
 * Export time and peak memory for a selection of 10,000 nodes with 50,000 relationships
 * among them, taken from the seed county (the busiest nodes first, so the relationships
 * are there): the read (one transaction, as the export routes do it) and then each format
 * streamed to a byte counter, and a signed package of all formats. Prints the figures.
 * Uses the database the configuration names (CLEW_NEO4J_* / NEO4J_URI); starts the managed
 * one and loads the demo county when needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../server/src/config.js';
import { loadDemoIfEmpty } from '../server/src/demo/load-demo.js';
import { buildExportDocument } from '../server/src/export/export-document.js';
import { EXPORT_FORMATS, type ExportDocument } from '../server/src/export/export-types.js';
import { FORMATS } from '../server/src/export/format-registry.js';
import { chartLayoutOf } from '../server/src/export/formats/layout-cache.js';
import { PDF_TABLE_ROWS_MAX } from '../server/src/export/formats/pdf-dossier.js';
import { loadSigningKey } from '../server/src/export/package/signing-key.js';
import { writePackage } from '../server/src/export/package/write-package.js';
import { prepareDatabase } from '../server/src/startup.js';
import { machineLine } from './support/machine.js';
import { printTable, timed } from './support/stats.js';

const { values } = parseArgs({ options: { nodes: { type: 'string' }, edges: { type: 'string' } } });
const NODES = Number(values.nodes ?? 10_000);
const EDGES = Number(values.edges ?? 50_000);
const EDGES_ALL = (await readFile(fileURLToPath(new URL('./cypher/export/edges-all.cypher', import.meta.url)), 'utf8')).replace(/^\/\/.*\n/gm, '');

/** Peak RSS and heap while `work` runs, sampled every 5 ms. */
async function measured<T>(work: () => Promise<T>): Promise<{ ms: number; rssMb: number; heapMb: number; value: T }> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 5);
  try {
    const { ms, value } = await timed(work);
    return { ms, rssMb: rss / 2 ** 20, heapMb: heap / 2 ** 20, value };
  } finally {
    clearInterval(timer);
  }
}

function counter(): { sink: Writable; bytes: () => number } {
  let bytes = 0;
  return {
    sink: new Writable({
      write(chunk: Buffer | string, _e, done) {
        bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
        done();
      },
    }),
    bytes: () => bytes,
  };
}

const config = loadConfig();
// The managed Neo4j is started, and the demo county loaded, when no database is configured.
const graph = await prepareDatabase(config, (l) => console.log(`  ${l}`));
try {
  await loadDemoIfEmpty(graph, config, (l) => console.log(`  ${l}`));
  console.log(`export benchmark — ${machineLine()}`);
  // The busiest nodes first, then the relationships among them.
  const rows = await graph.read(async (tx) => (await tx.run(EDGES_ALL, { limit: neo4j.int(1_000_000) })).records.map((r) => ({ source: r.get('source') as string, target: r.get('target') as string, id: r.get('id') as string })), { timeoutMs: 120_000 });
  const degree = new Map<string, number>();
  for (const r of rows) for (const n of [r.source, r.target]) degree.set(n, (degree.get(n) ?? 0) + 1);
  const chosen = new Set([...degree.entries()].sort((a, b) => b[1] - a[1]).slice(0, NODES).map(([id]) => id));
  const edgeIds = rows.filter((r) => chosen.has(r.source) && chosen.has(r.target)).slice(0, EDGES).map((r) => r.id);
  console.log(`selection: ${chosen.size} nodes, ${edgeIds.length} relationships among them (of ${rows.length} in the database)`);

  const requester = { kind: 'USER' as const, name: 'bench', role: 'ANALYST', unit: 'dept:intel', caseNumber: 'BENCH-0001', reason: 'export benchmark' };
  const read = await measured(() =>
    buildExportDocument(graph, {
      source: { kind: 'SELECTION', nodeIds: [...chosen], edgeIds },
      title: 'export benchmark',
      layout: null,
      requester,
      requestId: 'bench-export',
      masked: false,
      now: new Date(),
      timeoutMs: 120_000,
    }),
  );
  const doc: ExportDocument = read.value;
  console.log(`  read: ${Math.round(read.ms)} ms`);
  const layout = await measured(async () => chartLayoutOf(doc));
  const results: Record<string, string | number>[] = [
    { step: 'read (one transaction) + context', ms: Math.round(read.ms), 'total ms (read+write)': '', MB: '', 'peak RSS MB': Math.round(read.rssMb), 'peak heap MB': Math.round(read.heapMb) },
    { step: 'chart layout (once per export)', ms: Math.round(layout.ms), 'total ms (read+write)': '', MB: '', 'peak RSS MB': Math.round(layout.rssMb), 'peak heap MB': Math.round(layout.heapMb) },
  ];
  for (const format of EXPORT_FORMATS) {
    const { sink, bytes } = counter();
    const m = await measured(() => pipeline(FORMATS[format].produce(doc, new Date(doc.createdAt)), sink));
    console.log(`  ${format}: ${Math.round(m.ms)} ms`);
    results.push({ step: format, ms: Math.round(m.ms), 'total ms (read+write)': Math.round(read.ms + layout.ms + m.ms), MB: (bytes() / 2 ** 20).toFixed(1), 'peak RSS MB': Math.round(m.rssMb), 'peak heap MB': Math.round(m.heapMb) });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clew-bench-export-'));
  try {
    const key = loadSigningKey(path.join(dir, 'bench-key.pem'));
    const pkg = await measured(() => writePackage(doc, [...EXPORT_FORMATS], key));
    results.push({ step: 'signed package, all formats', ms: Math.round(pkg.ms), 'total ms (read+write)': Math.round(read.ms + layout.ms + pkg.ms), MB: (pkg.value.bytes / 2 ** 20).toFixed(1), 'peak RSS MB': Math.round(pkg.rssMb), 'peak heap MB': Math.round(pkg.heapMb) });
    await pkg.value.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(results);
  console.log(`nodes ${doc.subgraph.nodes.length}, edges ${doc.subgraph.edges.length}; the PDF lists at most ${PDF_TABLE_ROWS_MAX} rows per table (the data files hold all).`);
} finally {
  await graph.close();
}
