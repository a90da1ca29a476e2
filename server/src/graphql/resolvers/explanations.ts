import type { ScorePart } from '../../techniques/movements.js';
import type { ClewContext } from '../context.js';
import { inLanguage } from '../../request-language.js';

/** Techniques write each explanation in English and Chinese; the caller's language picks one. */
export const explanationResolvers = {
  ScorePart: {
    explanation: (part: ScorePart, _args: unknown, ctx: Pick<ClewContext, 'lang'>) => inLanguage(ctx.lang, part.explanation, part.explanationZh),
  },
  CollisionGroup: {
    why: (group: { why: string; whyZh?: string }, _args: unknown, ctx: Pick<ClewContext, 'lang'>) => inLanguage(ctx.lang, group.why, group.whyZh),
  },
  VerificationOrder: {
    why: (order: { why: string; whyZh?: string | null }, _args: unknown, ctx: Pick<ClewContext, 'lang'>) => inLanguage(ctx.lang, order.why, order.whyZh),
  },
  RiskCandidate: {
    reasons: (c: { reasons: string[]; reasonsZh?: string[] }, _args: unknown, ctx: Pick<ClewContext, 'lang'>) => (ctx.lang === 'zh' && c.reasonsZh?.length ? c.reasonsZh : c.reasons),
  },
};
