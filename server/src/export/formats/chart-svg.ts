import type { ChartLayout, ExportDocument } from '../export-types.js';
import { edgeColour, kindStyle, relationName } from '../chart-style.js';
import { CJK_FONT_FAMILY } from '../cjk-font.js';
import { XML_DECLARATION, slot, xmlDocument, type XmlTree } from './xml-stream.js';

/** Labels on every node and edge only while they can still be read. */
const LABEL_NODES_MAX = 400;
const LABEL_EDGES_MAX = 150;
const MARGIN = 60;
const HEADER = 70;

/**
 * The layout scaled so that nodes sit about a label's width apart whatever the layout's own
 * units (the browser's, ForceAtlas2's), then framed with room for the title and legend.
 */
function fitted(layout: ChartLayout, count: number) {
  const points = Object.entries(layout);
  const xs = points.map(([, p]) => p.x);
  const ys = points.map(([, p]) => p.y);
  const minX = points.length ? Math.min(...xs) : 0;
  const minY = points.length ? Math.min(...ys) : 0;
  const span = Math.max(1, points.length ? Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY) : 1);
  const target = Math.min(12_000, Math.max(700, Math.sqrt(count) * 150));
  const scale = target / span;
  const placed: ChartLayout = {};
  for (const [id, p] of points) placed[id] = { x: MARGIN + (p.x - minX) * scale, y: MARGIN + HEADER + (p.y - minY) * scale };
  const width = Math.max(900, (points.length ? (Math.max(...xs) - minX) * scale : 0) + 2 * MARGIN + 160);
  const height = Math.max(500, (points.length ? (Math.max(...ys) - minY) * scale : 0) + 2 * MARGIN + HEADER);
  return { placed, width, height };
}

/** The SVG's width in user units, for choosing the PNG's pixel width. */
export function chartWidth(doc: ExportDocument, layout: ChartLayout): number {
  return fitted(layout, doc.subgraph.nodes.length).width;
}

/**
 * The chart as SVG, streamed: a white page, the title and what produced the chart, the
 * relationships as lines, the entities as coloured circles with their labels, and a legend
 * of the kinds shown. The same SVG is rasterized for PNG and placed in the PDF dossier.
 */
export function chartSvg(doc: ExportDocument, given: ChartLayout): Generator<string> {
  const { placed: layout, width, height } = fitted(given, doc.subgraph.nodes.length);
  const fontSize = 13;
  const caption = `${doc.subgraph.nodes.length} 个实体, ${doc.subgraph.edges.length} 条关系 · ${doc.origin.operation} · 数据读取于 ${doc.database.readAt}${doc.masked ? ' · 身份证号/手机号已脱敏' : ''}`;
  const kinds = [...new Set(doc.subgraph.nodes.map((n) => n.kind))];
  const large = isLargeChart(doc);
  const envelope: XmlTree = {
    ...XML_DECLARATION,
    svg: {
      '@xmlns': 'http://www.w3.org/2000/svg',
      '@width': round(width),
      '@height': round(height),
      '@viewBox': `0 0 ${round(width)} ${round(height)}`,
      '@font-family': CJK_FONT_FAMILY,
      // A large chart is a texture of thousands of lines: without anti-aliasing it rasterizes
      // several times faster and looks the same at that density.
      ...(large ? { '@shape-rendering': 'crispEdges' } : {}),
      title: doc.title,
      rect: { '@x': '0', '@y': '0', '@width': round(width), '@height': round(height), '@fill': '#ffffff' },
      text: [
        { '@x': round(MARGIN / 2), '@y': '30', '@font-size': round(fontSize * 1.6), '@font-weight': 'bold', '@fill': '#212529', '#text': doc.title },
        { '@x': round(MARGIN / 2), '@y': round(30 + fontSize * 1.6), '@font-size': round(fontSize), '@fill': '#495057', '#text': caption },
      ],
      g: [
        { '@stroke-width': '1.2', '@stroke-opacity': '0.8', '#text': slot(0) },
        { '@stroke': '#ffffff', '@stroke-width': '1.5', '#text': slot(1) },
        {
          '@font-size': round(fontSize),
          '@fill': '#212529',
          // The legend names only the kinds on this chart.
          circle: kinds.map((kind, i) => ({ '@cx': round(width - 130), '@cy': round(24 + i * fontSize * 1.5 - fontSize / 3), '@r': round(fontSize / 2), '@fill': kindStyle(kind).colour })),
          text: kinds.map((kind, i) => ({ '@x': round(width - 130 + fontSize), '@y': round(24 + i * fontSize * 1.5), '#text': kindStyle(kind).name })),
        },
      ],
    },
  };
  const labelEdges = doc.subgraph.edges.length <= LABEL_EDGES_MAX;
  const labelNodes = doc.subgraph.nodes.length <= LABEL_NODES_MAX;
  const radius = large ? 4 : 9;
  const edges = function* (): Generator<XmlTree> {
    for (const e of doc.subgraph.edges) {
      const a = layout[e.source];
      const b = layout[e.target];
      if (!a || !b) continue;
      yield { line: { '@x1': round(a.x), '@y1': round(a.y), '@x2': round(b.x), '@y2': round(b.y), '@stroke': edgeColour(e.kind) } };
      if (labelEdges) {
        yield { text: { '@x': round((a.x + b.x) / 2), '@y': round((a.y + b.y) / 2), '@font-size': round(fontSize * 0.8), '@fill': '#868e96', '@text-anchor': 'middle', '@stroke': 'none', '#text': relationName(e.kind) } };
      }
    }
  };
  const nodes = function* (): Generator<XmlTree> {
    for (const n of doc.subgraph.nodes) {
      const p = layout[n.id];
      if (!p) continue;
      yield { circle: { '@cx': round(p.x), '@cy': round(p.y), '@r': round(radius), '@fill': kindStyle(n.kind).colour } };
      if (labelNodes) {
        yield { text: { '@x': round(p.x), '@y': round(p.y + radius + fontSize), '@font-size': round(fontSize), '@fill': '#212529', '@text-anchor': 'middle', '@stroke': 'none', '#text': n.label } };
      }
    }
  };
  return xmlDocument(envelope, [edges(), nodes()]);
}

/** Beyond this many nodes the chart is drawn for overview, not for reading labels. */
export function isLargeChart(doc: ExportDocument): boolean {
  return doc.subgraph.nodes.length > LABEL_NODES_MAX * 4;
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}
