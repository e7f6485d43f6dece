// Calendar-day arithmetic on 'YYYY-MM-DD' strings for cost accrual. Days are counted in UTC so a day is always
// one day, whatever the clocks do at the summer-time change.
import { daysInMonth, formatCalendarDate, parseCalendarDate } from '../dates.ts';

const msPerDay = 86_400_000;

export function dayNumber(date: string): number {
  const d = parseCalendarDate(date);
  if (!d) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(d.year, d.month - 1, d.day) / msPerDay;
}

export function dateOfDayNumber(n: number): string {
  const d = new Date(n * msPerDay);
  return formatCalendarDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

export interface DateRange {
  from: string;
  to: string;
}

/** The overlap of two inclusive ranges, or null. */
export function intersect(a: DateRange, b: DateRange): DateRange | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

/** The calendar months an inclusive range touches, each cut to the range. */
export function monthSlices(range: DateRange): Array<DateRange & { year: number; month: number; daysInMonth: number }> {
  const slices = [];
  let cursor = range.from;
  while (cursor <= range.to) {
    const d = parseCalendarDate(cursor)!;
    const dim = daysInMonth(d.year, d.month);
    const monthEnd = formatCalendarDate({ year: d.year, month: d.month, day: dim });
    const to = monthEnd < range.to ? monthEnd : range.to;
    slices.push({ from: cursor, to, year: d.year, month: d.month, daysInMonth: dim });
    cursor = addDays(to, 1);
  }
  return slices;
}

export function yearRange(year: number): DateRange {
  return { from: `${String(year).padStart(4, '0')}-01-01`, to: `${String(year).padStart(4, '0')}-12-31` };
}
