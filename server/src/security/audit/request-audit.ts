import { createHash } from 'node:crypto';
import { Kind, parse, print, visit, type ArgumentNode, type ObjectFieldNode } from 'graphql';
import type { RequestSecurity } from '../request-state.js';
import type { AuditEntry, AuditOutcome } from './audit-record.js';
import { packEntityIds } from './entity-ids.js';

/**
 * Turns what the security hooks learned about a request into its audit entry: secrets
 * redacted (passwords never reach the trail, in variables or in the query text), long
 * texts cut with their hash kept, the outcome read from the status and error codes.
 */
export function auditEntryFor(state: RequestSecurity, request: { id: string; method: string; url: string; routePath?: string }, httpStatus: number, now: number): AuditEntry {
  const p = state.principal;
  const purpose = state.purpose.purpose;
  const entities = [...state.entities.ids];
  const errorCodes = [...new Set(state.errorCodes)];
  return {
    requestId: request.id,
    atMs: state.startedAt,
    durationMs: Math.max(0, now - state.startedAt),
    route: `${request.method} ${request.routePath ?? request.url.split('?')[0]}`,
    actorKind: p.kind,
    userId: p.kind === 'USER' ? p.userId : undefined,
    username: p.kind === 'USER' ? p.username : undefined,
    role: p.kind === 'USER' ? p.role : undefined,
    keyId: p.kind === 'API_KEY' ? p.keyId : undefined,
    keyName: p.kind === 'API_KEY' ? p.name : undefined,
    unit: p.kind === 'ANONYMOUS' ? undefined : p.unit,
    clientAddress: state.clientAddress,
    operationName: state.operation?.name ?? state.operationName ?? undefined,
    operationType: state.operation?.type,
    fields: state.operation?.rootFields ?? [],
    ...redactedRequest(state.query, state.variables),
    purposeCaseNumber: purpose?.caseNumber ?? undefined,
    purposeReason: purpose?.reason ?? undefined,
    entityIdsDeflated: packEntityIds(entities),
    entityCount: entities.length,
    outcome: outcomeOf(httpStatus, errorCodes),
    errorCodes,
    httpStatus,
  };
}

const SERVER_FAULTS = new Set(['INTERNAL', 'SERVICE_UNAVAILABLE', 'TIMEOUT']);

export function outcomeOf(httpStatus: number, errorCodes: readonly string[]): AuditOutcome {
  if (httpStatus >= 500 || errorCodes.some((c) => SERVER_FAULTS.has(c))) return 'FAILED';
  if (httpStatus >= 400) return 'REFUSED';
  return errorCodes.length > 0 ? 'PARTIAL' : 'OK';
}

const MAX_TEXT = 8000;

function cut(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const hash = createHash('sha256').update(text).digest('hex');
  return `${text.slice(0, MAX_TEXT)}… [cut: ${text.length} characters, sha256 ${hash}]`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '"[not serializable]"';
  }
}

/** The query and variables as they go into the record: secrets out, long texts cut. */
function redactedRequest(query: string | null, variables: unknown): { query?: string; variables?: string } {
  const redacted = query === null ? { query: null, secretVariables: new Set<string>() } : redactQueryText(query);
  const out: { query?: string; variables?: string } = {};
  if (redacted.query !== null) out.query = cut(redacted.query);
  if (variables !== null && variables !== undefined) {
    const value =
      redacted.secretVariables === null
        ? '[withheld: the query could not be read to tell which variables are secret]'
        : redactValue(variables, 0, redacted.secretVariables);
    out.variables = cut(safeJson(value));
  }
  return out;
}

const SECRET_NAME = /password|secret|token/i;

/** Values of keys named like secrets, or of variables passed to such arguments, are replaced. */
export function redactValue(value: unknown, depth = 0, secretVariables: ReadonlySet<string> = new Set()): unknown {
  if (depth > 20) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_NAME.test(k) || (depth === 0 && secretVariables.has(k)) ? '[redacted]' : redactValue(v, depth + 1)]),
    );
  }
  return value;
}

/** Arguments named like secrets lose their literal values; a query that cannot be parsed but names one is withheld. */
export function redactQuery(query: string): string {
  return redactQueryText(query).query ?? '';
}

/**
 * The query with secret arguments' literals replaced, and the variables that feed secret
 * arguments (so `signIn(password: $p)` redacts `p`); null sets mean the query could not be read.
 */
function redactQueryText(query: string): { query: string | null; secretVariables: Set<string> | null } {
  if (!SECRET_NAME.test(query)) return { query, secretVariables: new Set() };
  const secretVariables = new Set<string>();
  const hide = (node: ArgumentNode | ObjectFieldNode) => {
    if (!SECRET_NAME.test(node.name.value)) return undefined;
    if (node.value.kind === Kind.VARIABLE) {
      secretVariables.add(node.value.name.value);
      return undefined;
    }
    return { ...node, value: { kind: Kind.STRING, value: '[redacted]' } };
  };
  try {
    const document = parse(query, { noLocation: true, maxTokens: 5000 });
    return { query: print(visit(document, { Argument: hide, ObjectField: hide })), secretVariables };
  } catch {
    return { query: '[a query that does not parse and mentions a password, secret or token: withheld]', secretVariables: null };
  }
}
