// The one shape every export format takes: a titled table of already translated labels and already suppressed
// cells. The package knows nothing of the domain, so a caller cannot smuggle person data in by accident:
// it only ever sees what the caller chose to put in a cell.

/** A cell: a count or a figure, a text such as "<5" (a suppressed count) or a label, or empty. */
export type Cell = string | number | null;

export interface ExportColumn {
  key: string;
  label: string;
}

export interface ExportTable {
  /** Also the XLSX sheet name (shortened to Excel's 31 characters) and the file name's stem. */
  title: string;
  columns: ExportColumn[];
  rows: Record<string, Cell>[];
  /** A line under the table, e.g. how small numbers are shown. */
  note?: string;
}

export interface ExportDocument {
  title: string;
  /** Lines under the title: period, organisation, when it was made. */
  subtitle?: string[];
  tables: ExportTable[];
  /** Words for the page footer; `{page}` and `{pages}` are replaced. */
  pageLabel?: string;
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell;
}

/** A file name stem from a title: letters, digits and dashes only (å, ä, ö kept as a, a, o). */
export function fileStem(title: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii || 'export';
}
