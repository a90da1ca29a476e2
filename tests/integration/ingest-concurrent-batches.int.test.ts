import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';
import { importRecords, type SourceRecord } from '../../server/src/ingest/import-records.js';
import { countWhere, ingestFixture, type IngestFixture } from '../helpers/ingest-fixtures.js';

/**
 * New records are created rather than merged, with two batches of one kind in flight.
 * These tests hold the writer to what MERGE gave for free: a second copy of a record in a
 * later batch still sees the first, and two imports of the same records at the same time
 * (each taking the records for new) end with each record once.
 */
const config = loadConfig();
let graph: Graph;
let fx: IngestFixture;

async function* records(raws: readonly unknown[]): AsyncIterable<SourceRecord> {
  for (const [i, raw] of raws.entries()) yield { raw, position: { file: 'test.ndjson', line: i + 1 } };
}

function base(P: string): unknown[] {
  return [
    { kind: 'station', id: `${P}S`, name: '测试派出所', region: '321281' },
    { kind: 'location', id: `${P}H1`, type: 'HOTEL', name: '测试旅社', lat: 32.93, lon: 119.85, station: `${P}S` },
    ...Array.from({ length: 10 }, (_, i) => ({ kind: 'person', id: `${P}P${i}`, name: `测试${i}`, phones: [fx.phone(i % 3)], plates: [`${P}a${i % 2}`, `${P}A${i % 2}`] })),
  ];
}

function stay(P: string, i: number, room: string): unknown {
  const at = new Date(Date.UTC(2026, 5, 1, 20) + i * 60_000).toISOString();
  return { kind: 'stay', person: `${P}P${i % 10}`, location: `${P}H1`, checkIn: at, room, source: 'hotel-registry', sourceId: `s${i}-${room}` };
}

beforeAll(async () => {
  graph = await openGraph(config);
  fx = await ingestFixture('CB');
});

afterAll(async () => {
  // Plates are stored upper case, out of the fixture's (lower-case hex) prefix.
  await graph.write((tx) => tx.run('MATCH (v:Vehicle) WHERE v.plate STARTS WITH $p DETACH DELETE v', { p: fx.prefix.toUpperCase() }));
  await fx.cleanup(graph);
  await graph.close();
});

