// CSV with csv-stringify. Semicolons and a UTF-8 byte order mark, because Swedish Excel reads a comma as the
// decimal separator and, without the mark, shows å, ä and ö garbled; every other tool reads this too.
import { stringify } from 'csv-stringify/sync';
import { cellText, type Cell, type ExportTable } from './table.ts';

export const csvDelimiter = ';';
const byteOrderMark = '\uFEFF';

/** Decimals with a comma, as Swedish Excel reads them (the reason the delimiter is a semicolon). */
function csvCell(cell: Cell | undefined, decimalComma: boolean): string {
  return typeof cell === 'number' && decimalComma ? String(cell).replace('.', ',') : cellText(cell);
}

export function tableToCsv(table: ExportTable, options: { decimalComma?: boolean } = {}): string {
  const decimalComma = options.decimalComma ?? true;
  const header = table.columns.map((c) => c.label);
  const rows = table.rows.map((row) => table.columns.map((c) => csvCell(row[c.key], decimalComma)));
  return byteOrderMark + stringify([header, ...rows], { delimiter: csvDelimiter, record_delimiter: 'windows' });
}
