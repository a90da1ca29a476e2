/**
 * After an import: a standing watch on Li raises an alert for the new stay of his old
 * relation (and none for a second-degree tie), pushed to a subscriber of another app
 * instance; the same follow-up compares the import's records with the watch-lists and
 * issues a group order. The follow-up finds the finished job by reading the importer's job
 * nodes, and does each job once.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportJob } from '../../server/src/ingest/run-import-job.js';
import { deleteRunAndOrders } from '../../server/src/techniques/orders/orders.js';
import { followUpFinishedImports, onImportFinished } from '../../server/src/techniques/schedule/follow-ups.js';
import { startTechniqueApp, type TechniqueTestApp } from '../helpers/technique-client.js';
import { subscribe, type Subscription } from '../helpers/technique-ws.js';

let a: TechniqueTestApp;
let b: TechniqueTestApp;
let analyst: string;
let watchId = '';
let jobId = '';
let dir = '';
let alerts: Subscription<{ alertRaised: { watchId: string; associateId: string; relation: string; locationId: string } }>;

const CHECK_IN = '2026-11-20T21:0';
const RECORDS = [
  { kind: 'stay', person: 'P-LI-OLD', location: 'H-JH-01', checkIn: `${CHECK_IN}1:00+08:00`, room: '808', source: 'hotel-registry' },
  // Guo's wife is only a second-degree tie of Li (through the victim): no alert at depth 1.
  { kind: 'stay', person: 'P-GUO-WIFE', location: 'H-JH-01', checkIn: `${CHECK_IN}2:00+08:00`, room: '809', source: 'hotel-registry' },
  // Three registered drug users in one Xincheng hotel that evening: a group after the import.
  ...[1, 2, 3].map((n) => ({ kind: 'stay', person: `P-XC-DRUG-${n}`, location: 'H-XC-01', checkIn: `${CHECK_IN}${n + 2}:00+08:00`, room: `90${n}`, source: 'hotel-registry' })),
];

beforeAll(async () => {
  a = await startTechniqueApp();
  b = await startTechniqueApp();
  analyst = await a.tokenFor('ANALYST', 'dept:intel');
  const w = await a.gql<{ watchPerson: { id: string } }>(analyst, `mutation { watchPerson(personId: "P-LI", depth: 1, minStrength: 0.3, note: "上网追逃") { id } }`);
  expect(w.errors).toBeUndefined();
  watchId = w.data!.watchPerson.id;
  alerts = await subscribe(b.url, analyst, `subscription W($id: ID) { alertRaised(watchId: $id) { watchId associateId relation locationId } }`, { id: watchId });
  dir = await mkdtemp(path.join(os.tmpdir(), 'clew-alert-test-'));
  const file = path.join(dir, 'movements.ndjson');
  await writeFile(file, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const job = await runImportJob(a.graph, { files: [{ path: file, label: 'movements.ndjson' }], principal: 'technique-tests' });
  expect(job.status).toBe('SUCCEEDED');
  jobId = job.id;
});

afterAll(async () => {
  alerts?.close();
  await a.graph.write(async (tx) => {
    const run = await tx.run('MATCH (j:ImportJob {id: $job}) RETURN j.techniquesCollisionRun AS run', { job: jobId });
    const runId = run.records[0]?.get('run') as string | null;
    if (runId) await deleteRunAndOrders(tx, runId);
    await tx.run('MATCH ()-[r:STAYED_AT]->() WHERE r.importJob = $job DELETE r', { job: jobId });
    await tx.run('MATCH (x:Alert {watchId: $watch}) DELETE x', { watch: watchId });
    await tx.run('MATCH (w:StandingWatch {id: $watch}) DETACH DELETE w', { watch: watchId });
    await tx.run('MATCH (j:ImportJob {id: $job}) OPTIONAL MATCH (r:ImportRejection {job: $job}) DETACH DELETE j, r', { job: jobId });
  });
  if (dir) await rm(dir, { recursive: true, force: true });
  await b?.close();
  await a?.close();
});

/**
 * The scheduler's follow-up, repeated until no finished job is left: it takes the five oldest
 * at a time, and a shared database may hold other finished jobs not followed up yet.
 */
async function followUpAll(): Promise<string[]> {
  const done: string[] = [];
  for (let batch = await followUpFinishedImports(a.app.clewTechniques); batch.length > 0; batch = await followUpFinishedImports(a.app.clewTechniques)) done.push(...batch);
  return done;
}

describe('after an import', () => {
  it('raises one alert for the old relation, pushed to the other process, and issues the group order', async () => {
    expect(await followUpAll()).toContain(jobId);
    const pushed = await alerts.next((m) => m.alertRaised.associateId === 'P-LI-OLD');
    expect(pushed.alertRaised).toMatchObject({ watchId, relation: 'OLD_RELATION', locationId: 'H-JH-01' });

    const list = await a.gql<{ alerts: { personName: string; associateId: string; associateName: string; kind: string; at: string; jobId: string }[] }>(
      analyst,
      `query L($id: ID) { alerts(watchId: $id) { personName associateId associateName kind at jobId } }`,
      { id: watchId },
    );
    expect(list.data!.alerts).toEqual([{ personName: '李国华', associateId: 'P-LI-OLD', associateName: '孙德海', kind: 'STAY', at: `${CHECK_IN}1:00+08:00`, jobId }]);

    const job = await a.graph.read((tx) => tx.run('MATCH (j:ImportJob {id: $job}) RETURN j.techniquesCollisionRun AS run', { job: jobId }));
    const runId = job.records[0]!.get('run') as string;
    const run = await a.gql<{ techniqueRun: { arguments: { job: string; trigger: string }; summary: { groups: { station: string; members: string[] }[] } } }>(
      analyst,
      `query R($id: ID!) { techniqueRun(id: $id) { arguments summary } }`,
      { id: runId },
    );
    expect(run.data!.techniqueRun.arguments).toMatchObject({ job: jobId, trigger: 'IMPORT' });
    expect(run.data!.techniqueRun.summary.groups).toEqual([{ list: 'DRUG_USER', rule: 'gathering', station: 'S-XC', members: ['Person:P-XC-DRUG-1', 'Person:P-XC-DRUG-2', 'Person:P-XC-DRUG-3'] }]);
  });

  it('lists the active watches with the watched person’s name; names are person look-ups and need a purpose', async () => {
    const query = `{ standingWatches { id personId personName depth note createdBy active } }`;
    const res = await a.gql<{ standingWatches: { id: string; personName: string }[] }>(analyst, query);
    expect(res.data!.standingWatches.find((w) => w.id === watchId)).toMatchObject({ personId: 'P-LI', personName: '李国华', depth: 1, note: '上网追逃', active: true });
    const withoutPurpose = await a.gql(analyst, query, {}, null);
    expect(withoutPurpose.errors?.[0]?.extensions).toMatchObject({ code: 'PURPOSE_REQUIRED' });
  });

  it('refuses a note longer than 500 characters, naming the field', async () => {
    const res = await a.gql(analyst, `mutation W($note: String) { watchPerson(personId: "P-LI", note: $note) { id } }`, { note: '逃'.repeat(501) });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'note' } });
  });

  it('follows each job up once, and raises no second alert when asked again', async () => {
    expect(await followUpAll()).not.toContain(jobId);
    const again = await onImportFinished(a.app.clewTechniques, jobId);
    expect(again.alerts).toBe(0);
    await a.graph.write((tx) => deleteRunAndOrders(tx, again.runId));
  });
});
