import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';
import { toPlain } from '../../server/src/db/neo4j-values.js';
import { readImportFiles } from '../../server/src/ingest/formats/import-files.js';
import { importRecords, type ImportSummary } from '../../server/src/ingest/import-records.js';
import { generateCounty } from '../../seed/generate.js';
import { deleteByPrefix, ingestFixture, ndjson, type IngestFixture } from '../helpers/ingest-fixtures.js';
import { writeCsvPerKind, writeXlsxPerKind } from '../helpers/ingest-writers.js';

/**
 * The seed generator's output at a small scale, imported as NDJSON, as one CSV file per kind
 * and as one workbook with a sheet per kind, gives the same graph three times. Each format
 * writes under its own id prefix (so the shared seed county is not touched); the graphs are
 * compared with the prefixes taken out.
 */
type Rec = Record<string, unknown> & { kind: string };

const FORMATS = ['ndjson', 'csv', 'xlsx'] as const;
let graph: Graph;
let fx: IngestFixture;
let records: Rec[];
type Prefix = { ids: string; plates: string; phones: string };
const prefixes = Object.fromEntries(FORMATS.map((f, i) => [f, { ids: '', plates: '', phones: `+8${i}-` }])) as Record<(typeof FORMATS)[number], Prefix>;

/** Every id, reference, phone and plate of a record under a prefix; region codes stay (they are shared). */
function prefixed(r: Rec, px: Prefix): Rec {
  const id = (v: unknown) => (typeof v === 'string' ? px.ids + v : v);
  const phone = (v: unknown) => (typeof v === 'string' ? px.phones + v : v);
  // Plates are at most 20 characters: they get a short prefix of their own.
  const plate = (v: unknown) => (typeof v === 'string' ? px.plates + v : v);
  const out: Rec = { ...r };
  const ids: Record<string, string[]> = {
    station: ['id'],
    location: ['id', 'station'],
    person: ['id'],
    relation: ['from', 'to'],
    case: ['id', 'location'],
    involvement: ['person', 'case'],
    stay: ['person', 'location'],
    login: ['person', 'location'],
    pass: ['location'],
    call: [],
  };
  for (const f of ids[r.kind] ?? []) if (out[f] !== undefined) out[f] = id(out[f]);
  if (r.kind === 'pass') out.plate = plate(r.plate);
  if (r.kind === 'call') {
    out.from = phone(r.from);
    out.to = phone(r.to);
  }
  if (r.kind === 'person') {
    if (Array.isArray(r.phones)) out.phones = r.phones.map(phone);
    if (Array.isArray(r.plates)) out.plates = r.plates.map(plate);
  }
  return out;
}

const BOOKKEEPING = ['ingestedAt', 'importJob', 'importRun', 'rowHash'];

/** The graph a prefix wrote, as sorted JSON lines with the prefix taken out. */
async function dump(px: Prefix): Promise<string[]> {
  const rows = await graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (n:Entity)
       WHERE n.id STARTS WITH $ids OR n.plate STARTS WITH $plates OR n.number STARTS WITH $phones
       CALL (n) {
         OPTIONAL MATCH (n)-[r]->(m)
         RETURN collect({type: type(r), props: properties(r), to: m.uid}) AS out
       }
       RETURN labels(n) AS labels, properties(n) AS props, out`,
      px,
    );
    return result.records.map((r) => toPlain(r.toObject()) as { labels: string[]; props: Record<string, unknown>; out: { type: string | null; props: Record<string, unknown> | null; to: string | null }[] });
  });
  const clean = (p: Record<string, unknown> | null) => Object.fromEntries(Object.entries(p ?? {}).filter(([k]) => !BOOKKEEPING.includes(k)).sort(([a], [b]) => a.localeCompare(b)));
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(JSON.stringify({ labels: [...row.labels].sort(), props: clean(row.props) }));
    for (const e of row.out) if (e.type) lines.push(JSON.stringify({ from: row.props.uid, type: e.type, to: e.to, props: clean(e.props) }));
  }
  return lines.map((l) => l.replaceAll(px.ids, '').replaceAll(px.plates, '').replaceAll(px.phones, '')).sort();
}

beforeAll(async () => {
  graph = await openGraph(loadConfig());
  fx = await ingestFixture('RT');
  for (const f of FORMATS) {
    prefixes[f].ids = `${fx.prefix}${f}-`;
    prefixes[f].plates = `${f[0]!.toUpperCase()}${fx.prefix.slice(2, 6).toUpperCase()}-`;
  }
  records = [...generateCounty({ seed: 4242, scale: 0.05 })].filter((r) => r.kind !== 'region') as unknown as Rec[];
});

afterAll(async () => {
  for (const f of FORMATS) {
    await deleteByPrefix(graph, prefixes[f].ids, prefixes[f].phones);
    await deleteByPrefix(graph, prefixes[f].plates, prefixes[f].phones);
  }
  await rm(fx.dir, { recursive: true, force: true });
  await graph?.close();
});

describe('the seed county through NDJSON, CSV and XLSX', () => {
  it('gives the same graph in every format', { timeout: 600_000 }, async () => {
    const summaries: Record<string, ImportSummary> = {};
    for (const format of FORMATS) {
      const px = prefixes[format];
      const mine = records.map((r) => prefixed(r, px));
      const dir = `${fx.dir}/${format}`;
      await (await import('node:fs/promises')).mkdir(dir, { recursive: true });
      const files =
        format === 'ndjson'
          ? [await fx.file(`${format}/county.ndjson`, ndjson(mine))]
          : format === 'csv'
            ? await writeCsvPerKind(mine, dir)
            : [await writeXlsxPerKind(mine, `${dir}/county.xlsx`)];
      summaries[format] = await importRecords(graph, readImportFiles(files.map((p) => ({ path: p, label: p.split('/').pop()! }))), { job: `${fx.prefix}${format}` });
    }
    for (const format of FORMATS) {
      expect(summaries[format], format).toMatchObject({ read: records.length, accepted: records.length, rejected: 0, unchanged: 0 });
    }
    const ndjsonGraph = await dump(prefixes.ndjson);
    expect(ndjsonGraph.length).toBeGreaterThan(records.length / 2);
    expect(await dump(prefixes.csv)).toEqual(ndjsonGraph);
    expect(await dump(prefixes.xlsx)).toEqual(ndjsonGraph);
  });
});
