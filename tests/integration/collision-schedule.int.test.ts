/**
 * The scheduled collision is safe with several API processes: two apps tick at the same
 * moment, one holds the scheduler lease and runs the due slot, the slot is claimed once in
 * Neo4j even when both try it directly, and its run compares the records since the slot
 * before. The clock is the test's; no timers fire (the scheduler is off, ticks are by hand).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_FIXTURE as F } from '../../seed/fixture.js';
import type { Config } from '../../server/src/config.js';
import { manualClock } from '../../server/src/security/clock.js';
import { dueSlot } from '../../server/src/techniques/schedule/collision-slots.js';
import { runDueCollision } from '../../server/src/techniques/schedule/follow-ups.js';
import { deleteRunAndOrders } from '../../server/src/techniques/orders/orders.js';
import { forgetStoryOrders, startTechniqueApp, type TechniqueTestApp } from '../helpers/technique-client.js';

const C = F.collision;
// A slot at 23:30 covers 08:00–23:30 of the collision date: the nine check in 19:05–22:50.
const TIMES = ['08:00', '23:30'];
const clock = manualClock(Date.parse(`${C.date}T23:31:00+08:00`));
const SLOT = `collision|${C.date}T23:30`;

let a: TechniqueTestApp;
let b: TechniqueTestApp;

const withTimes = (c: Config): Config => ({ ...c, techniques: { ...c.techniques, collisionTimes: TIMES } });

async function cleanUp() {
  await a.graph.write(async (tx) => {
    const runs = await tx.run('MATCH (s:ScheduledSlot {key: $key}) RETURN s.runId AS run', { key: SLOT });
    for (const r of runs.records) if (r.get('run')) await deleteRunAndOrders(tx, r.get('run') as string);
    await tx.run('MATCH (s:ScheduledSlot {key: $key}) DELETE s', { key: SLOT });
    await tx.run("MATCH (l:Lease {name: 'techniques-scheduler'}) DELETE l");
  });
}

beforeAll(async () => {
  a = await startTechniqueApp({ clock, config: withTimes });
  b = await startTechniqueApp({ clock, config: withTimes });
  await cleanUp();
  await forgetStoryOrders(a.graph);
});

afterAll(async () => {
  await cleanUp();
  await b?.close();
  await a?.close();
});

describe('scheduled collision', () => {
  it('knows which slot is due and what it covers', () => {
    const slot = dueSlot(clock(), TIMES)!;
    expect(slot.key).toBe(SLOT);
    expect(slot.fromMs).toBe(Date.parse(`${C.date}T08:00:00+08:00`));
    expect(dueSlot(Date.parse(`${C.date}T07:59:00+08:00`), TIMES)!.key).toBe('collision|2026-08-26T23:30');
  });

  it('runs a due slot once however many processes tick, and issues the Xincheng order', async () => {
    await Promise.all([a.app.clewTechniques.scheduler.tick(), b.app.clewTechniques.scheduler.tick()]);
    const slots = await a.graph.read((tx) => tx.run('MATCH (s:ScheduledSlot {key: $key}) RETURN s.status AS status, s.runId AS run', { key: SLOT }));
    expect(slots.records).toHaveLength(1);
    expect(slots.records[0]!.get('status')).toBe('DONE');
    const runId = slots.records[0]!.get('run') as string;
    const runs = await a.graph.read((tx) => tx.run("MATCH (r:TechniqueRun) WHERE r.arguments CONTAINS $from AND r.arguments CONTAINS '\"trigger\":\"SCHEDULE\"' RETURN r.id AS id", { from: `${C.date}T08:00:00+08:00` }));
    expect(runs.records.map((r) => r.get('id'))).toEqual([runId]);
    const orders = await a.graph.read((tx) => tx.run('MATCH (o:VerificationOrder {issuedByRun: $run}) RETURN o.station AS station, o.kind AS kind, size(o.members) AS n', { run: runId }));
    expect(orders.records.filter((r) => r.get('kind') === 'GROUP').map((r) => [r.get('station'), Number(r.get('n'))])).toEqual([[C.orderStation, 9]]);

    // Both processes asking for the same slot directly (no lease): it is claimed once, and is done.
    const direct = await Promise.all([runDueCollision(a.app.clewTechniques, 'process-a'), runDueCollision(b.app.clewTechniques, 'process-b')]);
    expect(direct).toEqual([null, null]);
  });
});
