import { execFileSync } from 'node:child_process';
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nmtoken } from '../../server/src/export/formats/graphml.js';
import { graphmlSchema, keepArtifact, postExport, validAgainst, wellFormed } from '../helpers/export-http.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Every export format of the same subgraph (Li Guohua's network, two rings out), read back
 * by a reader that is not Clew's: GraphML by graphology-graphml and against the published
 * GraphML 1.0 XSD, GEXF by graphology-gexf, ANX as an i2 chart document, the chart and the
 * PDF by sharp and poppler, over real HTTP against the seed county.
 */
const EXPAND = { expand: { ids: ['Person:P-LI'], depth: 2, limit: 120, perNodeLimit: 10 } };

let app: TestApp;
let reference: { nodes: { id: string; label: string; properties: Record<string, unknown> }[]; edges: { id: string; source: string; target: string; kind: string }[] };

async function exportAs(format: string, body: Record<string, unknown> = { source: EXPAND }) {
  const res = await postExport(app.url, '/api/export', { ...body, format }, { authorization: app.authorization });
  expect(res.status, res.body.toString('utf8').slice(0, 300)).toBe(200);
  return res;
}

beforeAll(async () => {
  app = await startTestApp();
  const res = await app.gql<{ expand: typeof reference }>(
    'query Expand($ids: [ID!]!) { expand(ids: $ids, depth: 2, limit: 120, perNodeLimit: 10) { nodes { id label properties } edges { id source target kind } } }',
    { ids: ['Person:P-LI'] },
  );
  reference = res.data!.expand;
  expect(reference.nodes.length).toBeGreaterThan(20);
});

afterAll(async () => {
  await app?.close();
});

describe('GraphML', () => {
  it('is valid against the published GraphML 1.0 schema and reads back with the same nodes, edges and properties', async () => {
    const xml = (await exportAs('GRAPHML')).body.toString('utf8');
    expect((await wellFormed(xml)).valid).toBe(true);
    const { schema, preload } = await graphmlSchema();
    const validation = await validAgainst(xml, schema, preload);
    expect(validation.errors).toEqual([]);
    const graph = parseGraphml(MultiDirectedGraph, new DOMParser().parseFromString(xml, 'application/xml') as unknown as Document);
    expect(graph.order).toBe(reference.nodes.length);
    expect(graph.size).toBe(reference.edges.length);
    const byClewId = new Map(graph.mapNodes((key, attrs) => [attrs.clewId as string, key] as const));
    const li = graph.getNodeAttributes(byClewId.get('Person:P-LI')!);
    const stored = reference.nodes.find((n) => n.id === 'Person:P-LI')!;
    expect(li.label).toBe(stored.label);
    expect(li.idNumber).toBe(stored.properties.idNumber);
    expect(li.kind).toBe('PERSON');
    const edges = new Map(graph.mapEdges((key, attrs, source, target) => [attrs.clewId as string, { source, target }] as const));
    for (const e of reference.edges) {
      expect(edges.get(e.id)).toEqual({ source: nmtoken(e.source), target: nmtoken(e.target) });
      expect(graph.getNodeAttribute(nmtoken(e.source), 'clewId')).toBe(e.source);
    }
    // Graph-level data names the export and the database state it read.
    expect(xml).toContain('attr.name="databaseReadAt"');
  });
});

describe('GEXF 1.3', () => {
  it('reads back in graphology-gexf, and movements carry time intervals for Gephi', async () => {
    const xml = (await exportAs('GEXF')).body.toString('utf8');
    expect((await wellFormed(xml)).valid).toBe(true);
    const graph = parseGexf(MultiDirectedGraph, xml);
    expect(graph.order).toBe(reference.nodes.length);
    expect(graph.size).toBe(reference.edges.length);
    expect(graph.getNodeAttribute('Person:P-LI', 'label')).toBe(reference.nodes.find((n) => n.id === 'Person:P-LI')!.label);

    const dom = new DOMParser().parseFromString(xml, 'application/xml');
    const root = dom.documentElement!;
    expect(root.getAttribute('version')).toBe('1.3');
    expect(root.namespaceURI).toBe('http://gexf.net/1.3');
    const g = root.getElementsByTagName('graph')[0]!;
    expect([g.getAttribute('mode'), g.getAttribute('timeformat'), g.getAttribute('timerepresentation')]).toEqual(['dynamic', 'dateTime', 'interval']);
    const edges = Array.from(dom.getElementsByTagName('edge'));
    const movements = edges.filter((e) => ['STAYED_AT', 'LOGGED_IN', 'PASSED', 'CALLED'].includes(e.getAttribute('kind') ?? ''));
    expect(movements.length).toBeGreaterThan(0);
    for (const m of movements) {
      const start = Date.parse(m.getAttribute('start') ?? '');
      const end = Date.parse(m.getAttribute('end') ?? '');
      expect(Number.isNaN(start)).toBe(false);
      expect(end).toBeGreaterThanOrEqual(start);
    }
    // Relations have no interval: they are on screen for the whole timeline.
    expect(edges.filter((e) => e.getAttribute('kind') === 'FAMILY').every((e) => !e.hasAttribute('start'))).toBe(true);
    expect(dom.getElementsByTagName('viz:position').length).toBe(reference.nodes.length);
  });
});

