// Calendar dates as 'YYYY-MM-DD' strings. Ages, bands and deadlines in Utväg are about Swedish calendar days,
// so a Date (an instant) is read in Europe/Stockholm: at 00:30 Swedish time it is already the next day here
// even though UTC still says the day before.

export const swedishTimeZone = 'Europe/Stockholm';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const stockholmDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: swedishTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses 'YYYY-MM-DD' into its parts; null unless it names a real calendar day. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const match = isoDatePattern.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isRealCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== null;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The Swedish calendar day of an instant, or the string itself when already a date. */
export function calendarDateInSweden(at: Date | string): string {
  if (typeof at === 'string') {
    if (!isRealCalendarDate(at)) throw new RangeError(`Not a calendar date: ${at}`);
    return at;
  }
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  const wall = swedishWallClock(at);
  if (!wall) return calendarDateFromParts(at);
  return formatCalendarDate({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() });
}

function calendarDateFromParts(at: Date): string {
  // formatToParts, not format: the locale's pattern is not a contract, the parts are.
  const parts = stockholmDate.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return formatCalendarDate({ year: part('year'), month: part('month'), day: part('day') });
}

// Every change of Sweden's offset from UTC since 1900 falls on a whole UTC hour (01:00 UTC under today's EU rules;
// dates.test.ts checks against Intl): one Intl conversion per UTC hour answers every instant in it. The inbox reads the Swedish day and hour of
// every row's instants on every request, and formatToParts was 4 % of the page's CPU profile (issue 9). Before 1900
// the zone had local mean time offsets with seconds, changed mid-hour, so older instants take the slow path.
const hourMs = 3_600_000;
const firstWholeHourTransition = Date.UTC(1900, 0, 1);
const offsetsByUtcHour = new Map<number, number>();
const maxCachedHours = 100_000; // about 11 years of distinct hours; cleared, not evicted, past that

const stockholmWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: swedishTimeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/**
 * Sweden's wall clock at an instant, as a Date whose UTC fields (getUTCHours, getUTCDate…) read it; null before
 * 1900, where callers ask Intl directly.
 */
export function swedishWallClock(at: Date): Date | null {
  const t = at.getTime();
  return t >= firstWholeHourTransition ? new Date(t + swedishOffsetMs(t)) : null;
}

function swedishOffsetMs(t: number): number {
  const hour = Math.floor(t / hourMs);
  const cached = offsetsByUtcHour.get(hour);
  if (cached !== undefined) return cached;
  const start = hour * hourMs;
  const parts = stockholmWallClock.formatToParts(new Date(start));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const offset = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - start;
  if (offsetsByUtcHour.size >= maxCachedHours) offsetsByUtcHour.clear();
  offsetsByUtcHour.set(hour, offset);
  return offset;
}
