import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../../server/src/db/graph.js';
import { normalizeRecord, type Row } from '../../server/src/ingest/normalize-record.js';
import { stayRecord, type BenchShape } from '../ingest-data.js';
import { cpuMeter, type CpuSpent } from './cpu-meter.js';

export interface WriteFigures {
  rowsPerSecond: number;
  cpu: CpuSpent;
}

/** Stays of one run (`run` keeps their keys apart), validated as the importer would, in batches. */
export function stayBatches(shape: BenchShape, run: number, rows: number, batchSize: number): Row[][] {
  const batches: Row[][] = [];
  for (let i = 0; i < rows; i += batchSize) {
    const batch: Row[] = [];
    for (let j = i; j < Math.min(rows, i + batchSize); j++) batch.push(normalizeRecord(stayRecord(shape, run, j), j + 1).row);
    batches.push(batch);
  }
  return batches;
}

/**
 * Writes the batches through the raw driver, each in one managed transaction, `inFlight` at
 * once; only the writing is timed and metered (the batches are made before).
 */
export async function writeBatches(graph: Graph, batches: Row[][], inFlight: number, write: (tx: ManagedTransaction, rows: Row[]) => Promise<unknown>): Promise<WriteFigures> {
  const rows = batches.reduce((n, b) => n + b.length, 0);
  let next = 0;
  const meter = await cpuMeter();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.WRITE });
      try {
        while (next < batches.length) {
          const batch = batches[next++]!;
          await session.executeWrite((tx) => write(tx, batch));
        }
      } finally {
        await session.close();
      }
    }),
  );
  const ms = performance.now() - started;
  return { rowsPerSecond: (rows / ms) * 1000, cpu: await meter.stop() };
}
