import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, usesManagedDatabase } from '../../server/src/config.js';
import { openGraph, type Graph } from '../../server/src/db/graph.js';
import { findJob } from '../../server/src/ingest/import-jobs.js';
import { runImportJob } from '../../server/src/ingest/run-import-job.js';
import { startLocal, stopLocal } from '../../server/src/local-neo4j/server-process.js';
import { repoRoot } from '../../server/src/repo-root.js';
import { countWhere, deleteJobs, ingestFixture, ndjson, type IngestFixture } from '../helpers/ingest-fixtures.js';

/**
 * An import killed half-way (the process SIGKILLed, then the database restarted) and run
 * again ends with exactly the records it should have: resumed as the same job, and imported
 * once more as a new job, every count is exact, nothing is there twice, nothing is missing.
 */
const config = loadConfig();
const STAYS = 12_000;
const BAD = 7;
const PERSONS = 120;
let graph: Graph;
let fx: IngestFixture;
let file: string;
const jobs: string[] = [];

/** `npm run import` in one process (node with tsx as loader), so SIGKILL reaches the importer itself. */
function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--quiet', '--lang', 'en', ...args], { cwd: repoRoot, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function exited(child: ChildProcess): Promise<{ code: number | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

const staysWritten = () => countWhere(graph, 'MATCH (p:Person)-[s:STAYED_AT]->() WHERE p.id STARTS WITH $prefix RETURN count(s)', { prefix: fx.prefix });

beforeAll(async () => {
  graph = await openGraph(config);
  fx = await ingestFixture('KR');
  const P = fx.prefix;
  const base = await runImportJob(graph, {
    principal: 'integration-test',
    files: [
      {
        path: await fx.file(
          'base.ndjson',
          ndjson([
            { kind: 'station', id: `${P}S`, name: '测试派出所', region: '321281' },
            { kind: 'location', id: `${P}H1`, type: 'HOTEL', name: '测试旅社', lat: 32.93, lon: 119.85, station: `${P}S` },
            ...Array.from({ length: PERSONS }, (_, i) => ({ kind: 'person', id: `${P}P${i}`, name: `测试${i}` })),
          ]),
        ),
        label: 'base.ndjson',
      },
    ],
  });
  jobs.push(base.id);
  const lines: string[] = [];
  for (let i = 0; i < STAYS; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    lines.push(JSON.stringify({ kind: 'stay', person: `${P}P${i % PERSONS}`, location: `${P}H1`, checkIn: at, room: String(i % 300) }));
    if (i % 2000 === 1000) lines.push('{"kind":"stay","person":');
  }
  lines.push(JSON.stringify({ kind: 'stay', person: `${P}NOBODY`, location: `${P}H1`, checkIn: '2026-03-01T00:00:00Z' }));
  expect(lines.length - STAYS).toBe(BAD);
  file = await fx.file(`${P}stays.ndjson`, `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await fx?.cleanup(graph);
  await deleteJobs(graph, jobs);
  await graph?.close();
});

describe('an import killed half-way', () => {
  it('is resumed after a database restart with exact counts, and a new import of the same file adds nothing', { timeout: 600_000 }, async () => {
    const label = path.basename(file);
    const child = cli(['--batch-size', '200', '--source', `${fx.prefix}cameras`, file]);
    const ended = exited(child);
    let jobId: string | undefined;
    for (let i = 0; i < 1200 && child.exitCode === null; i++) {
      const row = await graph.read(async (tx) => (await tx.run('MATCH (j:ImportJob) WHERE $label IN j.files RETURN j.id AS id, j.accepted AS accepted', { label })).records[0]);
      jobId = row?.get('id') as string | undefined;
      if (row && Number(row.get('accepted')) >= 1500) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await ended;
    expect(jobId).toBeDefined();
    jobs.push(jobId!);
    const before = await staysWritten();
    expect(before).toBeGreaterThanOrEqual(1500);
    expect(before).toBeLessThan(STAYS);
    expect(await graph.read((tx) => findJob(tx, jobId!))).toMatchObject({ status: 'RUNNING' });

    if (usesManagedDatabase(config)) {
      await graph.close();
      await stopLocal(config.local);
      await startLocal(config.local);
      graph = await openGraph(config);
    }
    expect(await staysWritten()).toBe(before);

    const resumed = await exited(cli(['--resume', jobId!]));
    expect(resumed.code, resumed.out).toBe(0);
    expect(await graph.read((tx) => findJob(tx, jobId!))).toMatchObject({
      status: 'SUCCEEDED',
      run: 2,
      read: STAYS + BAD,
      accepted: STAYS,
      rejected: BAD,
      unchanged: 0,
      duplicates: 0,
      principal: 'cli',
      source: `${fx.prefix}cameras`,
    });
    expect(await staysWritten()).toBe(STAYS);
    expect(await countWhere(graph, 'MATCH (x:ImportRejection {job: $job}) RETURN count(x)', { job: jobId })).toBe(BAD);

    const again = await exited(cli(['--source', `${fx.prefix}cameras`, file]));
    expect(again.code, again.out).toBe(0);
    const second = /import job (\S+)/.exec(again.out)![1]!;
    jobs.push(second);
    expect(await graph.read((tx) => findJob(tx, second))).toMatchObject({ status: 'SUCCEEDED', read: STAYS + BAD, accepted: 0, unchanged: STAYS, rejected: BAD });
    expect(await staysWritten()).toBe(STAYS);
  });
});
