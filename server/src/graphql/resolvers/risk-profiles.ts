import type { IResolvers } from 'mercurius';
import { randomBytes } from 'node:crypto';
import { BadUserInput, NotFound } from '../../errors.js';
import { findRiskProfiles, saveRiskProfile, type RiskProfile } from '../../techniques/high-risk/risk-profiles.js';
import { cstText, idArg, numberArg, regionCodeArg } from '../../techniques/technique-arguments.js';
import { actorOf } from '../../techniques/technique-runs.js';
import { normalizeDate } from '../../ingest/time-values.js';
import type { ClewContext } from '../context.js';

type Maybe<T> = T | null | undefined;

const profileOut = (p: RiskProfile) => ({ ...p, savedAt: cstText(p.savedAt) });

/** Risk profiles for the high-risk search: maintained by analysts, versioned, every version kept. */
export const riskProfileResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    riskProfiles: async (_root, _a, ctx) => (await ctx.graph.read((tx) => findRiskProfiles(tx, null))).map(profileOut),
    riskProfileHistory: async (_root, a: { id: string }, ctx) => (await ctx.graph.read((tx) => findRiskProfiles(tx, idArg('id', a.id), true))).map(profileOut),
  },
  Mutation: {
    saveRiskProfile: async (
      _root,
      a: { id?: Maybe<string>; input: { origin: string; originName?: Maybe<string>; caseType: string; weight: number; justification: string; approvedBy: string; approvedAt: string; active?: Maybe<boolean> } },
      ctx,
    ) => {
      const i = a.input;
      const id = a.id ? idArg('id', a.id) : `RP-${randomBytes(4).toString('hex')}`;
      if (a.id && (await ctx.graph.read((tx) => findRiskProfiles(tx, id))).length === 0) throw new NotFound('RiskProfile', id);
      if (!/^[A-Z_]{2,30}$/.test(i.caseType)) throw new BadUserInput('input.caseType', 'must be a case type such as THEFT', '应为案件类别代码，例如 THEFT');
      const justification = i.justification.trim();
      if (justification.length < 10) throw new BadUserInput('input.justification', 'must say in at least 10 characters why this origin is searched for this crime type', '请用至少 10 个字说明为何对这一籍贯开展这类案件的排查');
      if (i.approvedBy.trim() === '') throw new BadUserInput('input.approvedBy', 'must name who approved the profile', '请填写批准人');
      const approvedAt = normalizeDate(i.approvedAt);
      if (!approvedAt) throw new BadUserInput('input.approvedAt', 'must be the date of approval, a real date such as 2026-04-02', '应为批准日期，例如 2026-04-02');
      // A day of slack: the approver's calendar may be a time zone ahead of the server's.
      if (Date.parse(`${approvedAt}T00:00:00+08:00`) > ctx.clock() + 86_400_000) throw new BadUserInput('input.approvedAt', 'must not be after today: a profile is approved before it is used', '不能晚于今天（画像须先审批后使用）');
      const saved = await ctx.graph.write((tx) =>
        saveRiskProfile(
          tx,
          id,
          {
            origin: regionCodeArg('input.origin', i.origin),
            originName: i.originName?.trim() ?? '',
            caseType: i.caseType,
            weight: numberArg('input.weight', i.weight, 1, 0.01, 10),
            justification,
            approvedBy: i.approvedBy.trim(),
            approvedAt,
            active: i.active ?? true,
          },
          actorOf(ctx.principal).name,
          ctx.clock(),
        ),
      );
      return profileOut(saved);
    },
  },
};
