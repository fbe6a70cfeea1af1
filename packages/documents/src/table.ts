// A bordered table that breaks between rows, never inside one, and repeats its header on each page.
import { FONT } from './fonts.ts';
import { contentBottom, contentLeft, contentWidth, type PdfDocument } from './layout.ts';

export interface TableColumn {
  header: string;
  /** Share of the content width, relative to the other columns. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableStyle {
  fontSize: number;
  padding: number;
  /** Leaves room to sign by hand in every row. */
  minRowHeight: number;
}

const DEFAULT_STYLE: TableStyle = { fontSize: 10, padding: 4, minRowHeight: 0 };

interface Layout {
  xs: number[];
  widths: number[];
  style: TableStyle;
  columns: readonly TableColumn[];
}

function layOut(doc: PdfDocument, columns: readonly TableColumn[], style: TableStyle): Layout {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (contentWidth(doc) * column.weight) / total);
  const xs: number[] = [];
  let x = contentLeft(doc);
  for (const width of widths) {
    xs.push(x);
    x += width;
  }
  return { xs, widths, style, columns };
}

function measureRow(doc: PdfDocument, cells: readonly string[], layout: Layout, font: string): number {
  const { padding, fontSize } = layout.style;
  doc.font(font).fontSize(fontSize);
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell || ' ', { width: (layout.widths[i] ?? 0) - 2 * padding }),
  );
  return Math.max(...heights) + 2 * padding;
}

function drawRow(
  doc: PdfDocument,
  cells: readonly string[],
  layout: Layout,
  font: string,
  isHeader: boolean,
): void {
  const { padding, fontSize, minRowHeight } = layout.style;
  const available = contentBottom(doc) - doc.y;
  const measured = Math.max(measureRow(doc, cells, layout, font), isHeader ? 0 : minRowHeight);
  // Only a single cell longer than a whole page gets here; it is cut with an ellipsis rather
  // than spilling over the footer.
  const height = Math.min(measured, available);
  const y = doc.y;
  cells.forEach((cell, i) => {
    const x = layout.xs[i] ?? 0;
    const width = layout.widths[i] ?? 0;
    if (isHeader) doc.rect(x, y, width, height).fillAndStroke('#e8e8e8', '#000000');
    else doc.rect(x, y, width, height).stroke('#000000');
    doc
      .fillColor('#000000')
      .font(font)
      .fontSize(fontSize)
      .text(cell, x + padding, y + padding, {
        width: width - 2 * padding,
        height: height - 2 * padding,
        ellipsis: measured > height,
        align: isHeader ? 'center' : (layout.columns[i]?.align ?? 'left'),
      });
  });
  doc.x = contentLeft(doc);
  doc.y = y + height;
}

export function drawTable(
  doc: PdfDocument,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  style: Partial<TableStyle> = {},
): void {
  const layout = layOut(doc, columns, { ...DEFAULT_STYLE, ...style });
  const headers = columns.map((column) => column.header);
  const headerHeight = measureRow(doc, headers, layout, FONT.bold);
  const rowHeight = (row: readonly string[]) =>
    Math.max(measureRow(doc, row, layout, FONT.regular), layout.style.minRowHeight);

  // Never leave a header alone at the foot of a page.
  const first = rows[0];
  if (doc.y + headerHeight + (first ? rowHeight(first) : 0) > contentBottom(doc)) doc.addPage();
  drawRow(doc, headers, layout, FONT.bold, true);
  for (const row of rows) {
    if (doc.y + rowHeight(row) > contentBottom(doc) && doc.y > doc.page.margins.top + headerHeight + 1) {
      doc.addPage();
      drawRow(doc, headers, layout, FONT.bold, true);
    }
    drawRow(doc, row, layout, FONT.regular, false);
  }
  doc.moveDown(0.6);
  doc.font(FONT.regular);
}
