import { gql } from './client.js';

/** The audit trail (网上督察): who asked what, why, and which entities the answer carried. */
export interface AuditRecord {
  seq: number;
  at: string;
  durationMs: number;
  actor: { kind: string; username: string | null; apiKeyName: string | null; role: string | null; unit: string | null; clientAddress: string };
  operationName: string | null;
  fields: string[];
  purpose: { caseNumber: string | null; reason: string | null } | null;
  entityIds: string[];
  entityCount: number;
  outcome: 'OK' | 'PARTIAL' | 'REFUSED' | 'FAILED';
  errorCodes: string[];
}

export interface AuditFilter {
  username?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const FIELDS = 'seq at durationMs actor { kind username apiKeyName role unit clientAddress } operationName fields purpose { caseNumber reason } entityIds entityCount outcome errorCodes';

export async function auditTrail(filter: AuditFilter, after: string | null, first = 50): Promise<{ records: AuditRecord[]; endCursor: string | null; hasNextPage: boolean }> {
  const data = await gql<{ auditTrail: { records: AuditRecord[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
    `query Audit($username: String, $entityId: ID, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
      auditTrail(username: $username, entityId: $entityId, from: $from, to: $to, first: $first, after: $after) { records { ${FIELDS} } pageInfo { hasNextPage endCursor } }
    }`,
    { ...filter, first, after },
  );
  return { records: data.auditTrail.records, ...data.auditTrail.pageInfo };
}

/** One segment of a check of the audit trail's hash chain (server/src/security/audit/audit-verify.ts). */
export interface ChainSegment {
  ok: boolean;
  records: number;
  lastSeq: number | null;
  headSeq: number;
  nextSeq: number | null;
  brokenSeq: number | null;
  code: 'ALTERED' | 'MISSING' | 'RELINKED' | 'TAIL_MISSING' | 'HEAD_MISMATCH' | null;
}

export async function verifyAuditSegment(fromSeq: number | null): Promise<ChainSegment> {
  const data = await gql<{ verifyAuditTrail: ChainSegment }>(`query VerifyAudit($fromSeq: Int) { verifyAuditTrail(fromSeq: $fromSeq) { ok records lastSeq headSeq nextSeq brokenSeq code } }`, { fromSeq });
  return data.verifyAuditTrail;
}
