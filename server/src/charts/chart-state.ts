import { BadUserInput } from '../errors.js';
import { GRAPH_ID } from '../link/arguments.js';

/**
 * What a saved chart keeps: the ids of what was on it and how it was arranged, never the
 * records themselves. Opening it reads them again, through the same authorization, purpose
 * and audit as any look-up, so a chart saved months ago shows the data as it is now, and
 * masking applies to whoever opens it.
 */
export interface ChartState {
  nodes: ChartNode[];
  edges: ChartEdge[];
  groups: ChartGroup[];
  /** The time window the chart was read in (epoch ms), if one was set. */
  window: { from: number | null; to: number | null } | null;
}

export interface ChartNode {
  id: string;
  x: number;
  y: number;
  pinned?: boolean;
  hidden?: boolean;
  /** The id of the group box it is in. */
  group?: string;
  /** Highlighted as a technique's evidence or a path found (the rest of the chart faded). */
  evidence?: boolean;
}

export interface ChartEdge {
  id: string;
  hidden?: boolean;
  evidence?: boolean;
}

export interface ChartGroup {
  id: string;
  label: string;
}

export interface ChartLimits {
  maxNodes: number;
  maxEdges: number;
}

const EDGE_ID = /^[A-Z_]{2,40}:.{1,400}$/;
const GROUP_ID = /^group:[\w:.-]{1,80}$/;

/** Checks a chart's state as the page sends it and keeps only what a chart has: each refusal names the field. */
export function checkChartState(raw: unknown, limits: ChartLimits): ChartState {
  const at = (field: string) => `input.state.${field}`;
  if (!isObject(raw)) throw new BadUserInput('input.state', 'must be an object with nodes, edges and groups', '应为含 nodes、edges、groups 的对象');
  const nodes = listOf(raw.nodes, at('nodes'), limits.maxNodes);
  if (nodes.length === 0) throw new BadUserInput(at('nodes'), 'must hold at least one node: an empty chart is not saved', '图中没有节点，无需保存');
  const edges = listOf(raw.edges ?? [], at('edges'), limits.maxEdges);
  const groups = listOf(raw.groups ?? [], at('groups'), 1000).map((g, n): ChartGroup => {
    if (!isObject(g) || typeof g.id !== 'string' || !GROUP_ID.test(g.id)) throw new BadUserInput(`${at('groups')}[${n}].id`, 'is not a group id such as group:1', '不是分组编号，例如 group:1');
    const label = typeof g.label === 'string' ? g.label.trim() : '';
    if (label === '' || label.length > 100) throw new BadUserInput(`${at('groups')}[${n}].label`, 'must be a name of 1 to 100 characters', '应为 1 到 100 个字的名称');
    return { id: g.id, label };
  });
  const groupIds = new Set(groups.map((g) => g.id));
  const seen = new Set<string>();
  const checkedNodes = nodes.map((v, n): ChartNode => {
    const field = `${at('nodes')}[${n}]`;
    if (!isObject(v) || typeof v.id !== 'string' || !GRAPH_ID.test(v.id)) throw new BadUserInput(`${field}.id`, 'is not a graph id such as Person:P-000123', '不是图中编号，例如 Person:P-000123');
    if (seen.has(v.id)) throw new BadUserInput(`${field}.id`, `names ${v.id} a second time`, `重复了 ${v.id}`);
    seen.add(v.id);
    if (!isFiniteNumber(v.x) || !isFiniteNumber(v.y)) throw new BadUserInput(`${field}.x`, 'must be a position {x, y} with finite numbers', '应为有限数值的坐标 {x, y}');
    if (v.group !== undefined && v.group !== null && !(typeof v.group === 'string' && groupIds.has(v.group))) {
      throw new BadUserInput(`${field}.group`, 'names a group that is not in groups', '所属分组不在 groups 中');
    }
    return {
      id: v.id,
      x: v.x,
      y: v.y,
      ...(v.pinned === true ? { pinned: true } : {}),
      ...(v.hidden === true ? { hidden: true } : {}),
      ...(typeof v.group === 'string' ? { group: v.group } : {}),
      ...(v.evidence === true ? { evidence: true } : {}),
    };
  });
  const checkedEdges = edges.map((e, n): ChartEdge => {
    if (!isObject(e) || typeof e.id !== 'string' || !EDGE_ID.test(e.id)) {
      throw new BadUserInput(`${at('edges')}[${n}].id`, 'is not a tie id such as STAYED_AT:P-1|H-1|2026-08-10T12:15:00.000Z', '不是关系编号，例如 STAYED_AT:P-1|H-1|2026-08-10T12:15:00.000Z');
    }
    return { id: e.id, ...(e.hidden === true ? { hidden: true } : {}), ...(e.evidence === true ? { evidence: true } : {}) };
  });
  return { nodes: checkedNodes, edges: checkedEdges, groups, window: windowOf(raw.window) };
}

function windowOf(raw: unknown): ChartState['window'] {
  if (raw === undefined || raw === null) return null;
  const bound = (v: unknown) => (v === null || v === undefined ? null : isFiniteNumber(v) ? v : undefined);
  const from = isObject(raw) ? bound(raw.from) : undefined;
  const to = isObject(raw) ? bound(raw.to) : undefined;
  if (from === undefined || to === undefined) throw new BadUserInput('input.state.window', 'must be {from, to} in epoch milliseconds or null', '应为 {from, to}（毫秒时间戳）或 null');
  return from === null && to === null ? null : { from, to };
}

function listOf(raw: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(raw)) throw new BadUserInput(field, 'must be a list', '应为列表');
  if (raw.length > max) throw new BadUserInput(field, `holds ${raw.length} entries; at most ${max} are kept on one chart`, `共 ${raw.length} 项，一张图最多 ${max} 项`);
  return raw;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
