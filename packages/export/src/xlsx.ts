// XLSX with exceljs: one sheet per table, numbers as numbers (so a manager can sum them) and "<5" as text.
import ExcelJS from 'exceljs';
import type { ExportTable } from './table.ts';

/** Excel refuses sheet names over 31 characters, with []:*?/\ in them, or twice in one workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Tabell';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function tablesToXlsx(tables: ExportTable[], meta: { title?: string; creator?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator ?? 'Utväg';
  workbook.title = meta.title ?? '';
  workbook.created = new Date();
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken));
    sheet.columns = table.columns.map((c, i) => ({ header: c.label, key: c.key, width: i === 0 ? 32 : Math.max(10, c.label.length + 2) }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, row[c.key] ?? null])));
    if (table.note) sheet.addRow([]).commit();
    if (table.note) sheet.addRow([table.note]).font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
