import { createRequire } from 'node:module';

/**
 * The largest Bolt chunk: its size travels as an unsigned 16-bit number. The chunker's buffer
 * holds the 2-byte chunk header too, so a buffer of this size never makes a larger chunk.
 */
export const BOLT_CHUNK_BYTES = 65_535;

interface ChunkerPrototype {
  _bufferSize?: number;
}

let installed = false;
let chunkBytes = BOLT_CHUNK_BYTES;

/**
 * Makes the driver send Bolt messages in chunks of up to 64 KiB instead of 1,400 bytes.
 *
 * Why: the driver (neo4j-driver 6) cuts every message into 1,400-byte chunks (one TCP packet
 * on Ethernet) and writes each chunk to the socket on its own. An import batch of 5,000 records
 * is about 1.5 MB of parameters: some thousand socket writes in Node, and as many reads by
 * Neo4j's network threads. On loopback and in a data centre the kernel and the network split
 * larger writes anyway. Loading the scale-10 county into fresh databases, four times each way
 * (`npm run bench:seed-load -- --scale 10 --kinds … --variants clew,bolt-chunks-1400`, two runs of
 * two rounds), 64 KiB chunks took 3–11 % less of Node's CPU per record (median 8 %), and the
 * load took less time in three pairs of the four (median 6 % less). docs/ingest.md (*Bolt chunks*)
 * has the runs.
 *
 * How: the driver offers no setting for it. Its Chunker stores the size in `_bufferSize` and
 * allocates each buffer with that size; an accessor on the prototype answers every chunker the
 * driver creates from now on. The driver module is the one `neo4j-driver` itself requires, not
 * whichever copy a package manager hoisted. It holds for the whole process and is installed
 * once; a driver whose chunker has changed shape is left as it is, and a test
 * (tests/integration/bolt-chunks.int.test.ts) fails on it.
 *
 * @returns whether the driver's chunkers now take their size from here.
 */
export function enlargeBoltChunks(): boolean {
  if (installed) return true;
  const prototype = driverChunkerPrototype();
  if (!prototype) return false;
  Object.defineProperty(prototype, '_bufferSize', {
    configurable: true,
    get: () => chunkBytes,
    // The constructor assigns the driver's default (1,400) here: ignored.
    set: () => {},
  });
  installed = true;
  return true;
}

/** Sets the chunk size for the whole process; benchmarks pass the driver's own 1,400 to compare. */
export function useBoltChunkBytes(bytes: number): void {
  if (!Number.isInteger(bytes) || bytes < 16 || bytes > BOLT_CHUNK_BYTES) {
    throw new RangeError(`Bolt chunk size ${bytes}: give a whole number of bytes from 16 to ${BOLT_CHUNK_BYTES}.`);
  }
  chunkBytes = bytes;
  enlargeBoltChunks();
}

function driverChunkerPrototype(): ChunkerPrototype | undefined {
  try {
    const fromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
    const chunking = fromDriver('neo4j-driver-bolt-connection/lib/channel/chunking.js') as {
      Chunker?: { prototype: ChunkerPrototype };
    };
    const prototype = chunking.Chunker?.prototype;
    return prototype && typeof (prototype as { flush?: unknown }).flush === 'function' ? prototype : undefined;
  } catch {
    return undefined;
  }
}