describe("i2 Analyst's Notebook ANX", () => {
  it('has the structure i2 documents: collections, ChartItems of Entity or Link, ends that resolve, stable ids', async () => {
    const xml = (await exportAs('ANX')).body.toString('utf8');
    expect((await wellFormed(xml)).valid).toBe(true);
    const dom = new DOMParser().parseFromString(xml, 'application/xml');
    const chart = dom.documentElement!;
    expect(chart.tagName).toBe('Chart');
    const names = (tag: string) => new Set(Array.from(dom.getElementsByTagName(tag)).map((e) => e.getAttribute('Name')));
    const entityTypes = names('EntityType');
    const linkTypes = names('LinkType');
    const attributeClasses = names('AttributeClass');
    expect(entityTypes.has('PERSON')).toBe(true);
    expect(chart.getElementsByTagName('ChartItemCollection').length).toBe(1);

    const items = Array.from(dom.getElementsByTagName('ChartItem'));
    const entityIds = new Set<string>();
    let links = 0;
    for (const item of items) {
      const entity = item.getElementsByTagName('Entity');
      const link = item.getElementsByTagName('Link');
      expect(entity.length + link.length).toBe(1);
      if (entity.length === 1) {
        entityIds.add(entity[0]!.getAttribute('EntityId')!);
        expect(entityTypes.has(item.getElementsByTagName('IconStyle')[0]!.getAttribute('Type'))).toBe(true);
      }
    }
    for (const item of items) {
      const link = item.getElementsByTagName('Link')[0];
      if (!link) continue;
      links++;
      expect(entityIds.has(link.getAttribute('End1Id')!)).toBe(true);
      expect(entityIds.has(link.getAttribute('End2Id')!)).toBe(true);
      expect(linkTypes.has(item.getElementsByTagName('LinkStyle')[0]!.getAttribute('Type'))).toBe(true);
    }
    for (const a of Array.from(dom.getElementsByTagName('Attribute'))) expect(attributeClasses.has(a.getAttribute('AttributeClass'))).toBe(true);
    expect(entityIds).toEqual(new Set(reference.nodes.map((n) => n.id)));
    expect(links).toBe(reference.edges.length);
    const stay = items.find((i) => i.getElementsByTagName('LinkStyle')[0]?.getAttribute('Type') === 'STAYED_AT');
    expect(stay?.getAttribute('DateSet')).toBe('true');
    expect(stay?.getAttribute('SourceType')).toBeTruthy();

    // A second export of the same data names every entity and link the same way.
    const again = new DOMParser().parseFromString((await exportAs('ANX')).body.toString('utf8'), 'application/xml');
    const ids = (d: Document) =>
      Array.from(d.getElementsByTagName('Attribute'))
        .filter((a) => a.getAttribute('AttributeClass') === 'Clew ID')
        .map((a) => a.getAttribute('Value'))
        .sort();
    expect(ids(again as unknown as Document)).toEqual(ids(dom as unknown as Document));
  });
});

describe('Cytoscape JSON, SVG, PNG and PDF', () => {
  it('Cytoscape JSON holds every element with positions', async () => {
    const json = (await exportAs('CYTOSCAPE_JSON')).json<{ elements: { nodes: { data: { id: string }; position: { x: number } }[]; edges: { data: { source: string } }[] } }>();
    expect(json.elements.nodes.map((n) => n.data.id).sort()).toEqual(reference.nodes.map((n) => n.id).sort());
    expect(json.elements.edges.length).toBe(reference.edges.length);
    expect(json.elements.nodes.every((n) => Number.isFinite(n.position.x))).toBe(true);
  });

  it('the chart comes as well-formed SVG and as a PNG, drawn with the positions the browser sends', async () => {
    const layout = Object.fromEntries(reference.nodes.map((n, i) => [n.id, { x: (i % 8) * 100, y: Math.floor(i / 8) * 100 }]));
    const svg = (await exportAs('SVG', { source: EXPAND, layout })).body.toString('utf8');
    expect((await wellFormed(svg)).valid).toBe(true);
    expect(svg).toContain('李国华');
    const png = (await exportAs('PNG', { source: EXPAND, layout })).body;
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBeGreaterThanOrEqual(1600);
    keepArtifact('export-chart.png', png);
  });

  it('the PDF dossier renders to pages (looked at: test-artifacts/export-dossier-*.png)', async () => {
    const pdf = (await exportAs('PDF', { source: { paths: { from: 'P-LI', to: 'P-GUO', maxHops: 4, mode: 'ALL_SHORTEST' } }, title: '李国华诈骗案 关系人员倒查' })).body;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = keepArtifact('export-dossier.pdf', pdf);
    execFileSync('pdftoppm', ['-r', '70', '-png', file, file.replace(/\.pdf$/, '')]);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(3);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const words of ['李国华诈骗案', '导出编号', 'A3209822026030001', '路径 1', 'cypher/link/paths-all-shortest.cypher', '研判民警 ANALYST', '北京时间', '性别: 男 (M)', '在逃 (FUGITIVE)']) expect(text).toContain(words);
  });
});
