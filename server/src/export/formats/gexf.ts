import { chartLayoutOf } from './layout-cache.js';
import { kindStyle, relationName, rgbOf } from '../chart-style.js';
import type { ExportDocument } from '../export-types.js';
import { columnsOf, intervalOf, textOf, type Column } from '../property-columns.js';
import { provenanceEntries } from './provenance-entries.js';
import { XML_DECLARATION, slot, xmlDocument, type XmlTree } from './xml-stream.js';

const NS = 'http://gexf.net/1.3';
const VIZ = 'http://gexf.net/1.3/viz';

/**
 * GEXF 1.3 for Gephi. The graph is dynamic with dateTime intervals: a movement (a stay
 * from check-in to check-out, a login, a checkpoint pass, a call) exists from its start to
 * its end, an instant as a zero-length interval, so Gephi's timeline plays the movements
 * back; people, places and their relations have no interval and are always shown. Nodes
 * carry viz positions (the chart's layout), colours and sizes.
 */
export function gexf(doc: ExportDocument): Generator<string> {
  const layout = chartLayoutOf(doc);
  const nodeColumns: Column[] = [{ name: 'kind', type: 'string' }, ...columnsOf(doc.subgraph.nodes)];
  const edgeColumns: Column[] = [{ name: 'kind', type: 'string' }, ...columnsOf(doc.subgraph.edges)];
  const attributes = (cls: string, columns: Column[], prefix: string): XmlTree => ({
    '@class': cls,
    '@mode': 'static',
    attribute: columns.map((c, i) => ({ '@id': `${prefix}${i}`, '@title': c.name, '@type': c.type })),
  });
  const envelope: XmlTree = {
    ...XML_DECLARATION,
    gexf: {
      '@xmlns': NS,
      '@xmlns:viz': VIZ,
      '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@xsi:schemaLocation': `${NS} http://gexf.net/1.3/gexf.xsd`,
      '@version': '1.3',
      meta: {
        '@lastmodifieddate': doc.createdAt.slice(0, 10),
        creator: 'Clew',
        keywords: `clew, evidence export, ${doc.origin.operation}`,
        description: [doc.title, ...provenanceEntries(doc).map(([k, v]) => `${k}: ${v}`)].join('\n'),
      },
      graph: {
        '@defaultedgetype': 'directed',
        '@idtype': 'string',
        '@mode': 'dynamic',
        '@timeformat': 'dateTime',
        '@timerepresentation': 'interval',
        attributes: [attributes('node', nodeColumns, 'n'), attributes('edge', edgeColumns, 'e')],
        nodes: { '@count': String(doc.subgraph.nodes.length), '#text': slot(0) },
        edges: { '@count': String(doc.subgraph.edges.length), '#text': slot(1) },
      },
    },
  };
  const nodes = function* (): Generator<XmlTree> {
    for (const n of doc.subgraph.nodes) {
      const p = layout[n.id] ?? { x: 0, y: 0 };
      const { r, g, b } = rgbOf(kindStyle(n.kind).colour);
      yield {
        node: {
          '@id': n.id,
          '@label': n.label,
          attvalues: { attvalue: attvalues(nodeColumns, 'n', { ...n.properties, kind: n.kind }) },
          'viz:color': { '@r': String(r), '@g': String(g), '@b': String(b) },
          // Gephi's y axis points up, the chart's down.
          'viz:position': { '@x': fixed(p.x), '@y': fixed(-p.y), '@z': '0' },
          'viz:size': { '@value': n.kind === 'PERSON' ? '12' : '8' },
        },
      };
    }
  };
  const edges = function* (): Generator<XmlTree> {
    for (const e of doc.subgraph.edges) {
      const interval = isMovement(e.kind) ? intervalOf(e.properties) : null;
      yield {
        edge: {
          '@id': e.id,
          '@source': e.source,
          '@target': e.target,
          '@label': relationName(e.kind),
          '@kind': e.kind,
          ...(interval ? { '@start': interval.start, '@end': interval.end ?? interval.start } : {}),
          attvalues: { attvalue: attvalues(edgeColumns, 'e', { ...e.properties, kind: e.kind }) },
        },
      };
    }
  };
  return xmlDocument(envelope, [nodes(), edges()]);
}

/** Relations carry since/until dates but are shown throughout; only movements play back. */
function isMovement(kind: string): boolean {
  return kind === 'STAYED_AT' || kind === 'LOGGED_IN' || kind === 'PASSED' || kind === 'CALLED';
}

function attvalues(columns: Column[], prefix: string, properties: Record<string, unknown>): XmlTree[] {
  const out: XmlTree[] = [];
  columns.forEach((c, i) => {
    const text = textOf(properties[c.name]);
    if (text !== undefined) out.push({ '@for': `${prefix}${i}`, '@value': text });
  });
  return out;
}

function fixed(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
