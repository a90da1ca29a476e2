import sharp from 'sharp';
import { cjkFontPath } from '../cjk-font.js';
import type { ChartLayout, ExportDocument } from '../export-types.js';
import { chartSvg, chartWidth, isLargeChart } from './chart-svg.js';

/** Wide enough to read labels when printed; bounded so a 10,000-node chart stays a few MB. */
const PNG_WIDTH_MIN = 1600;
const PNG_WIDTH_MAX = 3000;
/** Large charts: the cost is per line drawn, and at this width the overview is still clear. */
const PNG_WIDTH_LARGE = 2000;

/** The chart's SVG as one string (the rasterizer needs the whole document). */
export function chartSvgText(doc: ExportDocument, layout: ChartLayout): string {
  return [...chartSvg(doc, layout)].join('');
}

/**
 * The chart rasterized by sharp (libvips with librsvg and Pango, which find the Noto CJK
 * font through fontconfig and cache it: resvg re-read the 19 MB font for every label and
 * took seconds for a few hundred). The font check runs first, so a machine without the
 * font gets the sentence that says what to install instead of a picture of empty boxes.
 */
export async function chartPng(doc: ExportDocument, layout: ChartLayout, svg = chartSvgText(doc, layout)): Promise<Buffer> {
  return (await rasterized(doc, layout, svg)).png({ compressionLevel: 4 }).toBuffer();
}

/** The chart as JPEG for the PDF: pdfkit embeds JPEG bytes as they are, but decodes and re-encodes PNG in JavaScript (minutes for a large chart). */
export async function chartJpeg(doc: ExportDocument, layout: ChartLayout): Promise<Buffer> {
  return (await rasterized(doc, layout, chartSvgText(doc, layout))).jpeg({ quality: 88 }).toBuffer();
}

async function rasterized(doc: ExportDocument, layout: ChartLayout, svg: string) {
  cjkFontPath();
  const svgWidth = chartWidth(doc, layout);
  const width = isLargeChart(doc) ? PNG_WIDTH_LARGE : Math.min(PNG_WIDTH_MAX, Math.max(PNG_WIDTH_MIN, Math.round(svgWidth * 1.5)));
  // librsvg renders at 72 dpi by default, one pixel per SVG unit.
  return sharp(Buffer.from(svg, 'utf8'), { density: (72 * width) / svgWidth, limitInputPixels: false }).flatten({ background: '#ffffff' });
}
