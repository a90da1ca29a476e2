import { toPlain } from '../db/neo4j-values.js';

/** The node and edge shapes that GraphQL returns and Cytoscape draws. */
export type EntityKind = 'PERSON' | 'LOCATION' | 'CASE' | 'PHONE' | 'VEHICLE' | 'STATION' | 'REGION';

export interface GraphNode {
  id: string;
  kind: EntityKind;
  label: string;
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  properties: Record<string, unknown>;
}

export interface OmittedNeighbours {
  nodeId: string;
  total: number;
  shown: number;
  omitted: number;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  omitted: OmittedNeighbours[];
}

export const LABEL_TO_KIND: Record<string, EntityKind> = {
  Person: 'PERSON',
  Location: 'LOCATION',
  Case: 'CASE',
  Phone: 'PHONE',
  Vehicle: 'VEHICLE',
  Station: 'STATION',
  Region: 'REGION',
};

export const KIND_TO_LABEL = Object.fromEntries(Object.entries(LABEL_TO_KIND).map(([l, k]) => [k, l])) as Record<EntityKind, string>;

/**
 * Properties that are Clew's own bookkeeping and mean nothing to a reader of the chart: keys,
 * the point index's copy of lat/lon, and the import's fingerprint and run of each record.
 */
const HIDDEN = new Set(['uid', 'point', 'key', 'locationId', 'rowHash', 'importRun']);

interface RawNode {
  id: string;
  kind: string;
  properties: Record<string, unknown>;
}

interface RawEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  properties: Record<string, unknown>;
}

export function toGraphNode(raw: RawNode): GraphNode {
  const properties = cleanProperties(raw.properties);
  const kind = LABEL_TO_KIND[raw.kind] ?? 'PERSON';
  return { id: raw.id, kind, label: labelOf(kind, properties), properties };
}

export function toGraphEdge(raw: RawEdge): GraphEdge {
  return { id: raw.id, source: raw.source, target: raw.target, kind: raw.kind, properties: cleanProperties(raw.properties) };
}

function cleanProperties(props: Record<string, unknown>): Record<string, unknown> {
  const plain = toPlain(props) as Record<string, unknown>;
  for (const key of HIDDEN) delete plain[key];
  return plain;
}

function labelOf(kind: EntityKind, p: Record<string, unknown>): string {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  switch (kind) {
    case 'PERSON':
    case 'LOCATION':
    case 'STATION':
    case 'REGION':
      return text(p.name) ?? text(p.id) ?? text(p.code) ?? '?';
    case 'CASE':
      return text(p.title) ?? text(p.id) ?? '?';
    case 'PHONE':
      return text(p.number) ?? '?';
    case 'VEHICLE':
      return text(p.plate) ?? '?';
  }
}

/** Accumulates nodes and edges without duplicates, keeping first-seen order. */
export class SubgraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  readonly omitted: OmittedNeighbours[] = [];
  truncated = false;

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  addNode(raw: RawNode): void {
    if (!this.nodes.has(raw.id)) this.nodes.set(raw.id, toGraphNode(raw));
  }

  addEdge(raw: RawEdge): void {
    if (!this.edges.has(raw.id)) this.edges.set(raw.id, toGraphEdge(raw));
  }

  /** Adds a path's nodes and hops. */
  addPath(path: { nodes: RawNode[]; hops: RawEdge[] }): void {
    for (const n of path.nodes) this.addNode(n);
    for (const e of path.hops) this.addEdge(e);
  }

  build(): Subgraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], truncated: this.truncated, omitted: this.omitted };
  }
}
