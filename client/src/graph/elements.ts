import type { ElementDefinition } from 'cytoscape';
import { nodeImage, type BadgeLetters } from './node-images.js';
import { KIND_LOOK, visualKindOf, watchTagsOf, type VisualKind } from './visual-kinds.js';

/**
 * Pure mappers from the API's subgraph (GraphQL `Subgraph`) to Cytoscape element
 * definitions. Nothing here touches a live chart, so the mappers are unit-testable.
 */
export interface ApiNode {
  id: string;
  kind: string;
  label: string;
  properties: Record<string, unknown>;
}

export interface ApiEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  properties: Record<string, unknown>;
}

export interface ApiOmitted {
  nodeId: string;
  total: number;
  shown: number;
  omitted: number;
}

export interface ApiSubgraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
  truncated?: boolean;
  omitted?: ApiOmitted[];
}

/** Words the chart needs, supplied by the page's i18n so that graph/ stays free of ui/. */
export interface ChartWords {
  relation(kind: string): string;
  badgeLetters: BadgeLetters;
  more(count: number): string;
}

export const PERSON_RELATIONS = ['FAMILY', 'ASSOCIATE', 'CO_OFFENDER', 'PARTNER', 'OLD_RELATION', 'COLLEAGUE', 'CONTACT'] as const;
export const MOVEMENTS = ['STAYED_AT', 'LOGGED_IN', 'PASSED'] as const;

export type EdgeGroup = 'relation' | 'movement' | 'call' | 'case' | 'ownership' | 'structure' | 'identity';

export function edgeGroupOf(kind: string): EdgeGroup {
  if ((PERSON_RELATIONS as readonly string[]).includes(kind)) return 'relation';
  if ((MOVEMENTS as readonly string[]).includes(kind)) return 'movement';
  if (kind === 'CALLED') return 'call';
  if (kind === 'INVOLVED_IN' || kind === 'OCCURRED_AT') return 'case';
  if (kind === 'USES_PHONE' || kind === 'OWNS_VEHICLE') return 'ownership';
  if (kind === 'SAME_AS') return 'identity';
  return 'structure';
}

const toMs = (v: unknown): number | null => {
  if (typeof v !== 'string' || v === '') return null;
  const ms = Date.parse(v.length === 10 ? `${v}T00:00:00+08:00` : v);
  return Number.isFinite(ms) ? ms : null;
};

/** When an edge happened (start, end) in epoch ms; null for timeless ties. */
export function edgeTimes(kind: string, p: Record<string, unknown>): { t: number | null; t2: number | null } {
  switch (kind) {
    case 'STAYED_AT':
      return { t: toMs(p.checkIn), t2: toMs(p.checkOut) };
    case 'LOGGED_IN':
      return { t: toMs(p.at), t2: toMs(p.until) };
    case 'PASSED':
    case 'CALLED':
      return { t: toMs(p.at), t2: null };
    default:
      if ((PERSON_RELATIONS as readonly string[]).includes(kind)) return { t: toMs(p.since), t2: toMs(p.until) };
      return { t: null, t2: null };
  }
}

export function nodeTime(kind: string, p: Record<string, unknown>): number | null {
  return kind === 'CASE' ? toMs(p.occurredFrom) : null;
}

const shortDate = (ms: number): string => {
  const d = new Date(ms + 8 * 3600_000);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
};

export function nodeElement(n: ApiNode, words: ChartWords): ElementDefinition {
  const vkind = visualKindOf(n.kind, n.properties);
  const tags = watchTagsOf(n.properties);
  const look = KIND_LOOK[vkind];
  return {
    group: 'nodes',
    data: {
      id: n.id,
      label: n.label,
      kind: n.kind,
      vkind,
      tags: tags.join(' '),
      watch: tags[0] ?? '',
      img: nodeImage(vkind, tags, words.badgeLetters),
      color: look.color,
      size: look.size,
      t: nodeTime(n.kind, n.properties),
      props: n.properties,
    },
  };
}

export function edgeLabel(kind: string, t: number | null, words: ChartWords): string {
  return t !== null && edgeGroupOf(kind) !== 'relation' ? `${words.relation(kind)} ${shortDate(t)}` : words.relation(kind);
}

export function edgeElement(e: ApiEdge, words: ChartWords): ElementDefinition {
  const { t, t2 } = edgeTimes(e.kind, e.properties);
  return {
    group: 'edges',
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      kind: e.kind,
      group: edgeGroupOf(e.kind),
      label: edgeLabel(e.kind, t, words),
      t,
      t2,
      props: e.properties,
    },
  };
}

export const moreNodeId = (ownerId: string): string => `more:${ownerId}`;

/** A hub's left-out neighbours, drawn as one "+N" node hanging off it; a click loads them. */
export function moreElements(o: ApiOmitted, words: ChartWords): ElementDefinition[] {
  const id = moreNodeId(o.nodeId);
  const vkind: VisualKind = 'more';
  return [
    {
      group: 'nodes',
      data: { id, label: words.more(o.omitted), kind: 'MORE', vkind, owner: o.nodeId, omitted: o.omitted, total: o.total, img: nodeImage(vkind, [], words.badgeLetters), color: KIND_LOOK.more.color, size: KIND_LOOK.more.size, tags: '', watch: '', t: null },
    },
    { group: 'edges', data: { id: `${id}:edge`, source: o.nodeId, target: id, kind: 'MORE', group: 'more', label: '', t: null, t2: null } },
  ];
}

/** Elements of a subgraph that the chart does not have yet (by id), hub placeholders included. */
export function newElements(sg: ApiSubgraph, has: (id: string) => boolean, words: ChartWords): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const n of sg.nodes) if (!has(n.id)) out.push(nodeElement(n, words));
  for (const e of sg.edges) if (!has(e.id)) out.push(edgeElement(e, words));
  for (const o of sg.omitted ?? []) {
    if (o.omitted > 0 && !has(moreNodeId(o.nodeId))) out.push(...moreElements(o, words));
  }
  return out;
}
