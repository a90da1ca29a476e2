import { cstText } from '../../techniques/technique-arguments.js';
import { actorOf, newRunId, recordRun, type StoredRun, type TechniqueName } from '../../techniques/technique-runs.js';
import type { ClewContext } from '../context.js';

/** Records a technique run (who, why, arguments, result summary) and returns it for the answer. */
export async function recordTechniqueRun(
  ctx: ClewContext,
  technique: TechniqueName,
  startedAt: number,
  args: Record<string, unknown>,
  summary: Record<string, unknown>,
  profileVersion: string | null = null,
): Promise<ReturnType<typeof runOut>> {
  const run: StoredRun = {
    id: newRunId(technique, startedAt),
    technique,
    arguments: args,
    actor: actorOf(ctx.principal),
    purpose: ctx.purpose ?? null,
    startedAt,
    finishedAt: ctx.clock(),
    summary,
    profileVersion,
  };
  await ctx.graph.write((tx) => recordRun(tx, run), { metadata: { op: 'recordTechniqueRun' } });
  return runOut(run);
}

export function runOut(run: StoredRun) {
  return {
    id: run.id,
    technique: run.technique,
    arguments: run.arguments,
    actor: run.actor.name,
    actorKind: run.actor.kind,
    role: run.actor.role,
    unit: run.actor.unit,
    purpose: run.purpose,
    startedAt: cstText(run.startedAt),
    finishedAt: cstText(run.finishedAt),
    summary: run.summary,
    profileVersion: run.profileVersion,
  };
}

export const ranked = <T>(list: T[]) => list.map((item, i) => ({ ...item, rank: i + 1 }));
