import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import { publishOrderChanges } from '../../events/topics.js';
import { runCollision } from '../collision/run-collision.js';
import { markDueWarnings, markOverdue } from '../orders/orders.js';
import { cstText } from '../technique-arguments.js';
import { systemActor } from '../technique-runs.js';
import type { TechniqueServices } from '../technique-services.js';
import { raiseAlertsForImport } from '../watch/standing-watches.js';
import { dueSlot } from './collision-slots.js';
import { claimSlot, finishSlot } from './lease.js';

const PENDING_IMPORTS = cypher('techniques/import-jobs-to-follow-up');
const MARK_IMPORT = cypher('techniques/import-job-mark-followed-up');

/**
 * What the techniques do after an import job finishes: compare its records with the
 * watch-lists (orders for the hits) and raise standing-watch alerts for movements of close
 * associates. Safe to call twice: orders and alerts are keyed by their hit.
 */
export async function onImportFinished(services: TechniqueServices, jobId: string): Promise<{ runId: string; alerts: number }> {
  const report = await runCollision(services, services.graph, {
    scope: { job: jobId, window: null },
    lists: null,
    issueOrders: true,
    actor: systemActor('import-follow-up'),
    purpose: { caseNumber: null, reason: `collision after import ${jobId}` },
    trigger: 'IMPORT',
  });
  const alerts = await raiseAlertsForImport(services, jobId);
  await services.graph.write((tx) => tx.run(MARK_IMPORT, { id: jobId, at: neo4j.int(services.clock()), runId: report.run.id }));
  return { runId: report.run.id, alerts: alerts.length };
}

/** Follows up the import jobs the importer has finished since the last look (read from their job nodes). */
export async function followUpFinishedImports(services: TechniqueServices): Promise<string[]> {
  const ids = (await services.graph.read((tx) => tx.run(PENDING_IMPORTS, { limit: neo4j.int(5) }))).records.map((r) => r.get('id') as string);
  for (const id of ids) await onImportFinished(services, id);
  return ids;
}

/** Runs the scheduled collision if a slot is due and no process has claimed it. */
export async function runDueCollision(services: TechniqueServices, owner: string): Promise<string | null> {
  const now = services.clock();
  const slot = dueSlot(now, services.config.techniques.collisionTimes);
  if (!slot || !(await claimSlot(services.graph, slot.key, owner, now, 15 * 60_000))) return null;
  try {
    const report = await runCollision(services, services.graph, {
      scope: { job: null, window: { from: cstText(slot.fromMs), to: cstText(slot.atMs), fromMs: slot.fromMs, toMs: slot.atMs } },
      lists: null,
      issueOrders: true,
      actor: systemActor('scheduler'),
      purpose: { caseNumber: null, reason: `scheduled collision ${slot.key}` },
      trigger: 'SCHEDULE',
    });
    await finishSlot(services.graph, slot.key, { status: 'DONE', runId: report.run.id, error: null }, services.clock());
    return report.run.id;
  } catch (e) {
    await finishSlot(services.graph, slot.key, { status: 'FAILED', runId: null, error: (e as Error).message.slice(0, 300) }, services.clock());
    throw e;
  }
}

/** Warns about orders near their deadline and flags the overdue ones, once each, and pushes both. */
export async function sweepOrderDeadlines(services: TechniqueServices): Promise<{ warned: string[]; overdue: string[] }> {
  const now = services.clock();
  const warnMs = services.config.techniques.orderWarnBeforeMinutes * 60_000;
  const { warned, overdue } = await services.graph.write(async (tx) => ({ warned: await markDueWarnings(tx, now, warnMs), overdue: await markOverdue(tx, now) }));
  await publishOrderChanges(services.events, 'DEADLINE_WARNING', warned, now);
  await publishOrderChanges(services.events, 'OVERDUE', overdue, now);
  return { warned: warned.map((o) => o.id), overdue: overdue.map((o) => o.id) };
}
