import type { GraphEdge, GraphNode, Subgraph } from '../link/graph-elements.js';

/** The file formats Clew exports a subgraph to (docs/export.md). */
export const EXPORT_FORMATS = ['ANX', 'GRAPHML', 'GEXF', 'CSV', 'CYTOSCAPE_JSON', 'PNG', 'SVG', 'PDF'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Node positions on the chart, as the investigator arranged them (Cytoscape model coordinates). */
export type ChartLayout = Record<string, { x: number; y: number }>;

/**
 * What to export: the server reads it again from the database, so an export shows stored
 * data (never what a browser claims), and the manifest can name the query that produced it.
 */
export type ExportSource =
  | { kind: 'SELECTION'; nodeIds: string[]; edgeIds: string[] | null }
  | {
      kind: 'EXPAND';
      ids: string[];
      depth: number;
      relationTypes: string[] | null;
      from: string | null;
      to: string | null;
      limit: number;
      perNodeLimit: number;
    }
  | { kind: 'PATHS'; from: string; to: string; maxHops: number; mode: 'SHORTEST' | 'ALL_SHORTEST' | 'K_SHORTEST'; k: number; relationTypes: string[] }
  | { kind: 'TECHNIQUE_EVIDENCE'; runId: string; nodeIds: string[]; edgeIds: string[] | null };

/** One path of a path query, with its hops oriented along the path. */
export interface ExportPath {
  nodeIds: string[];
  hops: (GraphEdge & { from: string; to: string })[];
}

/** The state of the database the export read. */
export interface DatabaseState {
  /** The database's clock when the read transaction ran (ISO 8601). */
  readAt: string;
  databaseId: string;
  databaseName: string;
  /** The driver's bookmark after the read: it names the last transaction the read saw. */
  bookmark: string | null;
  lastImportJob: string | null;
  lastImportEndedAt: string | null;
}

/** What produced the exported subgraph: the operation, its arguments, and the Cypher it ran. */
export interface ExportOrigin {
  operation: string;
  arguments: Record<string, unknown>;
  /** For a technique's evidence: the recorded run (technique, arguments, who ran it, when). */
  techniqueRun?: Record<string, unknown>;
  /** Cypher files (under cypher/) whose statements read the data. */
  statements: string[];
}

/** Who asked for the export, and why. */
export interface ExportRequester {
  kind: 'USER' | 'API_KEY' | 'ANONYMOUS';
  name: string | null;
  role: string | null;
  unit: string | null;
  caseNumber: string | null;
  reason: string | null;
}

/** Everything a format writer needs: the data, where it came from, and how to draw it. */
export interface ExportDocument {
  title: string;
  subgraph: Subgraph;
  /**
   * Nodes outside the subgraph that its records name by a hard reference (a location's
   * station …); only the CSV carries them, so that it imports again on its own.
   */
  context: GraphNode[];
  paths: ExportPath[];
  origin: ExportOrigin;
  database: DatabaseState;
  requester: ExportRequester;
  /** When the export was made (server clock, ISO 8601). */
  createdAt: string;
  /** The request id, which is also the audit record's. */
  requestId: string;
  /** Resident IDs and phone numbers were masked for this requester. */
  masked: boolean;
  layout: ChartLayout | null;
}
