// Exports of the follow-up report (issue 8): CSV of one table, XLSX of one table or all, a printable PDF of the
// whole report. Always with small numbers suppressed, whoever asks: a file leaves Utväg's access control. Exports
// hold only aggregate cells, so no person (protected identity or not) can appear in one. Audited like a read.
import { contentTypes, documentToPdf, fileStem, tablesToXlsx, tableToCsv, type ExportTable } from '@utvag/export';
import { reportRowLabelKey, suppressedLabel, tableDefinition, type ReportExportQuery, type ShownTable } from '@utvag/domain';
import { formatDate, getTranslator, type Translate } from '@utvag/i18n';
import type { Context, StaffUser } from '../context.ts';
import type { Action } from '../permissions.ts';
import { regionalReport } from './regional.ts';
import { municipalityReport, type FollowUpReport } from './report.ts';

export interface ExportFile {
  fileName: string;
  contentType: string;
  /** The file's bytes, base64: the procedure answers over HTTP as JSON as well as in process. */
  base64: string;
}

/** Row and column labels of a table, translated; a half-year row (2026-H1) reads as the period. */
export function exportTable(table: ShownTable, t: Translate, threshold: number): ExportTable {
  const definition = tableDefinition(table.id);
  const rowLabel = (key: string) => {
    const half = /^(\d{4})-H([12])$/.exec(key);
    return half ? t('followUp.halfYear', { year: half[1], half: half[2] }) : t(reportRowLabelKey(key));
  };
  return {
    title: t(`followUp.table.${table.id}.title`),
    columns: [{ key: 'label', label: t(`followUp.table.${table.id}.rowHeader`) }, ...definition.columns.map((c) => ({ key: c.key, label: t(`followUp.column.${c.key}`) }))],
    rows: table.rows.map((row) => ({
      label: rowLabel(row.key),
      ...Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, v === 'suppressed' ? suppressedLabel(threshold) : v])),
    })),
    note: table.suppressedCells > 0 ? t('followUp.suppressionNote', { label: suppressedLabel(threshold), threshold }) : undefined,
  };
}

function reportTitle(report: FollowUpReport, t: Translate) {
  return t('followUp.exportTitle', { scope: report.scope.name, from: report.period.from, to: report.period.to });
}

export async function exportReport(
  ctx: Context & { user: StaffUser },
  query: ReportExportQuery,
  kind: 'municipality' | 'region',
  action: Action,
): Promise<ExportFile> {
  const report = kind === 'region' ? await regionalReport(ctx, query, action) : await municipalityReport(ctx, query, action, { suppress: true });
  const t = getTranslator(ctx.locale);
  const threshold = report.suppression.threshold;
  const all = [...report.tables, report.trends].map((table) => exportTable(table, t, threshold));
  const chosen = query.table ? [exportTable([...report.tables, report.trends].find((x) => x.id === query.table)!, t, threshold)] : all;
  const stem = `${fileStem(report.scope.name)}-${report.period.from}-${report.period.to}`;
  if (query.format === 'csv') {
    const table = chosen[0]!;
    return file(`${stem}-${fileStem(table.title)}.csv`, 'csv', Buffer.from(tableToCsv(table), 'utf8'));
  }
  if (query.format === 'xlsx') {
    const name = query.table ? `${stem}-${fileStem(chosen[0]!.title)}.xlsx` : `${stem}.xlsx`;
    return file(name, 'xlsx', await tablesToXlsx(chosen, { title: reportTitle(report, t) }));
  }
  const pdf = await documentToPdf({
    title: reportTitle(report, t),
    subtitle: [
      t('followUp.periodLine', { from: formatDate(report.period.from, ctx.locale), to: formatDate(report.period.to, ctx.locale) }),
      ...(report.scope.kind === 'region' ? [t('followUp.regionMembers', { names: report.scope.municipalities.join(', ') })] : []),
      t('followUp.generatedLine', { at: formatDate(report.generatedAt, ctx.locale) }),
      t('followUp.suppressionNote', { label: suppressedLabel(threshold), threshold }),
    ],
    tables: chosen,
    pageLabel: t('followUp.pageLabel'),
  });
  return file(`${stem}.pdf`, 'pdf', pdf);
}

function file(fileName: string, format: keyof typeof contentTypes, bytes: Buffer): ExportFile {
  return { fileName, contentType: contentTypes[format], base64: bytes.toString('base64') };
}
