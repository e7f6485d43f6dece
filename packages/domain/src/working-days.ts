// Swedish working days, computed for any year (issue 5: "compute them; do not hard-code a year").
// Public holidays: lag (1989:253) om allmänna helgdagar. A statutory deadline that falls on a Saturday, a
// Sunday, a public holiday, Midsummer Eve, Christmas Eve or New Year's Eve moves to the next working day:
// lag (1930:173) om beräkning av lagstadgad tid — so those three eves are non-working days too.
import { formatCalendarDate, parseCalendarDate } from './dates.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' (calendar arithmetic in UTC, where every day has 24 hours). */
function toDayNumber(date: string): number {
  const d = parseCalendarDate(date);
  if (!d) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return formatCalendarDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatCalendarDate({ year, month, day });
}

/** The first date on `wantedWeekday` within [from, from + 6]. */
function weekdayOnOrAfter(from: string, wantedWeekday: number): string {
  return addCalendarDays(from, (wantedWeekday - weekday(from) + 7) % 7);
}

export const swedishHolidayNames = [
  'newYearsDay', 'epiphany', 'goodFriday', 'easterSunday', 'easterMonday', 'mayDay', 'ascensionDay',
  'whitSunday', 'nationalDay', 'midsummerEve', 'midsummerDay', 'allSaintsDay', 'christmasEve', 'christmasDay',
  'boxingDay', 'newYearsEve',
] as const;
export type SwedishHolidayName = (typeof swedishHolidayNames)[number];

/** Every day of the year that is not a working day besides weekends: public holidays plus the three eves. */
export function swedishNonWorkingHolidays(year: number): Record<SwedishHolidayName, string> {
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const midsummerDay = weekdayOnOrAfter(`${y}-06-20`, 6);
  return {
    newYearsDay: `${y}-01-01`,
    epiphany: `${y}-01-06`,
    goodFriday: addCalendarDays(easter, -2),
    easterSunday: easter,
    easterMonday: addCalendarDays(easter, 1),
    mayDay: `${y}-05-01`,
    ascensionDay: addCalendarDays(easter, 39),
    whitSunday: addCalendarDays(easter, 49),
    nationalDay: `${y}-06-06`,
    midsummerEve: addCalendarDays(midsummerDay, -1),
    midsummerDay,
    allSaintsDay: weekdayOnOrAfter(`${y}-10-31`, 6),
    christmasEve: `${y}-12-24`,
    christmasDay: `${y}-12-25`,
    boxingDay: `${y}-12-26`,
    newYearsEve: `${y}-12-31`,
  };
}

const holidayCache = new Map<number, Set<string>>();
function holidaySet(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(Object.values(swedishNonWorkingHolidays(year)));
    holidayCache.set(year, set);
  }
  return set;
}

export function isSwedishWorkingDay(date: string): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  return !holidaySet(Number(date.slice(0, 4))).has(date);
}

/**
 * The `n`th working day after `date` (n ≥ 1), or for n = 0 the date itself if it is a working day and
 * otherwise the next one. "Within 2 working days" of a Friday-afternoon referral is the end of Tuesday.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let current = date;
  if (n === 0) {
    while (!isSwedishWorkingDay(current)) current = addCalendarDays(current, 1);
    return current;
  }
  for (let left = n; left > 0; ) {
    current = addCalendarDays(current, 1);
    if (isSwedishWorkingDay(current)) left -= 1;
  }
  return current;
}

/** Working days in (from, to]: how many addWorkingDays steps lie between two dates (0 when to ≤ from). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isSwedishWorkingDay(d)) count += 1;
  return count;
}
