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
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid Date');
  // formatToParts, not format: the locale's pattern is not a contract, the parts are.
  const parts = stockholmDate.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return formatCalendarDate({ year: part('year'), month: part('month'), day: part('day') });
}
