// A printable PDF of a whole report with pdfkit: the title, then each table with its heading, header row and
// rows, broken over pages with the header repeated. The built-in Helvetica covers Swedish letters (WinAnsi).
import PDFDocument from 'pdfkit';
import { cellText, type ExportDocument, type ExportTable } from './table.ts';

const margin = 48;
const rowHeight = 16;
const fontSize = 9;

function columnWidths(table: ExportTable, width: number): number[] {
  const count = table.columns.length;
  if (count === 1) return [width];
  // The first column holds the row's label; the figures share the rest.
  const first = Math.min(width * 0.4, Math.max(width / count, 140));
  const rest = (width - first) / (count - 1);
  return [first, ...Array.from({ length: count - 1 }, () => rest)];
}

function drawRow(doc: PDFKit.PDFDocument, cells: string[], widths: number[], y: number, bold: boolean) {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
  let x = margin;
  cells.forEach((text, i) => {
    const width = widths[i]!;
    doc.text(text, x + 2, y + 3, { width: width - 4, height: rowHeight, lineBreak: false, ellipsis: true, align: i === 0 ? 'left' : 'right' });
    x += width;
  });
  doc
    .moveTo(margin, y + rowHeight)
    .lineTo(margin + widths.reduce((a, b) => a + b, 0), y + rowHeight)
    .lineWidth(bold ? 0.8 : 0.3)
    .stroke('#888888');
}

function drawTable(doc: PDFKit.PDFDocument, table: ExportTable) {
  const width = doc.page.width - margin * 2;
  const widths = columnWidths(table, width);
  const bottom = () => doc.page.height - margin - rowHeight * 2;
  const header = table.columns.map((c) => c.label);
  if (doc.y > bottom() - rowHeight * 3) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(12).text(table.title, margin, doc.y, { width });
  doc.moveDown(0.3);
  let y = doc.y;
  drawRow(doc, header, widths, y, true);
  y += rowHeight;
  for (const row of table.rows) {
    if (y > bottom()) {
      doc.addPage();
      y = margin;
      drawRow(doc, header, widths, y, true);
      y += rowHeight;
    }
    drawRow(doc, table.columns.map((c) => cellText(row[c.key])), widths, y, false);
    y += rowHeight;
  }
  doc.x = margin;
  doc.y = y + 6;
  if (table.note) doc.font('Helvetica-Oblique').fontSize(8).text(table.note, margin, doc.y, { width });
  doc.moveDown(1.2);
}

export function documentToPdf(report: ExportDocument): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin, bufferPages: true, info: { Title: report.title, Creator: 'Utväg' }, lang: 'sv-SE', displayTitle: true });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(report.title);
  doc.font('Helvetica').fontSize(10);
  for (const line of report.subtitle ?? []) doc.text(line);
  doc.moveDown(1);
  for (const table of report.tables) drawTable(doc, table);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const label = (report.pageLabel ?? '{page} / {pages}').replace('{page}', String(i + 1)).replace('{pages}', String(range.count));
    // Writing below the bottom margin would make pdfkit add a page; lift the margin for the footer.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).text(label, margin, doc.page.height - margin / 2 - 8, { width: doc.page.width - margin * 2, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
