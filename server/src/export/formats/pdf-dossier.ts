import PDFDocument from 'pdfkit';
import type { Readable } from 'node:stream';
import { cypher } from '../../db/cypher-files.js';
import type { GraphEdge, GraphNode } from '../../link/graph-elements.js';
import { kindStyle, relationName } from '../chart-style.js';
import { CJK_POSTSCRIPT_NAME, cjkFontPath } from '../cjk-font.js';
import type { ExportDocument } from '../export-types.js';
import { intervalOf } from '../property-columns.js';
import { chartJpeg } from './chart-png.js';
import { chartLayoutOf } from './layout-cache.js';
import { drawTable } from './pdf-table.js';
import { shortArguments } from './provenance-entries.js';
import { fieldZh, valueZh, wordZh } from '../../words-zh.js';
import { cstText } from '../../techniques/technique-arguments.js';

/** A dossier is read by people: beyond this the tables point to the data files instead. */
export const PDF_TABLE_ROWS_MAX = 500;
const BOOKKEEPING = new Set(['source', 'sourceId', 'ingestedAt', 'importJob', 'importRun', 'rowHash', 'id', 'name', 'title', 'lat', 'lon']);

/**
 * The PDF dossier: what this is and where it came from, the chart, the entities and the
 * relationships as tables (with each record's source), the paths hop by hop with their
 * sources, and the query and Cypher that produced it. Chinese text uses the Noto CJK font.
 */
export function pdfDossier(doc: ExportDocument): Readable {
  const fontPath = cjkFontPath();
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 40,
    bufferPages: true,
    info: { Title: doc.title, Author: doc.requester.name ?? 'Clew', Subject: `Clew evidence export ${doc.requestId}`, Creator: 'Clew', CreationDate: new Date(doc.createdAt) },
  });
  pdf.registerFont('cjk', fontPath, CJK_POSTSCRIPT_NAME);
  pdf.registerFont('mono', fontPath, 'NotoSansMonoCJKsc-Regular');
  pdf.font('cjk');
  // The chart is rasterized in libvips' threads while the tables are laid out here; its page
  // is left for it and drawn on when it is ready (measured: about 0.6 s of 2.8 s saved on
  // 10,000 nodes, bench/export.bench.ts). Pages are held until then, a few MB at most.
  const chart = chartJpeg(doc, chartLayoutOf(doc)).then(
    (jpeg) => ({ jpeg }),
    (error: unknown) => ({ error }),
  );
  setImmediate(() => {
    let slot: ChartSlot;
    try {
      slot = write(pdf, doc);
    } catch (e) {
      pdf.emit('error', e);
      return;
    }
    void chart.then((ready) => {
      if ('error' in ready) return void pdf.emit('error', ready.error);
      try {
        pdf.switchToPage(slot.page);
        pdf.image(ready.jpeg, slot.x, slot.y, { fit: slot.fit, align: 'center' });
        pdf.flushPages();
      } catch (e) {
        pdf.emit('error', e);
        return;
      }
      pdf.end();
    });
  });
  return pdf as unknown as Readable;
}

/** Where the chart goes: its page (buffered) and box. */
interface ChartSlot {
  page: number;
  x: number;
  y: number;
  fit: [number, number];
}

/** A code after its Chinese word (研判民警 ANALYST), or alone when it has none. */
const withWord = (word: string, code: string) => (word === code ? code : `${word} ${code}`);

