import type { GraphEdge, GraphNode } from '../../link/graph-elements.js';
import { kindStyle, relationName, rgbOf } from '../chart-style.js';
import type { ExportDocument } from '../export-types.js';
import { columnsOf, intervalOf, textOf, type Column } from '../property-columns.js';
import { chartLayoutOf } from './layout-cache.js';
import { provenanceEntries } from './provenance-entries.js';
import { XML_DECLARATION, slot, xmlDocument, type XmlTree } from './xml-stream.js';

/** Attribute classes every item carries besides its properties. */
const CLEW_ID = 'Clew ID';
const KIND = 'Clew kind';

/**
 * i2 Analyst's Notebook chart XML (.anx), the structure ANB 7+ imports: attribute classes,
 * link and entity types, then one ChartItem per entity (End/Entity with an icon of its
 * type) and per relationship (Link with End1Id/End2Id naming two entities). References are
 * by name (IdReferenceLinking="false"). EntityId is Clew's graph id and every link carries
 * its graph id as an attribute, so the same data exports with the same ids every time.
 * Times are written in China Standard Time, which the summary states.
 */
export function anx(doc: ExportDocument): Generator<string> {
  const layout = chartLayoutOf(doc);
  const nodeColumns = columnsOf(doc.subgraph.nodes);
  const edgeColumns = columnsOf(doc.subgraph.edges);
  const declared = new Map<string, string>();
  for (const c of [{ name: CLEW_ID, type: 'string' }, { name: KIND, type: 'string' }, ...nodeColumns, ...edgeColumns] as Column[]) {
    const type = c.type === 'long' || c.type === 'double' ? 'AttNumber' : c.type === 'boolean' ? 'AttFlag' : 'AttText';
    const previous = declared.get(c.name);
    if (previous === undefined) declared.set(c.name, type);
    else if (previous !== type) declared.set(c.name, 'AttText');
  }
  const summary = [...provenanceEntries(doc), ['timeZone', 'China Standard Time (UTC+08:00)'] as [string, string]];
  const envelope: XmlTree = {
    ...XML_DECLARATION,
    Chart: {
      '@IdReferenceLinking': 'false',
      '@Rigorous': 'true',
      AttributeClassCollection: { AttributeClass: [...declared].map(([name, type]) => ({ '@Name': name, '@Type': type, '@ShowValue': 'false' })) },
      LinkTypeCollection: { LinkType: [...new Set(doc.subgraph.edges.map((e) => e.kind))].map((kind) => ({ '@Name': kind, '@Colour': '0' })) },
      EntityTypeCollection: {
        EntityType: [...new Set(doc.subgraph.nodes.map((n) => n.kind))].map((kind) => ({ '@Name': kind, '@IconFile': kindStyle(kind).i2Icon, '@Colour': String(i2Colour(kindStyle(kind).colour)) })),
      },
      ChartItemCollection: { '#text': slot(0) },
      Summary: { CustomPropertyCollection: { CustomProperty: summary.map(([name, value]) => ({ '@Name': name, '@Type': 'String', '@Value': value })) } },
    },
  };
  const [minX, minY] = origin(layout);
  const items = function* (): Generator<XmlTree> {
    for (const n of doc.subgraph.nodes) {
      const p = layout[n.id] ?? { x: 0, y: 0 };
      yield {
        ChartItem: {
          '@Label': n.label,
          '@Description': `${kindStyle(n.kind).name} ${n.id}`,
          '@DateSet': 'false',
          '@XPosition': String(Math.round((p.x - minX) * 2)),
          ...source(n),
          End: { '@Y': String(Math.round((p.y - minY) * 2)), Entity: { '@EntityId': n.id, '@Identity': n.id, '@LabelIsIdentity': 'false', Icon: { IconStyle: { '@Type': n.kind } } } },
          AttributeCollection: { Attribute: attributes(n, nodeColumns, declared) },
        },
      };
    }
    for (const e of doc.subgraph.edges) {
      const when = intervalOf(e.properties);
      const dated = when ? { '@DateTime': chinaWallClock(when.start), '@DateSet': 'true', '@TimeSet': when.start.includes('T') ? 'true' : 'false' } : { '@DateSet': 'false' };
      yield {
        ChartItem: {
          '@Label': relationName(e.kind),
          '@Description': e.id,
          ...dated,
          ...source(e),
          Link: { '@End1Id': e.source, '@End2Id': e.target, LinkStyle: { '@Type': e.kind, '@ArrowStyle': 'ArrowOnHead', '@Strength': '1' } },
          AttributeCollection: { Attribute: attributes(e, edgeColumns, declared) },
        },
      };
    }
  };
  return xmlDocument(envelope, [items()]);
}

function attributes(element: GraphNode | GraphEdge, columns: Column[], declared: Map<string, string>): XmlTree[] {
  const out: XmlTree[] = [
    { '@AttributeClass': CLEW_ID, '@Value': element.id },
    { '@AttributeClass': KIND, '@Value': element.kind },
  ];
  for (const c of columns) {
    const text = textOf(element.properties[c.name]);
    if (text === undefined || (declared.get(c.name) === 'AttNumber' && !Number.isFinite(Number(text)))) continue;
    out.push({ '@AttributeClass': c.name, '@Value': text });
  }
  return out;
}

/** i2's source reference: the sending system and its own key for the record. */
function source(element: GraphNode | GraphEdge): XmlTree {
  const system = element.properties.source;
  const key = element.properties.sourceId;
  if (typeof system !== 'string' || system === '') return {};
  return { '@SourceType': system, '@SourceReference': typeof key === 'string' && key !== '' ? `${system}:${key}` : system };
}

function origin(layout: Record<string, { x: number; y: number }>): [number, number] {
  let minX = 0;
  let minY = 0;
  for (const p of Object.values(layout)) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
  }
  return [minX - 50, minY - 50];
}

/** ANB colours are integers with red in the low byte (Windows COLORREF). */
function i2Colour(colour: string): number {
  const { r, g, b } = rgbOf(colour);
  return (b << 16) | (g << 8) | r;
}

/** xsd:dateTime without an offset, in China Standard Time: ANB shows it as written. */
export function chinaWallClock(iso: string): string {
  if (!iso.includes('T')) return `${iso}T00:00:00`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso.slice(0, 19);
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19);
}
