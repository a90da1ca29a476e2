import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../server/src/config.js';
import { localStatus } from '../../server/src/local-neo4j/server-process.js';

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ; 100 on every common kernel). */
const USER_HZ = 100;

export interface CpuSpent {
  /** CPU time of this Node process, user + system, in microseconds. */
  nodeMicros: number;
  /** CPU time of the managed Neo4j process, or undefined when it is external or not Linux. */
  databaseMicros?: number;
}

/**
 * Measures the CPU both processes spend on a piece of work. On two cores the import is
 * CPU-bound, so a throughput ratio is explained by where the CPU goes: this is how
 * bench/ingest.bench.ts shows it per row.
 */
export async function cpuMeter(): Promise<{ stop(): Promise<CpuSpent> }> {
  const config = loadConfig();
  const pid = config.neo4j.uri ? undefined : (await localStatus(config.local)).pid;
  const databaseAt = async () => (pid === undefined ? undefined : await processCpuMicros(pid));
  const node = process.cpuUsage();
  const database = await databaseAt();
  return {
    async stop() {
      const spent = process.cpuUsage(node);
      const databaseNow = await databaseAt();
      return {
        nodeMicros: spent.user + spent.system,
        ...(database !== undefined && databaseNow !== undefined ? { databaseMicros: databaseNow - database } : {}),
      };
    },
  };
}

async function processCpuMicros(pid: number): Promise<number | undefined> {
  try {
    return statCpuSeconds(await readFile(`/proc/${pid}/stat`, 'utf8')) * 1e6;
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds of a process or thread, from the text of its /proc stat file. */
export function statCpuSeconds(stat: string): number {
  // Fields after the command name (which may hold spaces) start at ") ": utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}