/** An instant as the reader's clock shows it, the exact stored value after it: 2026-11-30 08:55:27 北京时间 (2026-11-30T00:55:27.665Z). */
function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${cstText(ms).slice(0, 19).replace('T', ' ')} 北京时间 Beijing time (${iso})`;
}

function write(pdf: PDFKit.PDFDocument, doc: ExportDocument): ChartSlot {
  const r = doc.requester;
  pdf.fontSize(18).text(doc.title);
  pdf.fontSize(10).fillColor('#495057').text('证据导出材料 · Clew evidence export').moveDown();
  const facts: [string, string][] = [
    ['导出编号 Export id', doc.requestId],
    ['导出时间 Exported at', beijingTime(doc.createdAt)],
    ['导出人 Exported by', [r.name ?? r.kind, r.role ? withWord(wordZh('role', r.role), r.role) : null].filter(Boolean).join(' · ')],
    ['单位 Unit', r.unit ?? '—'],
    ['案件编号 Case number', r.caseNumber ?? '—'],
    ['事由 Purpose', r.reason ?? '—'],
    ['产生方式 Produced by', `${doc.origin.operation} ${JSON.stringify(shortArguments(doc.origin.arguments))}`],
    ['数据状态 Database state', `读取于 ${beijingTime(doc.database.readAt)}; bookmark ${doc.database.bookmark ?? '—'}; 最近导入 ${doc.database.lastImportJob ?? '—'} ${doc.database.lastImportEndedAt ? beijingTime(doc.database.lastImportEndedAt) : ''}`],
    ['数量 Counts', `${doc.subgraph.nodes.length} 个实体 entities, ${doc.subgraph.edges.length} 条关系 relationships, ${doc.paths.length} 条路径 paths`],
    ['脱敏 Masking', doc.masked ? '身份证号、手机号已脱敏 resident IDs and phone numbers masked' : '未脱敏 not masked'],
  ];
  if (doc.origin.techniqueRun) facts.splice(7, 0, ['技战法 Technique run', JSON.stringify(shortArguments(doc.origin.techniqueRun))]);
  drawTable(pdf, [{ title: '项目 Item', share: 1 }, { title: '内容 Value', share: 3 }], facts.map(([k, v]) => [k, v]), 9);
  pdf.fontSize(8).fillColor('#495057').text('在证据包中, 每个文件的 SHA-256 都记录在 manifest.json 并由 Clew 服务器签名; 用 npm run verify-export -- 包.zip 离线核验。', { width: 500 });

  pdf.addPage({ size: 'A4', layout: 'landscape', margin: 30 });
  pdf.fontSize(12).fillColor('#212529').text('关系图 Chart');
  const range = pdf.bufferedPageRange();
  const slot: ChartSlot = { page: range.start + range.count - 1, x: pdf.x, y: pdf.y, fit: [pdf.page.width - 60, pdf.page.height - 90] };

  pdf.addPage({ size: 'A4', layout: 'portrait', margin: 40 });
  section(pdf, `实体 Entities (${doc.subgraph.nodes.length})`);
  drawTable(
    pdf,
    [{ title: '编号 Id', share: 2.2 }, { title: '类型 Kind', share: 1 }, { title: '名称 Label', share: 1.6 }, { title: '信息 Details', share: 3.4 }, { title: '来源 Source', share: 1.8 }],
    capped(doc.subgraph.nodes, pdf).map((n) => [n.id, kindStyle(n.kind).name, n.label, detailsOf(n), sourceOf(n)]),
    8,
  );
  const labels = new Map(doc.subgraph.nodes.map((n) => [n.id, n.label]));
  section(pdf, `关系 Relationships (${doc.subgraph.edges.length})`);
  drawTable(
    pdf,
    [{ title: '类型 Kind', share: 1.1 }, { title: '起点 From', share: 1.6 }, { title: '终点 To', share: 1.6 }, { title: '时间 When', share: 2.2 }, { title: '信息 Details', share: 1.8 }, { title: '来源 Source', share: 1.8 }],
    capped(doc.subgraph.edges, pdf).map((e) => [relationName(e.kind), labels.get(e.source) ?? e.source, labels.get(e.target) ?? e.target, whenOf(e), detailsOf(e), sourceOf(e)]),
    8,
  );
  if (doc.paths.length > 0) {
    section(pdf, `路径 Paths (${doc.paths.length})`);
    doc.paths.forEach((path, i) => {
      pdf.fontSize(9).fillColor('#212529').text(`路径 ${i + 1}: ${path.nodeIds.map((id) => labels.get(id) ?? id).join(' → ')} (${path.hops.length} 跳 hops)`);
      drawTable(
        pdf,
        [{ title: '一跳 Hop', share: 2.6 }, { title: '关系 Relation', share: 1.2 }, { title: '时间 When', share: 2 }, { title: '来源 Source (记录 record, 导入 import)', share: 3 }],
        path.hops.map((h) => [`${labels.get(h.from) ?? h.from} → ${labels.get(h.to) ?? h.to}`, relationName(h.kind), whenOf(h), `${sourceOf(h)} · ${String(h.properties.importJob ?? '—')}`]),
      );
    });
  }
  section(pdf, '产生此材料的查询 The query that produced it');
  pdf.fontSize(9).fillColor('#212529').text(`${doc.origin.operation}(${JSON.stringify(shortArguments(doc.origin.arguments), null, 1)})`);
  for (const file of doc.origin.statements) {
    pdf.moveDown(0.5).fontSize(8).fillColor('#495057').text(`cypher/${file}.cypher`);
    pdf.font('mono').fontSize(7).fillColor('#212529').text(cypher(file)).font('cjk');
  }
  return slot;
}

function section(pdf: PDFKit.PDFDocument, title: string): void {
  if (pdf.y > pdf.page.height - 120) pdf.addPage();
  pdf.moveDown(0.5).fontSize(12).fillColor('#212529').text(title).moveDown(0.3);
}

function capped<T>(items: T[], pdf: PDFKit.PDFDocument): T[] {
  if (items.length <= PDF_TABLE_ROWS_MAX) return items;
  pdf.fontSize(8).fillColor('#c92a2a').text(`只列出前 ${PDF_TABLE_ROWS_MAX} 行, 共 ${items.length} 行; 全部数据见证据包中的 CSV / GraphML 文件。Only the first ${PDF_TABLE_ROWS_MAX} of ${items.length} rows are listed; the package's data files hold all.`);
  return items.slice(0, PDF_TABLE_ROWS_MAX);
}

/** A record's properties in one cell, cut at 300 characters (a case description can run to pages). */
function detailsOf(element: GraphNode | GraphEdge): string {
  const text = Object.entries(element.properties)
    .filter(([k, v]) => !BOOKKEEPING.has(k) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && !['checkIn', 'checkOut', 'at', 'until'].includes(k))
    .map(([k, v]) => `${fieldZh(k)}: ${(Array.isArray(v) ? v : [v]).map((x) => valueZh(k, String(x))).join(', ')}`)
    .join('; ');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function sourceOf(element: GraphNode | GraphEdge): string {
  const p = element.properties;
  return [p.source, p.sourceId].filter((v) => typeof v === 'string' && v !== '').join(' / ') || '—';
}

function whenOf(edge: GraphEdge): string {
  const t = intervalOf(edge.properties);
  return t ? `${t.start}${t.end && t.end !== t.start ? ` — ${t.end}` : ''}` : '—';
}
