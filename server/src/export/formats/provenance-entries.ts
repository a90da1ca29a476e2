import type { ExportDocument } from '../export-types.js';

/**
 * What every exported file says about itself, as name/value pairs (graph-level data in
 * GraphML, the description in GEXF, the chart summary in ANX): a file taken out of its
 * package still names the export, the query and the database state it came from.
 */
export function provenanceEntries(doc: ExportDocument): [string, string][] {
  const r = doc.requester;
  const entries: [string, string | null][] = [
    ['exportId', doc.requestId],
    ['exportedAt', doc.createdAt],
    ['exportedBy', r.name ? `${r.name}${r.role ? ` (${r.role})` : ''}` : r.kind],
    ['unit', r.unit],
    ['caseNumber', r.caseNumber],
    ['purpose', r.reason],
    ['operation', doc.origin.operation],
    ['arguments', JSON.stringify(shortArguments(doc.origin.arguments))],
    ['databaseReadAt', doc.database.readAt],
    ['databaseBookmark', doc.database.bookmark],
    ['masked', String(doc.masked)],
  ];
  return entries.filter((e): e is [string, string] => e[1] !== null && e[1] !== '');
}

/**
 * Arguments as a person reads them: a selection of 10,000 ids is shown by its first 20 and
 * its count (the manifest keeps every one), so a chart's summary or a PDF cell stays short.
 */
export function shortArguments(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    out[k] = Array.isArray(v) && v.length > 20 ? [...v.slice(0, 20), `… ${v.length} in all (see manifest.json)`] : v;
  }
  return out;
}
