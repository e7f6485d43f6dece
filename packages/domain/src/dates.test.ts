import { describe, expect, it } from 'vitest';
import { calendarDateInSweden, daysInMonth, formatCalendarDate, isLeapYear, isRealCalendarDate, parseCalendarDate } from './dates.ts';

describe('calendar dates', () => {
  it('knows leap years and month lengths', () => {
    expect([2000, 2024].map(isLeapYear)).toEqual([true, true]);
    expect([1900, 2026].map(isLeapYear)).toEqual([false, false]);
    expect([daysInMonth(2024, 2), daysInMonth(2026, 2), daysInMonth(2026, 4), daysInMonth(2026, 12)]).toEqual([29, 28, 30, 31]);
  });
  it('parses only real days', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '20260401', '']) {
      expect(isRealCalendarDate(bad)).toBe(false);
    }
  });
  it('formats with padding', () => {
    expect(formatCalendarDate({ year: 987, month: 3, day: 4 })).toBe('0987-03-04');
  });
  it('reads an instant as the Swedish day, winter and summer', () => {
    expect(calendarDateInSweden(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(calendarDateInSweden(new Date('2026-01-14T22:30:00Z'))).toBe('2026-01-14');
    expect(calendarDateInSweden(new Date('2026-06-14T22:30:00Z'))).toBe('2026-06-15');
    expect(calendarDateInSweden('2026-06-14')).toBe('2026-06-14');
  });
  it('throws on invalid input', () => {
    expect(() => calendarDateInSweden(new Date('nope'))).toThrow(RangeError);
    expect(() => calendarDateInSweden('2026-02-30')).toThrow(RangeError);
  });
});
