import type { IResolvers } from 'mercurius';
import { BadUserInput, NotFound } from '../../errors.js';
import {
  IDENTITY_STATUSES,
  decideIdentity,
  findIdentityLink,
  listIdentityLinks,
  undoIdentityDecision,
  type IdentityLinkRecord,
  type IdentityStatus,
} from '../../ingest/identity-resolution.js';
import { principalName } from '../../ingest/import-service.js';
import { intArg, recordIdArg } from '../../link/arguments.js';
import type { ClewContext } from '../context.js';
import { personOut } from '../records.js';

function linkOut(r: IdentityLinkRecord): Record<string, unknown> {
  return {
    ...r.link,
    evidence: (r.link.evidence as string[] | null) ?? [],
    from: personOut(r.from),
    to: personOut(r.to),
    history: r.history.map((d) => ({ ...d, undone: Boolean(d.undone) })),
  };
}

function keyArg(key: string): string {
  const k = key.trim();
  if (!/^.{1,200}\|.{1,200}$/.test(k)) throw new BadUserInput('key', 'is not an identity link key (two person ids joined by |)', '不是身份关联的键（应为用 | 连接的两个人员编号）');
  return k;
}

function noteArg(note: string | null | undefined): string | null {
  const n = note?.trim() || null;
  if (n && n.length > 2000) throw new BadUserInput('note', 'is longer than 2000 characters', '超过 2000 个字');
  return n;
}

async function decide(ctx: ClewContext, key: string, status: 'CONFIRMED' | 'REJECTED', note: string | null | undefined) {
  const k = keyArg(key);
  const found = await ctx.graph.write(async (tx) => {
    if (!(await decideIdentity(tx, k, status, principalName(ctx.principal), noteArg(note)))) return null;
    return findIdentityLink(tx, k);
  });
  if (!found) throw new NotFound('Identity link', k);
  return linkOut(found);
}

/** Reviewing identity links: every decision is recorded with who and when and can be undone. */
export const identityResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    identityLinks: async (_root, args: { status?: IdentityStatus | null; personId?: string | null; first?: number | null; offset?: number | null }, ctx) => {
      const status = args.status ?? null;
      if (status !== null && !IDENTITY_STATUSES.includes(status)) throw new BadUserInput('status', `must be one of ${IDENTITY_STATUSES.join(', ')}`, `应为 ${IDENTITY_STATUSES.join('、')} 之一`);
      const personId = args.personId ? recordIdArg('personId', args.personId) : null;
      const limit = intArg('first', args.first, 50, 1, 500);
      const skip = intArg('offset', args.offset, 0, 0, 100_000);
      const page = await ctx.graph.read((tx) => listIdentityLinks(tx, { status, personId, skip, limit }));
      return { items: page.links.map(linkOut), totalCount: page.total };
    },
  },
  Mutation: {
    confirmIdentity: (_root, args: { key: string; note?: string | null }, ctx) => decide(ctx, args.key, 'CONFIRMED', args.note),
    rejectIdentity: (_root, args: { key: string; note?: string | null }, ctx) => decide(ctx, args.key, 'REJECTED', args.note),
    undoIdentityDecision: async (_root, args: { key: string }, ctx) => {
      const k = keyArg(args.key);
      const found = await ctx.graph.write(async (tx) => {
        const undone = await undoIdentityDecision(tx, k, principalName(ctx.principal));
        if (!undone) return null;
        if (!undone.undone) throw new BadUserInput('key', 'the link has no decision left to undo', '这条关联没有可撤销的决定');
        return findIdentityLink(tx, k);
      });
      if (!found) throw new NotFound('Identity link', k);
      return linkOut(found);
    },
  },
};
