import { Readable } from 'node:stream';
import type { ExportDocument, ExportFormat } from './export-types.js';
import { anx } from './formats/anx.js';
import { chartPng } from './formats/chart-png.js';
import { chartSvg } from './formats/chart-svg.js';
import { csvZip } from './formats/csv-zip.js';
import { cytoscapeJson } from './formats/cytoscape-json.js';
import { gexf } from './formats/gexf.js';
import { graphml } from './formats/graphml.js';
import { chartLayoutOf } from './formats/layout-cache.js';
import { pdfDossier } from './formats/pdf-dossier.js';

export interface FormatInfo {
  format: ExportFormat;
  /** The file's name inside a package, and the download's default name. */
  fileName: string;
  mediaType: string;
  description: string;
  /** The file's bytes as a stream; `mtime` is stamped on entries of a zipped format. */
  produce(doc: ExportDocument, mtime: Date): Readable;
}

const text = (pieces: () => Iterable<string>) => Readable.from(pieces(), { objectMode: false });

export const FORMATS: Record<ExportFormat, FormatInfo> = {
  ANX: {
    format: 'ANX',
    fileName: 'chart.anx',
    mediaType: 'application/xml',
    description: "i2 Analyst's Notebook chart (XML): entity and link types, attributes, dates, source references",
    produce: (doc) => text(() => anx(doc)),
  },
  GRAPHML: {
    format: 'GRAPHML',
    fileName: 'graph.graphml',
    mediaType: 'application/graphml+xml',
    description: 'GraphML 1.0 with typed properties (yEd, Gephi, NetworkX, igraph)',
    produce: (doc) => text(() => graphml(doc)),
  },
  GEXF: {
    format: 'GEXF',
    fileName: 'graph.gexf',
    mediaType: 'application/xml',
    description: 'GEXF 1.3 for Gephi; movements carry time intervals for the timeline',
    produce: (doc) => text(() => gexf(doc)),
  },
  CSV: {
    format: 'CSV',
    fileName: 'records-csv.zip',
    mediaType: 'application/zip',
    description: "Clew exchange-format CSV, one file per kind (nodes/, edges/, context/), zipped; imports again",
    produce: (doc, mtime) => csvZip(doc, mtime),
  },
  CYTOSCAPE_JSON: {
    format: 'CYTOSCAPE_JSON',
    fileName: 'graph.cyjs',
    mediaType: 'application/json',
    description: 'Cytoscape JSON elements (Cytoscape.js and Cytoscape desktop) with positions',
    produce: (doc) => text(() => cytoscapeJson(doc)),
  },
  SVG: {
    format: 'SVG',
    fileName: 'chart.svg',
    mediaType: 'image/svg+xml',
    description: 'The chart as SVG, drawn by the server from the exported data',
    produce: (doc) => text(() => chartSvg(doc, chartLayoutOf(doc))),
  },
  PNG: {
    format: 'PNG',
    fileName: 'chart.png',
    mediaType: 'image/png',
    description: 'The chart as PNG, drawn by the server from the exported data',
    produce: (doc) =>
      Readable.from(
        (async function* () {
          yield await chartPng(doc, chartLayoutOf(doc));
        })(),
      ),
  },
  PDF: {
    format: 'PDF',
    fileName: 'dossier.pdf',
    mediaType: 'application/pdf',
    description: 'PDF dossier: provenance, chart, entities and relationships, paths with sources, the query',
    produce: (doc) => pdfDossier(doc),
  },
};