describe('batches of one kind written side by side', () => {
  it('lets a later copy of a record in another batch win, and counts it a duplicate', async () => {
    const P = fx.prefix;
    // Batches of 4: stay 1 comes again, changed, in the very next batch (while the first may
    // still be running); stay 2 comes again unchanged at the end.
    const first = Array.from({ length: 30 }, (_, i) => stay(P, i, '101'));
    const stays = [...first.slice(0, 6), stay(P, 1, '999'), ...first.slice(6), stay(P, 2, '101')];
    const summary = await importRecords(graph, records([...base(P), ...stays]), { job: `${P}first`, batchSize: 4, maxInFlight: 2 });
    expect(summary).toMatchObject({ read: 44, accepted: 42, rejected: 0, duplicates: 2 });
    expect(await countWhere(graph, 'MATCH (p:Person)-[s:STAYED_AT]->() WHERE p.id STARTS WITH $P RETURN count(s)', { P })).toBe(30);
    const room = await graph.read((tx) => tx.run('MATCH (:Person {id: $id})-[s:STAYED_AT]->() WHERE s.sourceId STARTS WITH "s1-" RETURN s.room AS room', { id: `${P}P1` }));
    expect(room.records.map((r) => r.get('room') as string)).toEqual(['999']);
    // Phones shared by several persons are one Phone each; a plate given twice in two cases is one vehicle.
    expect(await countWhere(graph, 'MATCH (p:Person)-[:USES_PHONE]->(ph:Phone) WHERE p.id STARTS WITH $P RETURN count(DISTINCT ph)', { P })).toBe(3);
    expect(await countWhere(graph, 'MATCH (p:Person)-[o:OWNS_VEHICLE]->() WHERE p.id STARTS WITH $P RETURN count(o)', { P })).toBe(10);
  });

  it('counts stored records among new ones exactly, batch after batch, whether a batch looked them up or not', async () => {
    const P = `${fx.prefix}3`;
    await importRecords(graph, records(base(P)), { job: `${P}base` });
    const stays = Array.from({ length: 120 }, (_, i) => stay(P, i, '301'));
    // Every fifth batch of ten stays is stored already, one of them changed since: a batch
    // written without a look-up meets them, the next three look up and meet new ones, and
    // the fourth goes without again (look-up-policy.ts).
    const earlier = stays.filter((_, i) => Math.floor(i / 10) % 5 === 1).map((s, k) => (k === 5 ? { ...(s as object), room: '302' } : s));
    expect(await importRecords(graph, records(earlier), { job: `${P}earlier` })).toMatchObject({ accepted: 30, rejected: 0 });
    const summary = await importRecords(graph, records(stays), { job: `${P}all`, batchSize: 10 });
    expect(summary).toMatchObject({ read: 120, accepted: 91, unchanged: 29, duplicates: 0, rejected: 0 });
    expect(await countWhere(graph, 'MATCH (p:Person)-[s:STAYED_AT]->() WHERE p.id STARTS WITH $P RETURN count(s)', { P })).toBe(120);
    expect(await countWhere(graph, 'MATCH (p:Person)-[s:STAYED_AT]->() WHERE p.id STARTS WITH $P AND s.importJob = $job RETURN count(s)', { P, job: `${P}all` })).toBe(91);
    expect(await countWhere(graph, "MATCH (p:Person)-[s:STAYED_AT]->() WHERE p.id STARTS WITH $P AND s.room = '302' RETURN count(s)", { P })).toBe(0);
  });

  it('rejects every record whose reference is missing when batches of several kinds put them aside at once', async () => {
    const P = `${fx.prefix}4`;
    await importRecords(graph, records(base(P)), { job: `${P}base` });
    // Batches of one record, three in flight: several find their reference missing at the
    // same moment and put their record aside to be tried again at the end.
    const orphans = Array.from({ length: 12 }, (_, i) =>
      i % 2 === 0 ? { kind: 'stay', person: `${P}NOBODY${i}`, location: `${P}H1`, checkIn: new Date(Date.UTC(2026, 5, 2, 8) + i * 60_000).toISOString() } : { kind: 'relation', from: `${P}P1`, to: `${P}NOBODY${i}`, type: 'ASSOCIATE' },
    );
    const summary = await importRecords(graph, records(orphans), { job: `${P}orphans`, batchSize: 1, maxInFlight: 3 });
    expect(summary).toMatchObject({ read: 12, accepted: 0, rejected: 12 });
  });

  it('ends with each record once when two imports write the same new records at the same time', async () => {
    const P = `${fx.prefix}2`;
    await importRecords(graph, records(base(P)), { job: `${P}base` });
    const stays = Array.from({ length: 400 }, (_, i) => stay(P, i, '201'));
    const [a, b] = await Promise.all([
      importRecords(graph, records(stays), { job: `${P}a`, batchSize: 50, maxInFlight: 2 }),
      importRecords(graph, records(stays), { job: `${P}b`, batchSize: 50, maxInFlight: 2 }),
    ]);
    for (const s of [a, b]) expect(s.rejected).toBe(0);
    // Whichever wrote a record first accepted it; the other found it there as sent.
    expect(a.accepted + a.unchanged).toBe(400);
    expect(b.accepted + b.unchanged).toBe(400);
    expect(a.accepted + b.accepted).toBe(400);
    expect(await countWhere(graph, 'MATCH (p:Person)-[s:STAYED_AT]->() WHERE p.id STARTS WITH $P RETURN count(s)', { P })).toBe(400);
    expect(await countWhere(graph, 'MATCH (p:Person)-[s:STAYED_AT]->() WHERE p.id STARTS WITH $P RETURN count(DISTINCT s.key)', { P })).toBe(400);
  });
});
