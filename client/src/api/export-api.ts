import { authHeaders, httpError, session } from './client.js';

/**
 * Evidence export (docs/export.md): POST /api/export (one format) and /api/export/package
 * (the signed evidence package). The server reads the records again itself; the page sends
 * only which nodes and ties, the positions (so the picture looks like the screen), and the
 * purpose in the X-Clew-Purpose header.
 */
export const EVIDENCE_FORMATS = ['PDF', 'ANX', 'GRAPHML', 'GEXF', 'CSV', 'CYTOSCAPE_JSON'] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

export interface ExportRequest {
  nodeIds: string[];
  edgeIds: string[];
  layout: Record<string, { x: number; y: number }>;
  title: string;
}

export async function exportEvidence(format: EvidenceFormat | 'PACKAGE', req: ExportRequest): Promise<{ blob: Blob; fileName: string; sha256: string | null }> {
  const headers: Record<string, string> = { ...authHeaders(), 'content-type': 'application/json' };
  const purpose = session.purpose;
  if (purpose) headers['x-clew-purpose'] = new URLSearchParams(Object.entries(purpose).filter(([, v]) => v) as [string, string][]).toString();
  const body = { source: { selection: { nodeIds: req.nodeIds, edgeIds: req.edgeIds } }, title: req.title, layout: req.layout, ...(format === 'PACKAGE' ? {} : { format }) };
  const res = await fetch(format === 'PACKAGE' ? '/api/export/package' : '/api/export', { method: 'POST', headers, body: JSON.stringify(body) });
  if (!res.ok) throw await httpError(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const fileName = decodeURIComponent(/filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? `clew-export.${format === 'PACKAGE' ? 'zip' : format.toLowerCase()}`);
  return { blob: await res.blob(), fileName, sha256: res.headers.get('x-clew-package-sha256') };
}
