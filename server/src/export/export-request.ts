import type { Config } from '../config.js';
import { BadUserInput } from '../errors.js';
import { PERSON_RELATION_TYPES, graphIdsArg, intArg, recordIdArg, relationTypesArg, windowArgs } from '../link/arguments.js';
import { EXPORT_FORMATS, isExportFormat, type ChartLayout, type ExportFormat, type ExportSource } from './export-types.js';

/** An export request as the HTTP routes read it from the JSON body (docs/export.md). */
export interface ExportRequest {
  source: ExportSource;
  formats: ExportFormat[];
  title: string | null;
  layout: ChartLayout | null;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an export request; each problem names its field (e.g. "source.expand.depth"). The
 * same limits as the GraphQL queries apply to expand and paths; a selection may be larger
 * (CLEW_EXPORT_MAX_NODES / _EDGES), since exporting a big chart is the point.
 */
export function parseExportRequest(body: unknown, config: Config, mode: 'single' | 'package'): ExportRequest {
  if (!isObject(body)) throw new BadUserInput('body', 'must be a JSON object with source and format(s)', '应为含 source 和 format(s) 的 JSON 对象');
  const source = parseSource(body.source, config);
  const formats = mode === 'single' ? [parseFormat('format', body.format)] : parseFormats(body.formats);
  const title = body.title === undefined || body.title === null ? null : String(body.title).trim().slice(0, 200) || null;
  return { source, formats, title, layout: parseLayout(body.layout) };
}

function parseFormat(name: string, value: unknown): ExportFormat {
  if (!isExportFormat(value)) throw new BadUserInput(name, `must be one of ${EXPORT_FORMATS.join(', ')}`, `应为 ${EXPORT_FORMATS.join('、')} 之一`);
  return value;
}

function parseFormats(value: unknown): ExportFormat[] {
  if (value === undefined || value === null) return [...EXPORT_FORMATS];
  if (!Array.isArray(value) || value.length === 0) throw new BadUserInput('formats', `must list at least one of ${EXPORT_FORMATS.join(', ')}, or be left out for all`, `应至少列出 ${EXPORT_FORMATS.join('、')} 中的一种，或不填表示全部`);
  return [...new Set(value.map((v, i) => parseFormat(`formats[${i}]`, v)))];
}

function parseSource(value: unknown, config: Config): ExportSource {
  if (!isObject(value)) throw new BadUserInput('source', 'must name one of selection, expand, paths, techniqueEvidence', '应指定 selection、expand、paths、techniqueEvidence 之一');
  const keys = Object.keys(value);
  if (keys.length !== 1) throw new BadUserInput('source', `must name exactly one of selection, expand, paths, techniqueEvidence (got ${keys.join(', ') || 'none'})`, `只能指定 selection、expand、paths、techniqueEvidence 中的一个（实际：${keys.join('、') || '无'}）`);
  const kind = keys[0]!;
  const a = value[kind];
  if (!isObject(a)) throw new BadUserInput(`source.${kind}`, 'must be an object of arguments', '应为参数对象');
  const at = (field: string) => `source.${kind}.${field}`;
  const ids = (field: string, max: number) => {
    const v = a[field];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new BadUserInput(at(field), 'must be a list of graph ids', '应为图中编号的列表');
    return graphIdsArg(at(field), v as string[], max);
  };
  const edgeIds = () => {
    const v = a.edgeIds;
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '' || x.length > 400)) throw new BadUserInput(at('edgeIds'), 'must be a list of edge ids such as STAYED_AT:P-1|H-1|2026-08-10T12:15:00.000Z', '应为关系编号的列表，例如 STAYED_AT:P-1|H-1|2026-08-10T12:15:00.000Z');
    if (v.length > config.export.maxEdges) throw new BadUserInput(at('edgeIds'), `names ${v.length} edges; at most ${config.export.maxEdges} are exported at once`, `共 ${v.length} 条关系，一次最多导出 ${config.export.maxEdges} 条`);
    return [...new Set(v as string[])];
  };
  const num = (field: string, fallback: number, min: number, max: number) => intArg(at(field), a[field] as number | null | undefined, fallback, min, max);
  const types = (fallback: string[] | null) => relationTypesArg(a.relationTypes as string[] | null | undefined, fallback);
  switch (kind) {
    case 'selection':
      return { kind: 'SELECTION', nodeIds: ids('nodeIds', config.export.maxNodes), edgeIds: edgeIds() };
    case 'expand': {
      const { limits } = config;
      return {
        kind: 'EXPAND',
        ids: ids('ids', 200),
        depth: num('depth', 1, 1, 3),
        relationTypes: types(null),
        ...windowArgs(a.from as string | undefined, a.to as string | undefined),
        limit: num('limit', limits.expandTotal, 1, limits.expandTotal),
        perNodeLimit: num('perNodeLimit', limits.expandPerNode, 1, 1000),
      };
    }
    case 'paths': {
      const from = recordIdArg(at('from'), String(a.from ?? ''));
      const to = recordIdArg(at('to'), String(a.to ?? ''));
      if (from === to) throw new BadUserInput(at('to'), 'names the same person as from', '与起点是同一个人');
      const mode = a.mode ?? 'SHORTEST';
      if (mode !== 'SHORTEST' && mode !== 'ALL_SHORTEST' && mode !== 'K_SHORTEST') throw new BadUserInput(at('mode'), 'must be SHORTEST, ALL_SHORTEST or K_SHORTEST', '应为 SHORTEST、ALL_SHORTEST 或 K_SHORTEST');
      return { kind: 'PATHS', from, to, maxHops: num('maxHops', 6, 1, config.limits.pathsMaxHops), mode, k: num('k', 3, 1, 20), relationTypes: types(PERSON_RELATION_TYPES)! };
    }
    case 'techniqueEvidence':
      return { kind: 'TECHNIQUE_EVIDENCE', runId: recordIdArg(at('runId'), String(a.runId ?? '')), nodeIds: ids('nodeIds', config.export.maxNodes), edgeIds: edgeIds() };
    default:
      throw new BadUserInput('source', `"${kind.slice(0, 40)}" is not a source; use selection, expand, paths or techniqueEvidence`, `“${kind.slice(0, 40)}”不是可导出的来源；应为 selection、expand、paths 或 techniqueEvidence`);
  }
}

/** Node positions from the browser chart: { "Person:P-1": { "x": 10, "y": 20 }, … }. */
function parseLayout(value: unknown): ChartLayout | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw new BadUserInput('layout', 'must map graph ids to {x, y}', '应为图中编号到 {x, y} 坐标的映射');
  const layout: ChartLayout = {};
  for (const [id, p] of Object.entries(value)) {
    if (!isObject(p) || typeof p.x !== 'number' || typeof p.y !== 'number' || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new BadUserInput(`layout["${id.slice(0, 60)}"]`, 'must be {x, y} with finite numbers', '应为 {x, y}，且均为有限数值');
    }
    layout[id] = { x: p.x, y: p.y };
  }
  return layout;
}
