// The report's input: a preset ('2026-H1', '2026-H2', '2026') or a range of days; bad input names its field.
import { z } from 'zod';
import { isRealCalendarDate } from './dates.ts';
import { periodFromPreset, type ReportPeriod } from './report-periods.ts';
import { exportableTableIds } from './report-tables.ts';
import { blankToUndefined } from './schemas.ts';
import { keyError } from './validation-keys.ts';

/** Longer periods are refused: the report is about follow-up, and the query's cost grows with the range. */
export const maxReportPeriodDays = 366 * 5;

/** Years a report can cover: Swedish time-zone rules before 1900 are not whole hours, and nothing is that old. */
const firstYear = 1990;
const lastYear = 2100;
const inYears = (value: string) => Number(value.slice(0, 4)) >= firstYear && Number(value.slice(0, 4)) <= lastYear;

const day = z.preprocess(
  blankToUndefined,
  z
    .string({ error: keyError('validation.invalidDate') })
    .refine((v) => isRealCalendarDate(v) && inYears(v), { error: 'validation.invalidDate' })
    .optional(),
);

export const reportQuerySchema = z
  .object({
    preset: z.preprocess(
      blankToUndefined,
      z
        .string({ error: 'validation.invalidOption' })
        .refine((v) => /^\d{4}(-H[12])?$/.test(v) && inYears(v), { error: 'validation.invalidOption' })
        .optional(),
    ),
    from: day,
    to: day,
  })
  .superRefine((value, ctx) => {
    if (value.preset) return;
    if (!value.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'validation.required' });
    if (!value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.required' });
    if (value.from && value.to) {
      if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodOrder' });
      else if ((Date.parse(value.to) - Date.parse(value.from)) / 86_400_000 > maxReportPeriodDays) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodTooLong' });
      }
    }
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The period a valid query names (a preset wins over a range). */
export function periodOfQuery(query: ReportQuery): ReportPeriod {
  if (query.preset) {
    const period = periodFromPreset(query.preset);
    if (period) return period;
  }
  return { from: query.from!, to: query.to! };
}

export const exportFormats = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormatCode = (typeof exportFormats)[number];

/** What an export holds: one table (CSV always, XLSX optionally) or the whole report (XLSX, PDF). */
export const reportExportSchema = z
  .object({
    format: z.enum(exportFormats, { error: keyError('validation.invalidOption') }),
    table: z.preprocess(blankToUndefined, z.enum(exportableTableIds, { error: 'validation.invalidOption' }).optional()),
  })
  .and(reportQuerySchema)
  .superRefine((value, ctx) => {
    if (value.format === 'csv' && !value.table) ctx.addIssue({ code: 'custom', path: ['table'], message: 'validation.required' });
  });
export type ReportExportQuery = z.infer<typeof reportExportSchema>;

/** Recomputing stored figures (issue 9): only a half-year preset can be stored, so only one can be recomputed. */
export const figuresRecomputeSchema = z.object({
  preset: z
    .string({ error: 'validation.invalidOption' })
    .refine((v) => /^\d{4}-H[12]$/.test(v) && inYears(v), { error: 'validation.invalidOption' }),
});
export type FiguresRecomputeQuery = z.infer<typeof figuresRecomputeSchema>;
