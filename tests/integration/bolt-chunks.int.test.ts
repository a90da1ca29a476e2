import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { BOLT_CHUNK_BYTES, useBoltChunkBytes } from '../../server/src/db/bolt-chunks.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';

let graph: Graph;

beforeAll(async () => {
  graph = await openGraph(loadConfig());
});
afterAll(async () => {
  useBoltChunkBytes(BOLT_CHUNK_BYTES);
  await graph?.close();
});

/** 1.6 MB of parameters, like an import batch: 2,000 rows of about 500 characters, 140 of them Chinese. */
const rows = Array.from({ length: 2000 }, (_, i) => `${i}|${'李国华兴化戴南'.repeat(20)}${'x'.repeat(360)}`);

/** Runs the echo query and counts the socket writes this process makes meanwhile. */
async function echoCountingWrites(): Promise<{ echoed: string[]; writes: number }> {
  const write = net.Socket.prototype.write;
  let writes = 0;
  net.Socket.prototype.write = function (this: net.Socket, ...args: Parameters<typeof write>) {
    writes++;
    return write.apply(this, args);
  } as typeof write;
  try {
    const echoed = await graph.read(async (tx) => {
      const result = await tx.run('UNWIND $rows AS row RETURN collect(row) AS rows', { rows });
      return result.records[0]!.get('rows') as string[];
    });
    return { echoed, writes };
  } finally {
    net.Socket.prototype.write = write;
  }
}

describe('Bolt chunks', () => {
  it('sends 1.6 MB of parameters in 64 KiB chunks that Neo4j reads back intact', async () => {
    await echoCountingWrites(); // the first query of a connection also sends its hello
    const { echoed, writes } = await echoCountingWrites();
    expect(echoed).toEqual(rows);
    // 1.6 MB in chunks of 64 KiB: about 25 writes; the driver's own 1,400-byte chunks take some 1,100.
    expect(writes).toBeGreaterThan(10);
    expect(writes).toBeLessThan(40);
  });

  it("counts about a thousand writes with the driver's own chunk size, so the count above measures the chunks", async () => {
    useBoltChunkBytes(1400);
    const { echoed, writes } = await echoCountingWrites();
    useBoltChunkBytes(BOLT_CHUNK_BYTES);
    expect(echoed).toEqual(rows);
    expect(writes).toBeGreaterThan(800);
  });

  it('refuses a chunk size Bolt cannot carry', () => {
    expect(() => useBoltChunkBytes(70_000)).toThrow(/Bolt chunk size 70000: give a whole number of bytes from 16 to 65535/);
  });
});
