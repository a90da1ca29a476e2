import { authHeaders, gql, httpError } from './client.js';

/**
 * Imports (docs/ingest.md): files go to POST /imports as the request body (streamed to disk
 * by the server, never parsed in the page), the jobs and their rejected records come back
 * through GraphQL, and the whole rejection report as CSV from the job's report path.
 */
export interface ImportJob {
  id: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED';
  phase: string | null;
  source: string | null;
  files: string[];
  principal: string | null;
  startedAt: string | null;
  endedAt: string | null;
  read: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  duplicates: number;
  progress: number;
  notices: string[];
  error: string | null;
  rejectionReportPath: string;
}

export interface ImportRejection {
  seq: number;
  file: string;
  line: number | null;
  sheet: string | null;
  row: number | null;
  kind: string | null;
  field: string;
  rule: string;
  reason: string;
  /** The record's other problems, in the order the server found them. */
  otherProblems: { field: string; rule: string; reason: string }[];
}

const JOB_FIELDS = 'id status phase source files principal startedAt endedAt read accepted rejected unchanged duplicates progress notices error rejectionReportPath';

/** Sends one file; the server answers at once with the job it started. */
export async function uploadImport(file: File, source: string | null): Promise<{ id: string }> {
  const query = new URLSearchParams({ name: file.name, ...(source ? { source } : {}) });
  const res = await fetch(`/imports?${query.toString()}`, { method: 'POST', headers: { ...authHeaders(), 'content-type': 'application/octet-stream' }, body: file });
  if (!res.ok) throw await httpError(res);
  return (await res.json()) as { id: string };
}

export async function importJobs(first: number, offset: number): Promise<{ items: ImportJob[]; totalCount: number }> {
  const data = await gql<{ importJobs: { items: ImportJob[]; totalCount: number } }>(
    `query ImportJobs($first: Int, $offset: Int) { importJobs(first: $first, offset: $offset) { items { ${JOB_FIELDS} } totalCount } }`,
    { first, offset },
  );
  return data.importJobs;
}

export async function importRejections(id: string, first = 50): Promise<ImportRejection[]> {
  const data = await gql<{ importJob: { rejections: ImportRejection[] } | null }>(
    `query ImportRejections($id: ID!, $first: Int) { importJob(id: $id) { rejections(first: $first) { seq file line sheet row kind field rule reason otherProblems { field rule reason } } } }`,
    { id, first },
  );
  return data.importJob?.rejections ?? [];
}

export async function rejectionReport(path: string): Promise<Blob> {
  const res = await fetch(path, { headers: authHeaders() });
  if (!res.ok) throw await httpError(res);
  return res.blob();
}

/** Data quality per sending system (完整、准确、鲜活), over the imports of the last 30 days. */
export interface QualityReason {
  reason: string;
  count: number;
  rate: number;
}

export interface KindQuality {
  kind: string;
  read: number;
  rejectionRate: number;
  completeness: { field: string; ratio: number }[];
}

export interface SourceQuality {
  source: string;
  imports: number;
  lastImportAt: string | null;
  read: number;
  accepted: number;
  rejectionRate: number;
  duplicateRate: number;
  resentRate: number;
  newestRecordAt: string | null;
  lagSeconds: number | null;
  futureDated: number;
  futureDatedRate: number;
  rejectionsByReason: QualityReason[];
  kinds: KindQuality[];
}

export async function dataQuality(): Promise<SourceQuality[]> {
  const data = await gql<{ dataQuality: SourceQuality[] }>(
    `query DataQuality { dataQuality {
      source imports lastImportAt read accepted rejectionRate duplicateRate resentRate newestRecordAt lagSeconds futureDated futureDatedRate
      rejectionsByReason { reason count rate }
      kinds { kind read rejectionRate completeness { field ratio } }
    } }`,
  );
  return data.dataQuality;
}

/** Two person records that may be one human being (SAME_AS), for an analyst to decide. */
export type IdentityStatus = 'CANDIDATE' | 'CONFIRMED' | 'REJECTED';

export interface IdentityPerson {
  id: string;
  uid: string;
  name: string;
  idNumber: string | null;
  birthDate: string | null;
  phones: string[];
  plates: string[];
  provenance: { source: string | null };
}

export interface IdentityLink {
  key: string;
  status: IdentityStatus;
  method: string;
  score: number;
  evidence: string[];
  from: IdentityPerson;
  to: IdentityPerson;
  decidedBy: string | null;
  decidedAt: string | null;
}

const PERSON_FIELDS = 'id uid name idNumber birthDate phones plates provenance { source }';
const LINK_FIELDS = `key status method score evidence decidedBy decidedAt from { ${PERSON_FIELDS} } to { ${PERSON_FIELDS} }`;

export async function identityLinks(status: IdentityStatus, personId: string | null, first = 20): Promise<{ items: IdentityLink[]; totalCount: number }> {
  const data = await gql<{ identityLinks: { items: IdentityLink[]; totalCount: number } }>(
    `query IdentityLinks($status: IdentityStatus, $personId: ID, $first: Int) { identityLinks(status: $status, personId: $personId, first: $first) { items { ${LINK_FIELDS} } totalCount } }`,
    { status, personId, first },
  );
  return data.identityLinks;
}

export async function decideIdentity(key: string, decision: 'CONFIRMED' | 'REJECTED', note: string | null): Promise<IdentityLink> {
  const field = decision === 'CONFIRMED' ? 'confirmIdentity' : 'rejectIdentity';
  const data = await gql<Record<string, IdentityLink>>(`mutation Decide($key: ID!, $note: String) { ${field}(key: $key, note: $note) { ${LINK_FIELDS} } }`, { key, note });
  return data[field]!;
}

export async function undoIdentityDecision(key: string): Promise<IdentityLink> {
  const data = await gql<{ undoIdentityDecision: IdentityLink }>(`mutation Undo($key: ID!) { undoIdentityDecision(key: $key) { ${LINK_FIELDS} } }`, { key });
  return data.undoIdentityDecision;
}

/** Runs an interrupted or failed job again over its files, still on the server. */
export async function resumeImportJob(id: string): Promise<ImportJob> {
  const data = await gql<{ resumeImportJob: ImportJob }>(`mutation Resume($id: ID!) { resumeImportJob(id: $id) { ${JOB_FIELDS} } }`, { id });
  return data.resumeImportJob;
}
