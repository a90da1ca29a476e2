import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '../../server/src/db/graph.js';
import { residentIdCheckChar } from '../../server/src/ingest/resident-id.js';

/**
 * Test data for the importer that cannot collide with the seed county or another test run:
 * every id starts with a per-run prefix, phone numbers with "+9<digit>-", plates with the
 * prefix. `cleanup` removes what the run wrote (records, jobs, rejections, identity links).
 */
export interface IngestFixture {
  /** e.g. "IT3f9a-" */
  prefix: string;
  /** A phone number no one else uses: "+97-<n>". */
  phone(n: number | string): string;
  dir: string;
  file(name: string, content: string | Buffer): Promise<string>;
  cleanup(graph: Graph): Promise<void>;
}

export async function ingestFixture(tag = 'IT'): Promise<IngestFixture> {
  const prefix = `${tag}${randomBytes(3).toString('hex')}-`;
  const phoneDigit = String(randomBytes(1)[0]! % 10);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clew-ingest-test-'));
  return {
    prefix,
    phone: (n) => `+9${phoneDigit}-${prefix.replace(/\D/g, '').slice(0, 4)}${n}`,
    dir,
    async file(name, content) {
      const p = path.join(dir, name);
      await writeFile(p, content);
      return p;
    },
    async cleanup(graph) {
      await deleteByPrefix(graph, prefix, `+9${phoneDigit}-`);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Everything an ingest test wrote: records with ids (or plates, phones) under the prefix, and the jobs that wrote them. */
export async function deleteByPrefix(graph: Graph, prefix: string, phonePrefix: string): Promise<void> {
  await graph.write(async (tx) => {
    await tx.run(
      `MATCH (n:Entity)
       WHERE n.id STARTS WITH $prefix OR n.plate STARTS WITH $prefix OR n.number STARTS WITH $phonePrefix
       DETACH DELETE n`,
      { prefix, phonePrefix },
    );
    await tx.run(`MATCH (d:IdentityDecision) WHERE d.pair STARTS WITH $prefix DELETE d`, { prefix });
  });
}

export async function deleteJobs(graph: Graph, jobIds: readonly string[]): Promise<void> {
  await graph.write(async (tx) => {
    await tx.run('MATCH (x:ImportRejection) WHERE x.job IN $jobIds DELETE x', { jobIds });
    await tx.run('MATCH (j:ImportJob) WHERE j.id IN $jobIds DELETE j', { jobIds });
  });
}

/** A valid 18-digit resident ID for a birth date (YYYY-MM-DD), distinct per `serial`. */
export function residentId(birthDate: string, serial: number, region = '321281'): string {
  const body = `${region}${birthDate.replace(/-/g, '')}${String(serial % 1000).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

export function ndjson(records: readonly unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

export async function countWhere(graph: Graph, cypher: string, params: Record<string, unknown>): Promise<number> {
  const r = await graph.read((tx) => tx.run(cypher, params));
  return Number(r.records[0]?.get(0) ?? 0);
}
