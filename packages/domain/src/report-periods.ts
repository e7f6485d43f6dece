// Report periods (issue 8): any range of whole Swedish calendar days, with half-years and years as presets
// because Uppsala follows its programme up every half year and budgets per year (DOMAIN.md §8).
import { addCalendarDays } from './working-days.ts';
import { calendarDateInSweden, parseCalendarDate } from './dates.ts';
import { startOfSwedishDay } from './clocks.ts';

/** Inclusive: from the first day's start to the last day's end, Swedish time. */
export interface ReportPeriod {
  from: string;
  to: string;
}

export type PeriodPreset = `${number}-H1` | `${number}-H2` | `${number}`;

const presetPattern = /^(\d{4})(?:-H([12]))?$/;

export function halfYear(year: number, half: 1 | 2): ReportPeriod {
  return half === 1 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

export function wholeYear(year: number): ReportPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** '2026-H1', '2026-H2' or '2026'; null for anything else. */
export function periodFromPreset(preset: string): ReportPeriod | null {
  const match = presetPattern.exec(preset);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return wholeYear(year);
  return halfYear(year, match[2] === '1' ? 1 : 2);
}

/** The preset a period is, if it is one (so the picker can show it selected). */
export function presetOf(period: ReportPeriod): PeriodPreset | null {
  const from = parseCalendarDate(period.from);
  if (!from) return null;
  const year = from.year;
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return `${year}`;
  if (period.from === `${year}-01-01` && period.to === `${year}-06-30`) return `${year}-H1`;
  if (period.from === `${year}-07-01` && period.to === `${year}-12-31`) return `${year}-H2`;
  return null;
}

/** The half-year a calendar day falls in. */
export function halfYearOf(date: string): { year: number; half: 1 | 2 } {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new RangeError(`Not a calendar date: ${date}`);
  return { year: parsed.year, half: parsed.month <= 6 ? 1 : 2 };
}

/** The latest half-year that has ended by `today`: the report a manager most likely wants. */
export function lastCompletedHalfYear(today: Date | string): ReportPeriod {
  const { year, half } = halfYearOf(calendarDateInSweden(today));
  return half === 2 ? halfYear(year, 1) : halfYear(year - 1, 2);
}

/** The `count` half-years ending with the one containing `today`, oldest first (the dashboard's trends). */
export function recentHalfYears(today: Date | string, count = 8): (ReportPeriod & { label: string })[] {
  let { year, half } = halfYearOf(calendarDateInSweden(today));
  const periods: (ReportPeriod & { label: string })[] = [];
  for (let i = 0; i < count; i++) {
    periods.unshift({ ...halfYear(year, half), label: `${year}-H${half}` });
    if (half === 1) {
      half = 2;
      year -= 1;
    } else half = 1;
  }
  return periods;
}

/** The instants a period covers: [start, end), for SQL. */
export function periodBounds(period: ReportPeriod): { start: Date; end: Date } {
  return { start: startOfSwedishDay(period.from), end: startOfSwedishDay(addCalendarDays(period.to, 1)) };
}

/** The presets offered in the period picker: the half-years and years from `firstYear` to this year. */
export function periodPresets(today: Date | string, firstYear: number): PeriodPreset[] {
  const { year, half } = halfYearOf(calendarDateInSweden(today));
  const presets: PeriodPreset[] = [];
  for (let y = year; y >= firstYear; y--) {
    if (y < year || half === 2) presets.push(`${y}-H2`);
    presets.push(`${y}-H1`, `${y}`);
  }
  return presets;
}
