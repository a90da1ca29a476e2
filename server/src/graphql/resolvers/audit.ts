import type { IResolvers } from 'mercurius';
import { intArg, dateTimeArg } from '../../link/arguments.js';
import { auditPage, type AuditFilter } from '../../security/audit/audit-repository.js';
import { verifyAuditChain } from '../../security/audit/audit-verify.js';
import { unpackEntityIds } from '../../security/audit/entity-ids.js';
import type { ClewContext } from '../context.js';
import { BadUserInput } from '../../errors.js';
import { isoTime } from './auth.js';

interface AuditArgs {
  userId?: string | null;
  username?: string | null;
  apiKeyId?: string | null;
  entityId?: string | null;
  field?: string | null;
  from?: string | null;
  to?: string | null;
  first?: number | null;
  after?: string | null;
}

const text = (name: string, v: string | null | undefined): string | null => {
  if (v === null || v === undefined || v.trim() === '') return null;
  if (v.length > 200) throw new BadUserInput(name, 'must be at most 200 characters', '最多 200 个字');
  return v.trim();
};

/** Page cursors are the last sequence number seen (the trail only grows, so pages are stable). */
function beforeSeq(after: string | null | undefined): number {
  if (!after) return Number.MAX_SAFE_INTEGER;
  const m = /^seq:(\d{1,15})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!m) throw new BadUserInput('after', 'is not a cursor this API gave out', '不是本接口给出的翻页游标');
  return Number(m[1]);
}

const cursorOf = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');

function recordOut(r: Record<string, unknown>) {
  const str = (v: unknown) => (v === undefined || v === null ? null : String(v));
  const entities = unpackEntityIds(r.entityIdsDeflated);
  return {
    seq: Number(r.seq),
    at: isoTime(Number(r.atMs)),
    durationMs: Number(r.durationMs ?? 0),
    requestId: String(r.requestId),
    route: String(r.route),
    actor: {
      kind: String(r.actorKind),
      userId: str(r.userId),
      username: str(r.username),
      apiKeyId: str(r.keyId),
      apiKeyName: str(r.keyName),
      role: str(r.role),
      unit: str(r.unit),
      clientAddress: String(r.clientAddress ?? ''),
    },
    operationName: str(r.operationName),
    operationType: str(r.operationType),
    fields: (r.fields as string[] | undefined) ?? [],
    query: str(r.query),
    variables: str(r.variables),
    purpose: r.purposeCaseNumber || r.purposeReason ? { caseNumber: str(r.purposeCaseNumber), reason: str(r.purposeReason) } : null,
    entityIds: entities,
    entityCount: Number(r.entityCount ?? entities.length),
    outcome: String(r.outcome),
    errorCodes: (r.errorCodes as string[] | undefined) ?? [],
    httpStatus: Number(r.httpStatus),
    prevHash: String(r.prevHash),
    hash: String(r.hash),
  };
}

/** The supervisors' view of the trail (网上督察). */
export const auditResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    verifyAuditTrail: async (_root, args: { fromSeq?: number | null; limit?: number | null }, ctx) => {
      const fromSeq = args.fromSeq === null || args.fromSeq === undefined ? undefined : intArg('fromSeq', args.fromSeq, 1, 1, Number.MAX_SAFE_INTEGER);
      // 20,000 records take about a second: a segment stays well inside the request's time limit.
      const verdict = await verifyAuditChain(ctx.graph, { fromSeq, limit: intArg('limit', args.limit, 20_000, 1, 100_000) });
      return verdict.ok ? { ...verdict, brokenSeq: null, code: null, reason: null } : { ...verdict, firstSeq: null, lastSeq: null, nextSeq: null };
    },
    auditTrail: async (_root, args: AuditArgs, ctx) => {
      const first = intArg('first', args.first, 50, 1, 200);
      const from = dateTimeArg('from', args.from);
      const to = dateTimeArg('to', args.to);
      const filter: AuditFilter = {
        userId: text('userId', args.userId),
        username: text('username', args.username),
        keyId: text('apiKeyId', args.apiKeyId),
        entityId: text('entityId', args.entityId),
        field: text('field', args.field),
        fromMs: from ? Date.parse(from) : null,
        toMs: to ? Date.parse(to) : null,
      };
      const rows = await ctx.graph.read((tx) => auditPage(tx, filter, beforeSeq(args.after), first + 1), { metadata: { op: 'auditTrail' } });
      const records = rows.slice(0, first).map(recordOut);
      const last = records[records.length - 1];
      return { records, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursorOf(last.seq) : null } };
    },
  },
};
