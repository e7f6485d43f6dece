// Every format is read back with an independent reader: CSV parsed with csv-parse, XLSX opened with exceljs,
// the PDF's text extracted with pdf-parse (PDF.js).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { csvDelimiter, documentToPdf, fileStem, tablesToXlsx, tableToCsv, type ExportTable } from '../src/index.ts';

const referrals: ExportTable = {
  title: 'Hänvisningar efter källa och utfall',
  columns: [
    { key: 'source', label: 'Källa' },
    { key: 'caseOpened', label: 'Ärende öppnat' },
    { key: 'notForUs', label: 'Inte för oss' },
  ],
  rows: [
    { source: 'Polisen', caseOpened: 12, notForUs: '<5' },
    { source: 'Skola; "Norrby" gymnasium', caseOpened: 0, notForUs: 7 },
    { source: 'Egen ansökan', caseOpened: null, notForUs: 5 },
    { source: 'Median (timmar)', caseOpened: 12.5, notForUs: 0.5 },
  ],
  note: 'Värden under 5 visas som <5.',
};

const long: ExportTable = {
  title: 'En mycket lång tabelltitel som inte får plats som bladnamn i Excel',
  columns: [
    { key: 'band', label: 'Åldersgrupp' },
    { key: 'n', label: 'Antal' },
  ],
  rows: Array.from({ length: 120 }, (_, i) => ({ band: `Rad ${i + 1} – ålder`, n: i })),
};

describe('CSV', () => {
  it('parses back to the same header and cells, with quotes, semicolons and å, ä, ö intact', () => {
    const csv = tableToCsv(referrals);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(csv, { delimiter: csvDelimiter, bom: true });
    expect(rows).toEqual([
      ['Källa', 'Ärende öppnat', 'Inte för oss'],
      ['Polisen', '12', '<5'],
      ['Skola; "Norrby" gymnasium', '0', '7'],
      ['Egen ansökan', '', '5'],
      ['Median (timmar)', '12,5', '0,5'],
    ]);
    expect(tableToCsv(referrals, { decimalComma: false })).toContain('Median (timmar);12.5;0.5');
  });
});

describe('XLSX', () => {
  it('opens with one sheet per table, numbers as numbers and suppressed cells as text', async () => {
    const buffer = await tablesToXlsx([referrals, long, { ...long, title: long.title }], { title: 'Halvårsrapport' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe('Hänvisningar efter källa och ut');
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    const sheet = workbook.worksheets[0]!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Källa', 'Ärende öppnat', 'Inte för oss']);
    expect(values(2)).toEqual(['Polisen', 12, '<5']);
    expect(values(3)).toEqual(['Skola; "Norrby" gymnasium', 0, 7]);
    expect(sheet.getRow(4).getCell(1).value).toBe('Egen ansökan');
    expect(sheet.getRow(4).getCell(2).value).toBeNull();
    expect(values(5)).toEqual(['Median (timmar)', 12.5, 0.5]);
    expect(sheet.getRow(7).getCell(1).value).toBe('Värden under 5 visas som <5.');
    expect(workbook.worksheets[1]!.rowCount).toBe(121);
  });
});

describe('PDF', () => {
  it('holds the title, every table heading, header and cell as extractable text, over several pages', async () => {
    const buffer = await documentToPdf({
      title: 'Halvårsrapport 2026 H1',
      subtitle: ['Period: 2026-01-01 – 2026-06-30', 'Testkommun'],
      tables: [referrals, long],
      pageLabel: 'Sida {page} av {pages}',
    });
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(buffer) });
    try {
      const result = await parser.getText();
      const text = result.text;
      for (const expected of ['Halvårsrapport 2026 H1', 'Period: 2026-01-01 – 2026-06-30', 'Hänvisningar efter källa och utfall', 'Ärende öppnat', 'Polisen', '<5', 'Värden under 5 visas som <5.', 'Rad 120 – ålder', 'Åldersgrupp']) {
        expect(text).toContain(expected);
      }
      expect(result.total).toBeGreaterThan(1);
      expect(text).toContain(`Sida 1 av ${result.total}`);
      // The header is repeated on the following pages.
      expect(text.split('Åldersgrupp').length - 1).toBeGreaterThan(1);
    } finally {
      await parser.destroy();
    }
  });
});

it('makes file names from titles', () => {
  expect(fileStem('Hänvisningar efter källa & utfall')).toBe('hanvisningar-efter-kalla-utfall');
  expect(fileStem('???')).toBe('export');
});
