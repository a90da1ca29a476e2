import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import { answersAreMasked, type Principal } from '../security/principal.js';
import type { Purpose } from '../security/purpose.js';
import type { RequestSecurity } from '../security/request-state.js';
import { buildExportDocument } from './export-document.js';
import type { ExportRequest } from './export-request.js';
import type { ExportDocument, ExportRequester } from './export-types.js';
import { loadSigningKey, type SigningKey } from './package/signing-key.js';

export interface ExportServices {
  graph: Graph;
  config: Config;
  /** The signing key, loaded (or made) on first use. */
  signingKey(): SigningKey;
}

export function createExportServices(graph: Graph, config: Config): ExportServices {
  return { graph, config, signingKey: () => loadSigningKey(config.export.keyFile) };
}

export function requesterOf(principal: Principal, purpose: Purpose | null): ExportRequester {
  const base = { caseNumber: purpose?.caseNumber ?? null, reason: purpose?.reason ?? null };
  if (principal.kind === 'USER') return { kind: 'USER', name: principal.username, role: principal.role, unit: principal.unit, ...base };
  if (principal.kind === 'API_KEY') return { kind: 'API_KEY', name: `key:${principal.name}`, role: null, unit: principal.unit, ...base };
  return { kind: 'ANONYMOUS', name: null, role: null, unit: null, ...base };
}

/**
 * Reads the export's data for one request and tells security about it: what was asked
 * (the audit record's "variables") and which entities went out (its entity list). Masking
 * follows the requester's identifier access, exactly as for GraphQL answers.
 */
export async function prepareExport(services: ExportServices, request: ExportRequest, security: RequestSecurity | null, requestId: string): Promise<ExportDocument> {
  const principal = security?.principal ?? { kind: 'ANONYMOUS' as const };
  const purpose = security?.purpose.purpose ?? null;
  if (security) security.variables = { source: request.source, formats: request.formats, title: request.title };
  const doc = await buildExportDocument(services.graph, {
    source: request.source,
    title: request.title,
    layout: request.layout,
    requester: requesterOf(principal, purpose),
    requestId,
    masked: answersAreMasked(principal),
    now: new Date(),
    timeoutMs: services.config.export.queryTimeoutMs,
  });
  security?.entities.collect(doc.subgraph.nodes);
  return doc;
}
