import type { ExportDocument } from '../export-types.js';
import { columnsOf, textOf, type Column } from '../property-columns.js';
import { provenanceEntries } from './provenance-entries.js';
import { XML_DECLARATION, slot, xmlDocument, type XmlTree } from './xml-stream.js';

const NS = 'http://graphml.graphdrawing.org/xmlns';

/**
 * GraphML 1.0: one <key> per property (typed from the values), the export's provenance as
 * graph-level data, then every node and edge with its properties. Node and edge ids are
 * Clew's graph ids (as name tokens, see nmtoken), so two exports of the same data name the
 * same things the same way.
 */
export function graphml(doc: ExportDocument): Generator<string> {
  const nodeColumns = columnsOf(doc.subgraph.nodes);
  const edgeColumns = columnsOf(doc.subgraph.edges);
  const meta = provenanceEntries(doc);
  const key = (id: string, target: string, name: string, type: string): XmlTree => ({ '@id': id, '@for': target, '@attr.name': name, '@attr.type': type });
  const envelope: XmlTree = {
    ...XML_DECLARATION,
    graphml: {
      '@xmlns': NS,
      '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@xsi:schemaLocation': `${NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`,
      desc: `${doc.title} — exported by Clew; the graph data below says where it came from.`,
      key: [
        ...meta.map(([name]) => key(`g_${name}`, 'graph', name, 'string')),
        key('n__clewId', 'node', 'clewId', 'string'),
        key('n__kind', 'node', 'kind', 'string'),
        key('n__label', 'node', 'label', 'string'),
        ...nodeColumns.map((c, i) => key(`n${i}`, 'node', c.name, c.type)),
        key('e__clewId', 'edge', 'clewId', 'string'),
        key('e__kind', 'edge', 'kind', 'string'),
        ...edgeColumns.map((c, i) => key(`e${i}`, 'edge', c.name, c.type)),
      ],
      graph: {
        '@id': 'clew-export',
        '@edgedefault': 'directed',
        data: meta.map(([name, value]) => ({ '@key': `g_${name}`, '#text': value })),
        '#text': slot(0),
      },
    },
  };
  const items = function* (): Generator<XmlTree> {
    for (const n of doc.subgraph.nodes) {
      yield {
        node: {
          '@id': nmtoken(n.id),
          data: [{ '@key': 'n__clewId', '#text': n.id }, { '@key': 'n__kind', '#text': n.kind }, { '@key': 'n__label', '#text': n.label }, ...data('n', nodeColumns, n.properties)],
        },
      };
    }
    for (const e of doc.subgraph.edges) {
      yield {
        edge: {
          '@id': nmtoken(e.id),
          '@source': nmtoken(e.source),
          '@target': nmtoken(e.target),
          data: [{ '@key': 'e__clewId', '#text': e.id }, { '@key': 'e__kind', '#text': e.kind }, ...data('e', edgeColumns, e.properties)],
        },
      };
    }
  };
  return xmlDocument(envelope, [items()]);
}

function data(prefix: string, columns: Column[], properties: Record<string, unknown>): XmlTree[] {
  const out: XmlTree[] = [];
  columns.forEach((c, i) => {
    const text = textOf(properties[c.name]);
    if (text !== undefined) out.push({ '@key': `${prefix}${i}`, '#text': text });
  });
  return out;
}

/**
 * GraphML ids are XML name tokens: no "|", "+", "/" or spaces, which edge keys hold
 * (STAYED_AT:P-1|H-1|2026-…). Each such character becomes "·" + its hex code + "·" ("·"
 * itself too), so the id stays readable, unique and reversible; the exact graph id is also
 * kept in the clewId data of every node and edge.
 */
export function nmtoken(id: string): string {
  return id.replace(/[^\p{L}\p{N}._:-]|·/gu, (c) => `·${c.codePointAt(0)!.toString(16).toUpperCase()}·`);
}
