/** A column of a dossier table: its heading and its share of the page width. */
export interface TableColumn {
  title: string;
  share: number;
}

const PADDING = 3;

/**
 * Draws a table with pdfkit: a shaded heading row, wrapped cell text, thin rules, and the
 * heading repeated at the top of each new page. pdfkit draws text and lines but has no
 * tables; this is the layout arithmetic only. `lines`: rows of at most that many lines,
 * the rest cut with an ellipsis — measuring each cell (heightOfString) costs milliseconds
 * with a CJK font, seconds over a thousand rows — or 'all' to fit every word.
 */
export function drawTable(doc: PDFKit.PDFDocument, columns: TableColumn[], rows: string[][], fontSize = 8, lines: number | 'all' = 'all'): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * width);
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const fixed = lines === 'all' ? null : lines * fontSize * 1.3 + 2 * PADDING;
  const heightOf = (cells: string[]) =>
    fixed ?? Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * PADDING }))) + 2 * PADDING;

  const drawRow = (cells: string[], heading: boolean) => {
    doc.fontSize(fontSize);
    const h = heading ? Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * PADDING }))) + 2 * PADDING : heightOf(cells);
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!heading) drawRow(columns.map((c) => c.title), true);
    }
    const y = doc.y;
    if (heading) doc.save().rect(left, y, width, h).fill('#e9ecef').restore();
    let x = left;
    cells.forEach((text, i) => {
      doc.fillColor('#212529').text(text, x + PADDING, y + PADDING, { width: widths[i]! - 2 * PADDING, lineBreak: true, ...(fixed && !heading ? { height: fixed - 2 * PADDING, ellipsis: true } : {}) });
      x += widths[i]!;
    });
    doc.save().moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.3).strokeColor('#adb5bd').stroke().restore();
    doc.x = left;
    doc.y = y + h;
  };

  drawRow(columns.map((c) => c.title), true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.5);
}
