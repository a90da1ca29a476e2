import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * What the ingest benchmark imports: a station, a few hotels, persons, and stays between
 * them, all under one id prefix. Stays are written as NDJSON straight to disk, so a 1 GB
 * file is made without holding it.
 */
export interface BenchShape {
  prefix: string;
  persons: number;
  hotels: number;
}

export const BENCH_REGION = '990000';

export function baseRecords(s: BenchShape): Record<string, unknown>[] {
  // A region of the benchmark's own (990000 is no real code), so the benchmark runs on an
  // empty database too and leaves the demo county's regions as they are.
  const out: Record<string, unknown>[] = [
    { kind: 'region', code: BENCH_REGION, name: '基准区' },
    { kind: 'station', id: `${s.prefix}S`, name: '基准派出所', region: BENCH_REGION },
  ];
  for (let h = 0; h < s.hotels; h++) {
    out.push({ kind: 'location', id: `${s.prefix}H${h}`, type: 'HOTEL', name: `基准旅社${h}`, lat: 32.9 + h / 1000, lon: 119.8 + h / 1000, station: `${s.prefix}S` });
  }
  for (let p = 0; p < s.persons; p++) out.push({ kind: 'person', id: `${s.prefix}P${p}`, name: `基准${p}` });
  return out;
}

const START = Date.UTC(2026, 0, 1);

/** Stay number `i` of a run (`run` keeps the keys of two runs apart); `pad` adds bytes to reach a file size. */
export function stayRecord(s: BenchShape, run: number, i: number, pad = ''): Record<string, unknown> {
  const at = START + run * 1e10 + i * 1000;
  return {
    kind: 'stay',
    person: `${s.prefix}P${i % s.persons}`,
    location: `${s.prefix}H${i % s.hotels}`,
    checkIn: new Date(at).toISOString().replace('.000Z', '+00:00'),
    checkOut: new Date(at + 36e6).toISOString().replace('.000Z', '+00:00'),
    room: String(100 + (i % 400)),
    source: 'hotel-registry',
    sourceId: `r${run}-${i}${pad}`,
  };
}

/** Writes stays to an NDJSON file until `rows` are written or the file reaches `bytes`. */
export async function writeStays(file: string, s: BenchShape, run: number, limit: { rows?: number; bytes?: number }, pad = ''): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(file);
  let rows = 0;
  let bytes = 0;
  while ((limit.rows === undefined || rows < limit.rows) && (limit.bytes === undefined || bytes < limit.bytes)) {
    const line = `${JSON.stringify(stayRecord(s, run, rows, pad))}\n`;
    bytes += Buffer.byteLength(line);
    rows++;
    if (!out.write(line)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { rows, bytes };
}
