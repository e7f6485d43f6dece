export * from './table.ts';
export { tableToCsv, csvDelimiter } from './csv.ts';
export { tablesToXlsx } from './xlsx.ts';
export { documentToPdf } from './pdf.ts';

/** Content types of the three formats, for the HTTP responses that serve them. */
export const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
export type ExportFormat = keyof typeof contentTypes;
